package com.architectbot.teams;

import com.architectbot.core.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's answer to a file consent card ({@code fileConsent/invoke}) for an export or a licence check's file.
 * A decline or an expired file gets a short notice at once; an accepted file is uploaded after the invoke has
 * been answered (the upload is not the request thread's work), then shown as a file card in the chat.
 */
final class FileConsents implements AutoCloseable {

    static final String INVOKE_NAME = "fileConsent/invoke";
    // the same words for an export and a licence check's files: either is asked for again the way it was asked
    static final String DECLINED = "No file sent; ask again whenever you like.";
    static final String EXPIRED = "That file is no longer available (I keep one for an hour). Please ask again.";
    static final String UPLOAD_FAILED = "I could not save that file to OneDrive. Please ask again.";
    private static final Logger LOG = LoggerFactory.getLogger(FileConsents.class);

    private final PendingExports exports;
    private final ExportUploads uploads;
    private final TeamsMessages messages;
    private final TeamsReplier replier;
    private final ExecutorService uploading = Executors.newVirtualThreadPerTaskExecutor();

    FileConsents(PendingExports exports, ExportUploads uploads, TeamsMessages messages, TeamsReplier replier) {
        this.exports = exports;
        this.uploads = uploads;
        this.messages = messages;
        this.replier = replier;
    }

    /** Answers the invoke with 200 whatever the outcome: the user hears about it in the chat. */
    void onInvoke(TurnContext turn, Activity invoke) {
        JsonNode value = Serialization.objectToTree(invoke.getValue());
        String id = value.path("context").path(TeamsMessages.EXPORT_ID).asText(null);
        String user = invoke.getFrom() == null ? null : invoke.getFrom().getId();
        Optional<PendingExports.Pending> pending =
                exports.find(id).filter(p -> p.user().equals(user));
        String action = value.path("action").asText("");
        if ("decline".equals(action)) {
            pending.ifPresent(p -> exports.drop(id));
            notice(turn, DECLINED);
        } else if (!"accept".equals(action)) {
            LOG.warn("a Teams file consent with action '{}' ignored: only accept and decline are handled", action);
            notice(turn, EXPIRED);
        } else if (pending.isEmpty()) {
            LOG.info("a Teams file consent for an unknown or expired export");
            notice(turn, EXPIRED);
        } else {
            ConversationReference reference = invoke.getConversationReference();
            reference.setActivityId(invoke.getReplyToId()); // the consent card's message
            JsonNode uploadInfo = value.path("uploadInfo");
            uploading.submit(() -> deliver(reference, id, pending.get(), uploadInfo));
        }
        answer(turn);
    }

    private void deliver(ConversationReference reference, String id, PendingExports.Pending export, JsonNode info) {
        try {
            uploads.upload(uri(info.path("uploadUrl").asText("")), export.json());
            exports.drop(id);
            String name = info.path("name").asText(export.fileName());
            replier.send(
                    reference,
                    java.util.List.of(TeamsMessages.fileInfo(
                            name,
                            info.path("contentUrl").asText(""),
                            info.path("uniqueId").asText(""),
                            info.path("fileType").asText(extension(export.fileName())))));
            LOG.info("export {} uploaded to the user's OneDrive", export);
        } catch (ExportUploads.Failed e) {
            LOG.warn("export not uploaded: {}", e.getMessage());
            exports.drop(id);
            tell(reference, UPLOAD_FAILED);
        } catch (RuntimeException e) {
            LOG.warn("export upload or its file card failed: {}", e.toString());
        }
    }

    private void tell(ConversationReference reference, String text) {
        try {
            replier.send(reference, messages.of(new Reply.Notice(Reply.Tone.FAILED, text)));
        } catch (RuntimeException e) {
            LOG.warn("could not tell the user their export failed: {}", e.toString());
        }
    }

    private static String extension(String fileName) {
        return fileName.substring(fileName.lastIndexOf('.') + 1);
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void notice(TurnContext turn, String text) {
        turn.sendActivities(messages.of(new Reply.Notice(Reply.Tone.INFO, text)))
                .join();
    }

    /** Without this the SDK answers an invoke with 501. */
    private static void answer(TurnContext turn) {
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(HttpURLConnection.HTTP_OK, null));
        turn.sendActivity(response).join();
    }

    /** Lets uploads in flight finish (each is bounded by the upload and reply timeouts). */
    @Override
    public void close() {
        uploading.close();
    }

    static boolean isFileConsent(Activity activity) {
        return Objects.equals(activity.getName(), INVOKE_NAME);
    }
}
