package com.architectbot.consultation;

import static com.architectbot.consultation.PartialJson.JUNK;
import static com.architectbot.consultation.PartialJson.UNFINISHED;
import static com.architectbot.consultation.PartialJson.skipSpace;
import static com.architectbot.consultation.PartialJson.valueEnd;

import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Recommendation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The answer as far as the model has written its JSON ({@link AnswerJson}'s form, fields in the schema's order):
 * the complete sections, the one being written with its text so far or its complete items, nothing of the rest.
 * A Markdown fence and whitespace around the object are tolerated. A field out of order, an unknown field or a value
 * that is not the section's shape ends the draft there: later text shows nothing more, so every draft of one stream
 * extends the one before it. The reply of record is still read whole by {@link AnswerJson#fromJson}; a draft is only
 * what users watch meanwhile. Hostile text never throws and costs time in proportion to its length, up to
 * {@link #MAX_CHARS}.
 */
public final class PartialAnswer {

    /** Text past this is not read for drafts: four times a generous answer; the final answer still arrives. */
    public static final int MAX_CHARS = 32_768;

    private static final String FENCE = "```";
    /** The sections' fields; the sources come after them and show with the whole answer, not in drafts. */
    private static final List<String> FIELDS = Arrays.stream(ConsultationAnswer.class.getRecordComponents())
            .map(component -> component.getName())
            .limit(AnswerSection.values().length)
            .toList();

    private PartialAnswer() {}

    /** The draft in {@code sofar}; empty until the summary has begun (or when the text is no answer at all). */
    public static Optional<AnswerDraft> read(CharSequence sofar) {
        CharSequence text = sofar.length() > MAX_CHARS ? sofar.subSequence(0, MAX_CHARS) : sofar;
        int at = objectStart(text);
        if (at < 0) {
            return Optional.empty();
        }
        Sections sections = new Sections();
        for (int section = 0; section < FIELDS.size(); section++) {
            int value = valueStart(text, at, section);
            if (value < 0 || value == text.length()) {
                return sections.draft(section);
            }
            int end = valueEnd(text, value);
            if (end == JUNK || !sections.read(section, text, value, end == UNFINISHED ? text.length() : end)) {
                return sections.draft(section);
            }
            if (end == UNFINISHED) {
                return sections.draft(section);
            }
            at = end;
        }
        return sections.draft(FIELDS.size() - 1);
    }

    /** After the object's opening brace, past a fence line and spaces; -1 when it has not come (or will not). */
    private static int objectStart(CharSequence text) {
        int at = skipSpace(text, 0);
        if (text.length() - at >= FENCE.length() && FENCE.contentEquals(text.subSequence(at, at + FENCE.length()))) {
            int lineEnd = indexOf(text, '\n', at);
            at = lineEnd < 0 ? text.length() : skipSpace(text, lineEnd + 1);
        }
        return at < text.length() && text.charAt(at) == '{' ? at + 1 : -1;
    }

    /** Where the value of field number {@code section} starts, if its name, in order, and colon have come; else -1. */
    private static int valueStart(CharSequence text, int from, int section) {
        int at = skipSpace(text, from);
        if (section > 0) {
            if (at >= text.length() || text.charAt(at) != ',') {
                return -1;
            }
            at = skipSpace(text, at + 1);
        }
        if (at >= text.length() || text.charAt(at) != '"') {
            return -1;
        }
        int nameEnd = valueEnd(text, at);
        if (nameEnd < 0 || !FIELDS.get(section).equals(PartialJson.text(text, at + 1, nameEnd - 1))) {
            return -1;
        }
        at = skipSpace(text, nameEnd);
        if (at >= text.length() || text.charAt(at) != ':') {
            return -1;
        }
        return skipSpace(text, at + 1);
    }

    private static int indexOf(CharSequence text, char wanted, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The sections read so far; a section is read from its value's text, complete or cut off. */
    private static final class Sections {
        private String summary;
        private final List<String> criticalIssues = new ArrayList<>();
        private final List<AreaAnalysis> analysis = new ArrayList<>();
        private final List<Recommendation> recommendations = new ArrayList<>();
        private final List<String> questions = new ArrayList<>();

        /** Reads the value in {@code [from, to)}; false when it is not the section's shape (or is cut inside junk). */
        boolean read(int section, CharSequence text, int from, int to) {
            return switch (AnswerSection.values()[section]) {
                case SUMMARY -> summary(text, from, to);
                case CRITICAL_ISSUES -> items(text, from, to, String.class, criticalIssues);
                case ANALYSIS -> items(text, from, to, AreaAnalysis.class, analysis);
                case RECOMMENDATIONS -> items(text, from, to, Recommendation.class, recommendations);
                case QUESTIONS -> items(text, from, to, String.class, questions);
            };
        }

        Optional<AnswerDraft> draft(int writing) {
            if (summary == null) {
                return Optional.empty();
            }
            var sofar = new ConsultationAnswer(summary, criticalIssues, analysis, recommendations, questions);
            return Optional.of(new AnswerDraft(sofar, AnswerSection.values()[writing]));
        }

        private boolean summary(CharSequence text, int from, int to) {
            if (text.charAt(from) != '"') {
                return false;
            }
            boolean closed = to < text.length() || valueEnd(text, from) == to;
            summary = PartialJson.text(text, from + 1, closed ? to - 1 : to);
            return true;
        }

        /** The list's complete items, in order; stops at the first item that is cut off or not the item's shape. */
        private static <T> boolean items(CharSequence text, int from, int to, Class<T> type, List<T> items) {
            if (text.charAt(from) != '[') {
                return "null".contentEquals(text.subSequence(from, to)); // the model omitted an empty section
            }
            int at = from + 1;
            for (boolean first = true; ; first = false) {
                at = skipSpace(text, at);
                if (at < to && !first && text.charAt(at) == ',') {
                    at = skipSpace(text, at + 1);
                } else if (at < to && !first && text.charAt(at) != ']') {
                    return false;
                }
                if (at >= to || text.charAt(at) == ']') {
                    return true;
                }
                int end = valueEnd(text, at);
                if (end == UNFINISHED || end > to) {
                    return true; // the item is still being written
                }
                if (end == JUNK || !add(text.subSequence(at, end).toString(), type, items)) {
                    return false;
                }
                at = end;
            }
        }

        private static <T> boolean add(String json, Class<T> type, List<T> items) {
            if (type == String.class) {
                if (json.length() < 2 || json.charAt(0) != '"') {
                    return false;
                }
                items.add(type.cast(PartialJson.text(json, 1, json.length() - 1)));
                return true;
            }
            try {
                items.add(cleaned(AnswerJson.readPart(json, type)));
                return true;
            } catch (RuntimeException notThisShape) {
                return false;
            }
        }

        private static <T> T cleaned(T part) {
            Object clean = switch (part) {
                case AreaAnalysis area ->
                    new AreaAnalysis(
                            area.area(),
                            area.findings().stream().map(PartialJson::clean).toList());
                case Recommendation r -> new Recommendation(PartialJson.clean(r.text()), r.priority());
                default -> part;
            };
            @SuppressWarnings("unchecked")
            T same = (T) clean;
            return same;
        }
    }
}
