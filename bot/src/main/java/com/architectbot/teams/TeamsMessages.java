package com.architectbot.teams;

import com.architectbot.core.Reply;
import com.architectbot.core.report.ReleaseFile;
import com.architectbot.render.Renderer;
import com.architectbot.teams.cards.AdaptiveCardRenderer;
import com.architectbot.teams.cards.CardFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Entity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns rendered cards into Teams message activities. */
final class TeamsMessages {

    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
    static final String FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent";
    static final String FILE_INFO = "application/vnd.microsoft.teams.card.file.info";
    /** The key of the pending export's id in the consent card's accept and decline contexts. */
    static final String EXPORT_ID = "exportId";
    /** Under a licence report in a channel or group chat, where a bot cannot post files. */
    static final String FILES_ELSEWHERE = "The files of this check (%s) can only be shared in a personal chat: "
            + "send me the manifest there, or run `architect-bot license-check --format cyclonedx|spdx|notices`.";
    /** Teams' notification preview; the card's own fallback text is the full content. */
    private static final int SUMMARY_CHARS = 120;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> EXAMPLES = List.of(
            "We launch our multi-tenant SaaS on Postgres next month: what would stop you signing off?",
            "license-check pkg:maven/org.apache.commons/commons-lang3@3.19.0 --policy saas",
            "How should we roll out schema migrations without downtime?");

    private final Renderer<ObjectNode> renderer = new AdaptiveCardRenderer();

    /** One message per card; answers are marked as AI-generated, notices are not. */
    List<Activity> of(Reply reply) {
        boolean generated = switch (reply) {
            case Reply.Answer ignored -> true;
            case Reply.Notice ignored -> false;
            case Reply.LicenceCheck ignored -> false; // registry facts and policy verdicts, not model output
            case Reply.Export ignored -> false;
            case Reply.Decision ignored -> true; // the model wrote it from the thread
        };
        return renderer.render(reply).stream()
                .map(card -> message(card, generated))
                .toList();
    }

    /**
     * The export's summary card plus Teams' file consent card: Teams asks the user where to save the file
     * and only then hands the bot an upload URL. The consent card carries the size and the id the export
     * waits under ({@link PendingExports}), never the content.
     */
    List<Activity> export(Reply.Export export, String pendingId) {
        return withConsents(
                of(export),
                List.of(consent(
                        export.fileName(),
                        "Your conversations with Architect Bot, as JSON",
                        export.json(),
                        pendingId)));
    }

    /**
     * The licence report's cards, the last one followed by a file consent card per file (in the order of
     * {@code pendingIds}): each file is saved as itself, as it was made, once the user accepts it.
     */
    List<Activity> licenceFiles(Reply.LicenceCheck check, List<String> pendingIds) {
        List<ReleaseFile> files = check.files().get().files();
        List<Attachment> consents = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ReleaseFile file = files.get(i);
            consents.add(consent(file.name(), "A file of your licence check", file.content(), pendingIds.get(i)));
        }
        return withConsents(of(check), consents);
    }

    /**
     * The licence report in a channel or group chat, where a bot cannot post files: its last card says how to
     * get them, by name: the files themselves are never made here. One line of ours fits: cards are packed well
     * under Teams' message limit.
     */
    List<Activity> filesElsewhere(Reply.LicenceCheck check) {
        List<Activity> activities = of(check);
        String names = String.join(", ", check.files().names());
        String line = FILES_ELSEWHERE.formatted(names);
        ObjectNode card =
                (ObjectNode) activities.getLast().getAttachments().getFirst().getContent();
        ((ArrayNode) card.get("body")).add(text(line).put("isSubtle", true));
        card.put("fallbackText", card.path("fallbackText").asText("") + "\n\n" + line);
        return activities;
    }

    private static List<Activity> withConsents(List<Activity> activities, List<Attachment> consents) {
        Activity last = activities.getLast();
        List<Attachment> attachments = new ArrayList<>(last.getAttachments());
        attachments.addAll(consents);
        last.setAttachments(attachments);
        return activities;
    }

    private static Attachment consent(String name, String description, String content, String pendingId) {
        ObjectNode context = NODES.objectNode().put(EXPORT_ID, pendingId);
        ObjectNode consent = NODES.objectNode()
                .put("description", description)
                .put("sizeInBytes", content.getBytes(StandardCharsets.UTF_8).length);
        consent.set("acceptContext", context);
        consent.set("declineContext", context.deepCopy());
        Attachment card = new Attachment();
        card.setContentType(FILE_CONSENT);
        card.setName(name);
        card.setContent(consent);
        return card;
    }

    /** The uploaded file as Teams shows it in the chat, with a link to open it. */
    static Activity fileInfo(String name, String contentUrl, String uniqueId, String fileType) {
        Attachment info = new Attachment();
        info.setContentType(FILE_INFO);
        info.setName(name);
        info.setContentUrl(contentUrl);
        info.setContent(NODES.objectNode().put("uniqueId", uniqueId).put("fileType", fileType));
        Activity message = Activity.createMessageActivity();
        message.setAttachments(List.of(info));
        return message;
    }

    /** The greeting when the bot is installed in a chat or added to a team. */
    Activity welcome() {
        ArrayNode body = NODES.arrayNode();
        body.add(text("Hello, I'm Architect Bot")
                .put("style", "heading")
                .put("size", "Large")
                .put("weight", "Bolder"));
        body.add(text("A production architect on call: ask me about launch readiness, scaling, licensing, "
                + "multi-tenancy, billing, support, updates or security. In a channel, mention me; "
                + "I answer in the reply chain and remember it."));
        body.add(text("Try:").put("weight", "Bolder"));
        EXAMPLES.forEach(example -> body.add(text("• " + example)));
        body.add(text("Commands: **help**, **license-check** <packages> [--policy saas|distributed|internal], "
                        + "**forget**. In a personal chat you can also send me a pom.xml, package.json or lockfile.")
                .put("isSubtle", true));
        ObjectNode card = NODES.objectNode()
                .put("type", "AdaptiveCard")
                .put("$schema", CardFormat.SCHEMA)
                .put("version", CardFormat.VERSION)
                .put("fallbackText", "Hello, I'm Architect Bot. Ask me an architecture question, or type help.");
        card.set("body", body);
        return message(card, false);
    }

    private static ObjectNode text(String text) {
        return NODES.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    private static Activity message(ObjectNode card, boolean generated) {
        Activity message = Activity.createMessageActivity();
        Attachment attachment = new Attachment();
        attachment.setContentType(ADAPTIVE_CARD);
        attachment.setContent(card);
        message.setAttachments(List.of(attachment));
        String fallback = card.path("fallbackText").asText("");
        message.setSummary(preview(fallback));
        if (generated) {
            message.setEntities(List.of(aiGenerated()));
        }
        return message;
    }

    private static String preview(String text) {
        if (text.length() <= SUMMARY_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SUMMARY_CHARS - 2)) ? SUMMARY_CHARS - 2 : SUMMARY_CHARS - 1;
        return text.substring(0, end) + "…";
    }

    /** Teams labels a message "AI generated" when it carries this schema.org entity. */
    private static Entity aiGenerated() {
        Entity entity = new Entity();
        entity.setType("https://schema.org/Message");
        entity.setProperties("@type", NODES.textNode("Message"));
        entity.setProperties("@context", NODES.textNode("https://schema.org"));
        entity.setProperties("@id", NODES.textNode(""));
        entity.setProperties("additionalType", NODES.arrayNode().add("AIGeneratedContent"));
        return entity;
    }
}
