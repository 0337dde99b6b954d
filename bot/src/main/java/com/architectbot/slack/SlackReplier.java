package com.architectbot.slack;

import com.architectbot.consultation.Reply;
import com.architectbot.consultation.ReplyTarget;
import com.architectbot.conversation.Surface;
import com.architectbot.queue.Replier;
import com.architectbot.render.BlockKitRenderer;
import com.architectbot.render.BlockKitRenderer.SlackMessage;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts replies in the Slack thread they belong to, as Block Kit messages in order. Rate limits are
 * waited out by {@link SlackWebApi}; a platform that keeps failing surfaces as a retryable failure,
 * and the queue delivers the job again later.
 */
public final class SlackReplier implements Replier {

    private static final Logger LOG = LoggerFactory.getLogger(SlackReplier.class);

    private final Slack slack;
    private final BotTokens tokens;
    private final SlackWebApi api;
    private final BlockKitRenderer renderer;

    SlackReplier(Slack slack, BotTokens tokens, SlackWebApi api, BlockKitRenderer renderer) {
        this.slack = slack;
        this.tokens = tokens;
        this.api = api;
        this.renderer = renderer;
    }

    @Override
    public void deliver(ReplyTarget target, Reply reply) {
        if (target.surface() != Surface.SLACK) {
            throw new IllegalArgumentException("not a Slack reply target: " + target.surface());
        }
        MethodsClient client = slack.methods(tokens.forTeam(target.get(SlackTargets.TEAM)));
        String directTo = target.address().get(SlackTargets.DIRECT_TO);
        String channel = directTo != null ? openDirectMessage(client, directTo) : target.get(SlackTargets.CHANNEL);
        String threadTs = directTo != null ? null : target.get(SlackTargets.THREAD_TS);
        if (reply instanceof Reply.Export export) {
            upload(client, channel, threadTs, export);
            return;
        }
        for (SlackMessage message : renderer.render(reply)) {
            api.call("chat.postMessage", () -> client.chatPostMessage(r -> r
                    .channel(channel)
                    .threadTs(threadTs)
                    .text(message.text())
                    .blocks(message.blocks())
                    .unfurlLinks(false)
                    .unfurlMedia(false)));
        }
        if (SlackTargets.isAssistant(target)) {
            clearStatus(client, channel, threadTs);
        }
    }

    private String openDirectMessage(MethodsClient client, String user) {
        return api.call("conversations.open", () -> client.conversationsOpen(r -> r.users(java.util.List.of(user))))
                .getChannel().getId();
    }

    /** The export as a file, with its summary as the comment; {@code files.uploadV2} needs {@code files:write}. */
    private void upload(MethodsClient client, String channel, String threadTs, Reply.Export export) {
        api.call("files.uploadV2", () -> client.filesUploadV2(r -> r
                .channel(channel)
                .threadTs(threadTs)
                .filename(export.fileName())
                .title(export.fileName())
                .content(export.json())
                .initialComment(export.summary())));
    }

    /** Slack clears the status when the app replies; saying so explicitly costs one call and covers a slow client. */
    private static void clearStatus(MethodsClient client, String channel, String threadTs) {
        try {
            var response = client.assistantThreadsSetStatus(r -> r.channelId(channel).threadTs(threadTs).status(""));
            if (!response.isOk()) {
                LOG.debug("clearing the assistant status in {} failed: {}", channel, response.getError());
            }
        } catch (Exception e) {
            LOG.debug("clearing the assistant status in {} failed", channel, e); // cosmetic: the answer is posted
        }
    }
}
