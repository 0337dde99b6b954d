package com.architectbot.teams;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryFile;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.UserRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Serialization;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Translates a Teams message activity into an {@link Inquiry}; no decisions beyond the translation. */
final class TeamsInquiries {

    static final String FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";
    /** The thread name of a personal or group chat: the whole chat is one context. */
    static final String WHOLE_CHAT = "chat";

    static final String NO_TENANT = "no-tenant";
    private static final String REPLY_CHAIN_MARKER = ";messageid=";
    private static final Pattern AT_TAG = Pattern.compile("<at>(.*?)</at>", Pattern.DOTALL);

    private TeamsInquiries() {}

    /**
     * The message as the core reads it: text without the bot's mention, images pasted into it (in any chat or
     * channel), and files sent in a personal chat (the only place Teams hands a bot a file's download link).
     */
    static InquiryRules.Message toMessage(Activity message) {
        boolean personal = isPersonal(message);
        List<InquiryFile> files = personal
                ? Stream.concat(files(message).stream(), pastedImages(message).stream())
                        .toList()
                : pastedImages(message);
        return new InquiryRules.Message(Surface.TEAMS, withoutBotMention(message), files, personal);
    }

    /**
     * @param message an activity {@link ActivityAdmission} admitted: its tenant and sender are as verified as the
     *     Bot Framework allows
     * @param accepted what the core made of it
     * @param adminIds the AAD object ids of the bot's admins ({@code TEAMS_ADMIN_IDS}); an admin acts only within
     *     a known tenant
     */
    static Inquiry toInquiry(Activity message, InquiryRules.Accept accepted, Set<String> adminIds) {
        String aadObjectId =
                message.getFrom() == null ? null : message.getFrom().getAadObjectId();
        boolean admin = aadObjectId != null && adminIds.contains(aadObjectId) && !NO_TENANT.equals(tenant(message));
        return new Inquiry(
                inquiryId(message),
                accepted.kind(),
                threadKey(message),
                message.getFrom() == null
                        ? "unknown"
                        : Objects.requireNonNullElse(message.getFrom().getId(), "unknown"),
                accepted.text(),
                accepted.files(),
                admin ? UserRole.ADMIN : UserRole.MEMBER);
    }

    /**
     * {@code teams:<activity id>@<conversation hash>}: Teams re-sends an activity with the same id, so the
     * id deduplicates; message ids are millisecond timestamps, so the conversation is part of the key.
     */
    static InquiryId inquiryId(Activity activity) {
        String conversation =
                tenant(activity) + "/" + activity.getConversation().getId();
        return new InquiryId("teams:" + activity.getId() + "@" + shortHash(conversation));
    }

    /** A reply chain in a channel; the whole chat elsewhere. Always within the tenant. */
    static ThreadKey threadKey(Activity activity) {
        String conversationId = activity.getConversation().getId();
        int marker = conversationId.indexOf(REPLY_CHAIN_MARKER);
        if (marker > 0) {
            return new ThreadKey(
                    Surface.TEAMS,
                    tenant(activity),
                    conversationId.substring(0, marker),
                    conversationId.substring(marker + REPLY_CHAIN_MARKER.length()));
        }
        if ("channel"
                .equals(activity.getConversation().getConversationType())) { // a new chain: this message is its root
            return new ThreadKey(Surface.TEAMS, tenant(activity), conversationId, activity.getId());
        }
        return new ThreadKey(Surface.TEAMS, tenant(activity), conversationId, WHOLE_CHAT);
    }

    static String tenant(Activity activity) {
        String tenant = activity.getConversation().getTenantId(); // ActivityAdmission puts the verified tenant here
        return tenant == null || tenant.isBlank() ? NO_TENANT : tenant;
    }

    static boolean isPersonal(Activity activity) {
        return "personal".equals(activity.getConversation().getConversationType());
    }

    /**
     * The text without the bot's mention. Done by hand: the mention's text ({@code <at>Name</at>}) is
     * removed literally, since the SDK's helper uses it as a regular expression and fails on names with
     * punctuation. Other users' mentions keep their names.
     */
    static String withoutBotMention(Activity activity) {
        String text = Objects.requireNonNullElse(activity.getText(), "");
        ChannelAccount bot = activity.getRecipient();
        String botId = bot == null ? "" : Objects.requireNonNullElse(bot.getId(), "");
        for (Entity entity : Objects.requireNonNullElse(activity.getEntities(), List.<Entity>of())) {
            Optional<String> mention = mentionTextOf(entity, botId);
            if (mention.isPresent()) {
                text = text.replace(mention.get(), " ");
            }
        }
        String botName = bot == null ? null : bot.getName();
        Matcher tags = AT_TAG.matcher(text);
        text = tags.replaceAll(
                tag -> tag.group(1).strip().equals(botName) ? " " : Matcher.quoteReplacement(tag.group(1)));
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static Optional<String> mentionTextOf(Entity entity, String botId) {
        if (!"mention".equalsIgnoreCase(entity.getType())) {
            return Optional.empty();
        }
        JsonNode mentioned = entity.getProperties().get("mentioned");
        JsonNode text = entity.getProperties().get("text");
        if (mentioned == null
                || text == null
                || !text.isTextual()
                || text.asText().isEmpty()
                || !botId.equals(mentioned.path("id").asText())) {
            return Optional.empty();
        }
        return Optional.of(text.asText());
    }

    private static List<InquiryFile> files(Activity message) {
        return Objects.requireNonNullElse(message.getAttachments(), List.<Attachment>of()).stream()
                .filter(a -> FILE_DOWNLOAD_INFO.equals(a.getContentType()) && a.getContent() != null)
                .flatMap(a -> downloadUrl(a).map(url -> new InquiryFile(a.getName(), url)).stream())
                .toList();
    }

    /**
     * Images pasted into the message: {@code image/*} attachments with a {@code contentUrl} on the Bot Connector.
     * The type is the platform's claim; the worker reads the bytes. No more than the core takes are recorded.
     */
    private static List<InquiryFile> pastedImages(Activity message) {
        return Objects.requireNonNullElse(message.getAttachments(), List.<Attachment>of()).stream()
                .filter(a -> a.getContentType() != null && a.getContentType().startsWith("image/"))
                .flatMap(a ->
                        httpUrl(a.getContentUrl())
                                .map(url -> new InquiryFile(a.getName(), url, a.getContentType()))
                                .stream())
                .limit(InquiryRules.MAX_PICTURE_FILES)
                .toList();
    }

    private static Optional<URI> downloadUrl(Attachment attachment) {
        return httpUrl(Serialization.objectToTree(attachment.getContent())
                .path("downloadUrl")
                .asText(""));
    }

    private static Optional<URI> httpUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url);
            return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme())
                    ? Optional.of(uri)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
