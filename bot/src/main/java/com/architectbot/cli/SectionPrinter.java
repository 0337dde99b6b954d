package com.architectbot.cli;

import com.architectbot.core.Reply;
import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.render.Labels;
import com.architectbot.render.MarkdownRenderer;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints a consultation to the terminal as it is written: the summary as its words arrive, each later section once it
 * is complete, in the final answer's own Markdown, then
 * what is still missing once the answer is in: every section once, nothing twice. A section is cut from the
 * renderer's output by length alone (the answer with the later sections emptied, less the fixed text that empty
 * sections render as), so nothing the model wrote can move a boundary.
 */
final class SectionPrinter implements AnswerProgress {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final String EMPTY = markdown(new ConsultationAnswer("", null, null, null, null));

    /** Said before the whole answer when the model's answer was repaired after some of it was printed. */
    static final String CORRECTED = "(The answer above was corrected; here it is in full.)";

    /** How the renderer starts an answer: the summary's heading, then its text. */
    private static final String SUMMARY_HEADING = "## " + Labels.SUMMARY + "\n\n";

    private final PrintWriter out;
    private final StringBuilder shown = new StringBuilder();
    private int printed;

    SectionPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void status(String line) {}

    @Override
    public void draft(AnswerDraft draft) {
        int finished = draft.writing().ordinal();
        if (finished > printed) {
            print(draft.sofar(), finished);
        } else if (finished == 0) { // the summary is printed as it is written: the first words show at once
            show(SUMMARY_HEADING + draft.sofar().summary().strip());
        }
    }

    /**
     * The rest of the reply: for an answer, the sections not printed yet, or, when what was printed is not the start
     * of the answer (it was repaired), the whole answer after a line saying so; anything else whole.
     */
    void finish(Reply reply) {
        if (reply instanceof Reply.Answer answer) {
            String whole = markdown(answer.answer());
            out.print(
                    whole.startsWith(shown.toString())
                            ? whole.substring(shown.length())
                            : "\n" + CORRECTED + "\n\n" + whole);
        } else {
            MARKDOWN.render(reply).forEach(out::print);
        }
        out.flush();
    }

    private void print(ConsultationAnswer answer, int upTo) {
        show(markdown(upTo(answer, upTo)).substring(0, prefixLength(answer, upTo)));
        printed = upTo;
    }

    /** Prints what {@code text} adds to what is on screen; text that does not continue it waits for the end. */
    private void show(String text) {
        if (text.length() > shown.length() && text.startsWith(shown.toString())) {
            out.print(text.substring(shown.length()));
            out.flush();
            shown.setLength(0);
            shown.append(text);
        }
    }

    /** How long the Markdown of the first {@code sections} sections is. */
    private static int prefixLength(ConsultationAnswer answer, int sections) {
        if (sections == 0) {
            return 0;
        }
        String rendered = markdown(upTo(answer, sections));
        return sections == AnswerSection.values().length
                ? rendered.length()
                : rendered.length()
                        - emptyFrom(AnswerSection.values()[sections]).length();
    }

    /** What the sections from {@code first} on render as when empty: no model text in it. */
    private static String emptyFrom(AnswerSection first) {
        return EMPTY.substring(EMPTY.indexOf("## " + label(first)));
    }

    /** The answer with the sections from number {@code sections} on emptied. */
    private static ConsultationAnswer upTo(ConsultationAnswer a, int sections) {
        return new ConsultationAnswer(
                sections > 0 ? a.summary() : "",
                sections > 1 ? a.criticalIssues() : null,
                sections > 2 ? a.analysis() : null,
                sections > 3 ? a.recommendations() : null,
                sections > 4 ? a.questions() : null);
    }

    private static String label(AnswerSection section) {
        return switch (section) {
            case SUMMARY -> Labels.SUMMARY;
            case CRITICAL_ISSUES -> Labels.CRITICAL_ISSUES;
            case ANALYSIS -> Labels.ANALYSIS;
            case RECOMMENDATIONS -> Labels.RECOMMENDATIONS;
            case QUESTIONS -> Labels.QUESTIONS;
        };
    }

    private static String markdown(ConsultationAnswer answer) {
        List<String> parts = MARKDOWN.render(new Reply.Answer(answer));
        return String.join("", parts);
    }
}
