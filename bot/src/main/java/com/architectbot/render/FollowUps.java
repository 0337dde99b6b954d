package com.architectbot.render;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.TypedCommand;
import com.architectbot.core.answer.ConsultationAnswer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The next questions offered as buttons under an answer, the same on every surface: the first
 * {@value #MAX_BUTTONS} usable ones of its Questions for Clarification (not blank, not a repeat, not one that reads
 * as a typed command such as {@code forget}: a click is always asked as a question), each with a
 * label short enough for a button and the whole question carried in the button, where the click brings it back.
 * A question too long for the button's value is skipped rather than cut: a cut question is not the one asked.
 */
public final class FollowUps {

    public static final int MAX_BUTTONS = 3;
    /** Slack's limit on a button's text; Teams shows about as much on one line. */
    public static final int MAX_LABEL_CHARS = 75;
    /** Slack's limit on a button's value: the longest question a click can carry, on every surface. */
    public static final int MAX_QUESTION_CHARS = 2000;

    private static final String ELLIPSIS = "…";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Controls and the Unicode "other" categories: nothing a person types, and nothing a button should carry. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\s]]");

    /** One button: the short {@code label} shown, the whole {@code question} asked when it is clicked. */
    public record FollowUp(String label, String question) {
        public FollowUp {
            requireNonNull(label, "label");
            requireNonNull(question, "question");
        }
    }

    private FollowUps() {}

    /** The buttons for this answer, in the answer's order; none when it asks nothing. */
    public static List<FollowUp> of(ConsultationAnswer answer) {
        List<FollowUp> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : answer.questions()) {
            if (chosen.size() == MAX_BUTTONS) {
                break;
            }
            Optional<String> question = clean(raw);
            if (question.isPresent()
                    && TypedCommand.parse(question.get()).isEmpty()
                    && seen.add(question.get().toLowerCase(Locale.ROOT))) {
                chosen.add(new FollowUp(label(question.get()), question.get()));
            }
        }
        return List.copyOf(chosen);
    }

    /**
     * The question a click brought back, as the user's own text: one line, unprintable characters out, or empty
     * when nothing is left or it is longer than any button carries (then it is not one we offered).
     */
    public static Optional<String> clicked(String value) {
        return value == null ? Optional.empty() : clean(value);
    }

    private static Optional<String> clean(String text) {
        if (text == null || text.length() > MAX_QUESTION_CHARS) {
            return Optional.empty();
        }
        String line = WHITESPACE
                .matcher(UNPRINTABLE.matcher(text).replaceAll(" "))
                .replaceAll(" ")
                .strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
    }

    /** The question whole when it fits, else cut at the last word boundary that leaves room for the ellipsis. */
    static String label(String question) {
        if (question.length() <= MAX_LABEL_CHARS) {
            return question;
        }
        int room = MAX_LABEL_CHARS - ELLIPSIS.length();
        int cut = question.lastIndexOf(' ', room);
        if (cut <= 0) {
            cut = Character.isHighSurrogate(question.charAt(room - 1)) ? room - 1 : room; // one long word
        }
        return question.substring(0, cut).strip() + ELLIPSIS;
    }
}
