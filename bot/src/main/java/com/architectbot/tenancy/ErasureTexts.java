package com.architectbot.tenancy;

import com.architectbot.conversation.Surface;
import com.architectbot.core.InquiryKind;

/** What {@code erase-all-data} tells an admin before and after: what goes, what stays, how to confirm. */
final class ErasureTexts {

    /** The argument that turns the command from a question into the erasure. */
    static final String CONFIRM = "confirm";
    /** What an erasure removes, for the operator's CLI and the admin's prompt alike. */
    static final String WHAT = "every conversation (the questions and the answers, in every thread), the usage "
            + "figures, the ratings of answers, the audit log, the settings (licence policy, model), exports waiting to be "
            + "accepted and the "
            + "records of requests that failed";

    private ErasureTexts() {}

    static String prompt(Surface surface) {
        return "This would erase all of this workspace's data kept by Architect Bot: " + WHAT
                + ". It cannot be undone. "
                + "Your plan stays" + tokens(surface) + ".\nTo go ahead, run "
                + Commands.of(surface, InquiryKind.ERASE_ALL_DATA).replaceFirst("`$", " " + CONFIRM + "`") + ".";
    }

    static String done(Surface surface) {
        return "Done: I erased all of this workspace's data: " + WHAT + ". The audit log now holds one entry: "
                + "that you erased it."
                + switch (surface) {
                    case SLACK -> " The app stays installed; uninstall it to remove its Slack tokens too.";
                    case TEAMS, CLI -> "";
                };
    }

    private static String tokens(Surface surface) {
        return switch (surface) {
            case SLACK -> ", and so does the app's Slack installation (its tokens) until you uninstall the app";
            case TEAMS, CLI -> "";
        };
    }
}
