package com.architectbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Activities as Teams sends them to {@code POST /api/messages}, their {@code serviceUrl} a fake Bot Connector. */
public final class TeamsActivities {

    public static final String BOT_ID = "28:bot-app-id";
    public static final String TENANT = "tenant-1";
    public static final String CHANNEL = "19:general@thread.tacv2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serviceUrl;

    public TeamsActivities(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    /** A message in a team channel that mentions the bot; {@code rootId} is the reply chain's first message. */
    public ObjectNode channelMention(String activityId, String rootId, String botName, String text) {
        ObjectNode activity =
                message(activityId, CHANNEL + ";messageid=" + rootId, "channel", "<at>" + botName + "</at> " + text);
        ((ObjectNode) activity.get("recipient")).put("name", botName);
        ObjectNode mention = activity.putArray("entities")
                .addObject()
                .put("type", "mention")
                .put("text", "<at>" + botName + "</at>");
        mention.putObject("mentioned").put("id", BOT_ID).put("name", botName);
        ObjectNode channelData = activity.putObject("channelData");
        channelData.putObject("channel").put("id", CHANNEL);
        channelData.putObject("tenant").put("id", TENANT);
        return activity;
    }

    /** A new message in a team channel that mentions the bot: Teams puts the root id in the conversation id. */
    public ObjectNode channelMention(String activityId, String botName, String text) {
        return channelMention(activityId, activityId, botName, text);
    }

    public ObjectNode personalMessage(String activityId, String conversationId, String text) {
        return message(activityId, conversationId, "personal", text);
    }

    /**
     * A click on an {@code Action.Submit} button of one of the bot's cards, by another user (29:user-2): a message
     * with no text whose {@code value} is the button's data; in a channel, in the reply chain of {@code rootId}.
     */
    public ObjectNode cardClick(String activityId, String conversationId, String conversationType, JsonNode value) {
        ObjectNode activity = base("message", conversationId, conversationType);
        activity.put("id", activityId).put("replyToId", "1700000000555");
        activity.putObject("from").put("id", "29:user-2").put("name", "Grace").put("aadObjectId", "aad-user-2");
        activity.set("value", value);
        if ("channel".equals(conversationType)) {
            ObjectNode channelData = activity.putObject("channelData");
            channelData.putObject("channel").put("id", CHANNEL);
            channelData.putObject("tenant").put("id", TENANT);
        }
        return activity;
    }

    /** A {@code fileConsent/invoke}: the user accepted or declined a file consent card. */
    public ObjectNode fileConsent(String conversationId, String action, String exportId, String uploadUrl) {
        ObjectNode activity = base("invoke", conversationId, "personal");
        activity.put("id", "f:consent-" + action)
                .put("name", "fileConsent/invoke")
                .put("replyToId", "1700000000999");
        ObjectNode value = activity.putObject("value").put("type", "fileUpload").put("action", action);
        value.putObject("context").put("exportId", exportId);
        if ("accept".equals(action)) {
            value.putObject("uploadInfo")
                    .put("name", "architect-bot-export.json")
                    .put("uploadUrl", uploadUrl)
                    .put(
                            "contentUrl",
                            "https://contoso-my.sharepoint.com/personal/ada/Documents/Applications/"
                                    + "architect-bot-export.json")
                    .put("uniqueId", "1150D938-8870-4044-9F2C-5BBDEBA70C8C")
                    .put("fileType", "json");
        }
        return activity;
    }

    public ObjectNode botAdded(String conversationId, String conversationType) {
        ObjectNode activity = base("conversationUpdate", conversationId, conversationType);
        activity.putArray("membersAdded").addObject().put("id", BOT_ID);
        return activity;
    }

    private ObjectNode message(String activityId, String conversationId, String conversationType, String text) {
        ObjectNode activity = base("message", conversationId, conversationType);
        activity.put("id", activityId).put("text", text).put("textFormat", "plain");
        return activity;
    }

    private ObjectNode base(String type, String conversationId, String conversationType) {
        ObjectNode activity = JSON.createObjectNode()
                .put("type", type)
                .put("channelId", "msteams")
                .put("serviceUrl", serviceUrl)
                .put("timestamp", "2026-11-25T07:00:00.000Z")
                .put("locale", "en-GB");
        activity.putObject("from").put("id", "29:user-1").put("name", "Ada").put("aadObjectId", "aad-user-1");
        activity.putObject("recipient").put("id", BOT_ID).put("name", "Architect Bot");
        activity.putObject("conversation")
                .put("id", conversationId)
                .put("conversationType", conversationType)
                .put("tenantId", TENANT);
        return activity;
    }
}
