package com.architectbot.consultation;

import static java.util.Objects.requireNonNull;

import com.architectbot.licence.LicenceReport;

/** What the bot sends back for an inquiry. Renderers switch over it without a default. */
public sealed interface Reply {

    /** A consultation answer. */
    record Answer(ConsultationAnswer answer) implements Reply {
        public Answer {
            requireNonNull(answer, "answer");
        }
    }

    /** A licence check's report; each surface renders it (render.LicenceReportMarkdown and friends). */
    record LicenceCheck(LicenceReport report) implements Reply {
        public LicenceCheck {
            requireNonNull(report, "report");
        }
    }

    /** A short message: help, a confirmation, or why the request could not be answered. */
    record Notice(Tone tone, String text) implements Reply {
        public Notice {
            requireNonNull(tone, "tone");
            requireNonNull(text, "text");
        }
    }

    /** How a notice should look. */
    enum Tone {
        /** Help text, confirmations. */
        INFO,
        /** The request was not acceptable as it was; the text says how to fix it. */
        REJECTED,
        /** Something failed on our side; the text apologises and says what to do. */
        FAILED
    }
}
