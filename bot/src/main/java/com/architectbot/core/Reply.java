package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.knowledge.DecisionRecord;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.ReleaseFilesLater;
import com.architectbot.core.report.ReportFiles;

/** What the bot sends back for an inquiry. Renderers switch over it without a default. */
public sealed interface Reply {

    /** A consultation answer. */
    record Answer(ConsultationAnswer answer) implements Reply {
        public Answer {
            requireNonNull(answer, "answer");
        }
    }

    /**
     * A licence check's report; each surface renders it (render.LicenceReportMarkdown and friends) and sends its
     * files after it, in the same place (Slack: one upload into the thread; Teams: file consent in a personal chat).
     * The files are made only when a surface asks for them, after the report is out.
     */
    record LicenceCheck(LicenceReport report, ReleaseFilesLater files) implements Reply {
        public LicenceCheck {
            requireNonNull(report, "report");
            requireNonNull(files, "files");
        }

        /** A report with files already made. */
        public LicenceCheck(LicenceReport report, ReportFiles files) {
            this(report, ReleaseFilesLater.made(files));
        }

        /** A report with no files. */
        public LicenceCheck(LicenceReport report) {
            this(report, ReleaseFilesLater.NONE);
        }
    }

    /** A short message: help, a confirmation, or why the request could not be answered. */
    record Notice(Tone tone, String text) implements Reply {
        public Notice {
            requireNonNull(tone, "tone");
            requireNonNull(text, "text");
        }
    }

    /**
     * The user's data as a file, for a data-rights request: each surface sends it privately (Slack: a file in
     * a direct message; Teams: an attachment in the personal chat).
     *
     * @param summary one line saying what the file holds
     */
    record Export(String fileName, String json, String summary) implements Reply {
        public Export {
            requireNonNull(fileName, "fileName");
            requireNonNull(json, "json");
            requireNonNull(summary, "summary");
        }

        @Override
        public String toString() {
            return "Export[" + fileName + ", " + json.length() + " chars]"; // the file holds conversations
        }
    }

    /**
     * A decision record written from the thread, proposed: each surface posts it as a document (Slack: a file in
     * the thread; Teams: a file; CLI: Markdown) with a way for an admin to accept it into the tenant's knowledge.
     *
     * @param id what accepts it: {@code knowledge accept <id>}
     */
    record Decision(String id, DecisionRecord record) implements Reply {
        public Decision {
            requireNonNull(id, "id");
            requireNonNull(record, "record");
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
