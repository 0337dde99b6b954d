package com.architectbot.slack.blockkit;

import com.architectbot.core.Reply;
import java.util.Optional;

/** A file to share in the Slack thread after a reply's messages: an export, or a licence table as CSV. */
public record SlackFile(String fileName, String title, String content) {

    /** The reply's file, if it has one: the licence table when it is not inline, an export. */
    public static Optional<SlackFile> of(Reply reply) {
        return switch (reply) {
            case Reply.Export export -> Optional.of(new SlackFile(export.fileName(), export.fileName(), export.json()));
            case Reply.LicenceCheck check -> BlockKitLicenceReport.csvFile(check.report());
            case Reply.Answer ignored -> Optional.empty();
            case Reply.Notice ignored -> Optional.empty();
        };
    }
}
