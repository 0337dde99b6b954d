package com.architectbot.slack;

import com.architectbot.core.PermanentFailure;
import com.architectbot.queue.ReplyParts;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks every message the bot posts with Slack message metadata naming its inquiry and part, and finds such
 * a message again: a worker that died mid-post left no record of whether Slack took the message, and
 * posting again could answer twice. A thread is searched with {@code conversations.replies}, a channel or
 * direct message with {@code conversations.history}, both with {@code include_all_metadata}. Anyone's app can
 * post a message carrying our metadata, so a match counts only when it was posted by this bot: its
 * {@code bot_id} is the one {@code auth.test} names for the token, asked only once a message matches, at
 * most once per look-up (look-ups happen only for parts in doubt, which are rare).
 */
final class SlackSentMessages {

    /** Slack's metadata event type for our answers: letters and underscores only. */
    static final String EVENT_TYPE = "architect_bot_answer";

    static final String INQUIRY = "inquiry_id";
    static final String PART = "part";
    /** Pages of 200 messages read before giving up: a thread or a recent channel history fits easily. */
    static final int MAX_PAGES = 5;

    private static final int PAGE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SlackSentMessages.class);

    private final SlackWebApi api;

    SlackSentMessages(SlackWebApi api) {
        this.api = api;
    }

    static Message.Metadata metadata(ReplyParts parts, String part) {
        return new Message.Metadata(EVENT_TYPE, Map.of(INQUIRY, parts.inquiry().value(), PART, key(parts, part)));
    }

    /**
     * The ts of the part's message in the thread ({@code threadTs}) or, without one, among the channel's
     * recent messages. When Slack will not let us look (an installation without the history scopes), the
     * part counts as not found, so it is posted again: twice is better than never.
     */
    Optional<String> find(MethodsClient client, String channel, String threadTs, ReplyParts parts, String part) {
        try {
            Supplier<String> ownBotId = memoized(() -> ownBotId(client));
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                Page found = threadTs == null
                        ? history(client, channel, cursor)
                        : replies(client, channel, threadTs, cursor);
                Optional<String> ts = found.messages().stream()
                        .filter(m -> isPart(m, parts, part))
                        .filter(m -> ownBotId.get().equals(m.getBotId()))
                        .map(Message::getTs)
                        .findFirst();
                if (ts.isPresent() || found.next() == null || found.next().isEmpty()) {
                    return ts;
                }
                cursor = found.next();
            }
            return Optional.empty();
        } catch (PermanentFailure e) {
            LOG.warn(
                    "could not look for {} of {} in {}, posting it again: {}",
                    part,
                    parts.inquiry(),
                    channel,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private String ownBotId(MethodsClient client) {
        String botId = api.call("auth.test", () -> client.authTest(r -> r)).getBotId();
        if (botId == null || botId.isBlank()) {
            throw new PermanentFailure("Slack's auth.test named no bot id for this token.");
        }
        return botId;
    }

    private static Supplier<String> memoized(Supplier<String> source) {
        String[] value = new String[1];
        return () -> value[0] != null ? value[0] : (value[0] = source.get());
    }

    private record Page(List<Message> messages, String next) {}

    private Page replies(MethodsClient client, String channel, String threadTs, String cursor) {
        var response = api.call(
                "conversations.replies",
                () -> client.conversationsReplies(r -> r.channel(channel)
                        .ts(threadTs)
                        .includeAllMetadata(true)
                        .limit(PAGE)
                        .cursor(cursor)));
        return page(response.getMessages(), response.getResponseMetadata());
    }

    private Page history(MethodsClient client, String channel, String cursor) {
        var response = api.call(
                "conversations.history",
                () -> client.conversationsHistory(r ->
                        r.channel(channel).includeAllMetadata(true).limit(PAGE).cursor(cursor)));
        return page(response.getMessages(), response.getResponseMetadata());
    }

    private static Page page(List<Message> messages, com.slack.api.model.ResponseMetadata metadata) {
        return new Page(messages == null ? List.of() : messages, metadata == null ? null : metadata.getNextCursor());
    }

    private static boolean isPart(Message message, ReplyParts parts, String part) {
        Message.Metadata metadata = message.getMetadata();
        return metadata != null
                && EVENT_TYPE.equals(metadata.getEventType())
                && metadata.getEventPayload() != null
                && parts.inquiry().value().equals(metadata.getEventPayload().get(INQUIRY))
                && key(parts, part).equals(metadata.getEventPayload().get(PART));
    }

    private static String key(ReplyParts parts, String part) {
        return parts.reply() + "/" + part;
    }
}
