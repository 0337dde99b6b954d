package com.architectbot.slack.blockkit;

import com.architectbot.core.Reply;
import java.util.List;
import java.util.Optional;

/**
 * What a reply shares in Slack after its messages, in one {@code files.uploadV2} call: an export, or a licence
 * report's files (its table as CSV when not inline, and the files a release needs).
 *
 * @param comment posted with the files; empty for none
 */
public record SlackUpload(String comment, List<SlackFile> files) {

    public SlackUpload {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an upload has at least one file");
        }
    }

    /** The reply's files, if it has any; a licence check's are made now, on first ask. */
    public static Optional<SlackUpload> of(Reply reply) {
        return switch (reply) {
            case Reply.Export export ->
                Optional.of(new SlackUpload(
                        "", List.of(new SlackFile(export.fileName(), export.fileName(), export.json()))));
            case Reply.LicenceCheck check -> BlockKitLicenceReport.upload(check);
            case Reply.Answer ignored -> Optional.empty();
            case Reply.Notice ignored -> Optional.empty();
            case Reply.Decision ignored -> Optional.empty();
        };
    }

    /** Whether the reply shares files after its messages, told without making a licence check's files. */
    public static boolean expected(Reply reply) {
        return switch (reply) {
            case Reply.Export ignored -> true;
            case Reply.LicenceCheck check -> BlockKitLicenceReport.sharesFiles(check);
            case Reply.Answer ignored -> false;
            case Reply.Notice ignored -> false;
            case Reply.Decision ignored -> false;
        };
    }

    /** For a reply expected to share files and with none to share: the line saying which could not be made. */
    public static Optional<String> notMade(Reply reply) {
        return reply instanceof Reply.LicenceCheck check ? BlockKitLicenceReport.notMade(check) : Optional.empty();
    }

    /** The files' names, for the user when the upload fails. */
    public String names() {
        return String.join(", ", files.stream().map(SlackFile::fileName).toList());
    }
}
