package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryFile;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.ReplyTarget;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import java.util.List;
import java.util.Objects;

/**
 * Direct messages: one consultation per DM thread, with that thread's context. In Slack's AI app
 * threads the user sees "is thinking..." until the answer lands. Messages anywhere but a DM are left
 * alone: in channels the bot answers mentions only, so a mention's {@code message} twin is never answered.
 */
final class SlackDirectMessages {

    private final SlackIntake intake;

    SlackDirectMessages(SlackIntake intake) {
        this.intake = intake;
    }

    void register(App app) {
        app.event(MessageEvent.class, this::onMessage);
        app.event(MessageFileShareEvent.class, this::onFileShare);
    }

    Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent message = payload.getEvent();
        if (!"im".equals(message.getChannelType())
                || message.getBotId() != null
                || message.getSubtype() != null
                || message.getUser() == null) {
            return ctx.ack(); // channel twins of mentions, bots, edits and deletions
        }
        var parsed = SlackText.parse(SlackText.withoutMention(message.getText(), ctx.getBotUserId()));
        accept(
                payload,
                ctx,
                message.getChannel(),
                message.getUser(),
                message.getThreadTs(),
                message.getTs(),
                parsed.kind(),
                parsed.text(),
                List.of());
        return ctx.ack();
    }

    Response onFileShare(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
        MessageFileShareEvent message = payload.getEvent();
        if (!"im".equals(message.getChannelType()) || message.getUser() == null) {
            return ctx.ack();
        }
        var parsed = SlackText.parse(SlackText.withoutMention(message.getText(), ctx.getBotUserId()));
        List<InquiryFile> files = SlackFiles.manifests(message.getFiles());
        accept(
                payload,
                ctx,
                message.getChannel(),
                message.getUser(),
                message.getThreadTs(),
                message.getTs(),
                files.isEmpty() ? parsed.kind() : InquiryKind.LICENCE_CHECK,
                parsed.text(),
                files);
        return ctx.ack();
    }

    private void accept(
            EventsApiPayload<?> payload,
            EventContext ctx,
            String channel,
            String user,
            String threadTs,
            String ts,
            InquiryKind kind,
            String text,
            List<InquiryFile> files) {
        String team = Objects.requireNonNullElse(ctx.getTeamId(), payload.getTeamId());
        String root = Objects.requireNonNullElse(threadTs, ts);
        boolean assistant = ctx.isAssistantThreadEvent();
        ReplyTarget target = assistant
                ? SlackTargets.assistantThread(team, channel, root)
                : SlackTargets.thread(team, channel, root);
        var inquiry = new Inquiry(
                new InquiryId("slack:" + payload.getEventId()),
                kind,
                new ThreadKey(Surface.SLACK, team, channel, root),
                user,
                text,
                files);
        if (!intake.submit(inquiry, target)) {
            return; // a redelivery of a message already queued
        }
        if (assistant) {
            intake.later(
                    "setting the assistant status",
                    () -> ctx.client()
                            .assistantThreadsSetStatus(
                                    r -> r.channelId(channel).threadTs(root).status(SlackFeedback.THINKING_STATUS)));
        } else {
            intake.later(
                    "reacting to a direct message",
                    () -> ctx.client()
                            .reactionsAdd(r -> r.channel(channel).timestamp(ts).name(SlackFeedback.WORKING_REACTION)));
        }
    }
}
