package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryFile;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.TypedCommand;
import com.architectbot.queue.Job;
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
 * A DM is private, so private commands (usage, export, ...) are taken here as with {@code /architect}.
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
        var place =
                place(payload, ctx, message.getChannel(), message.getUser(), message.getThreadTs(), message.getTs());
        accept(payload, ctx, place, message.getText(), List.of());
        return ctx.ack();
    }

    Response onFileShare(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
        MessageFileShareEvent message = payload.getEvent();
        if (!"im".equals(message.getChannelType()) || message.getUser() == null) {
            return ctx.ack();
        }
        var place =
                place(payload, ctx, message.getChannel(), message.getUser(), message.getThreadTs(), message.getTs());
        accept(payload, ctx, place, message.getText(), SlackFiles.recorded(message.getFiles()));
        return ctx.ack();
    }

    private static SlackTargets.Place place(
            EventsApiPayload<?> payload, EventContext ctx, String channel, String user, String threadTs, String ts) {
        String team = Objects.requireNonNullElse(ctx.getTeamId(), payload.getTeamId());
        return new SlackTargets.Place(team, channel, user, Objects.requireNonNullElse(threadTs, ts), ts);
    }

    private void accept(
            EventsApiPayload<?> payload,
            EventContext ctx,
            SlackTargets.Place place,
            String text,
            List<InquiryFile> files) {
        var message = new InquiryRules.Message(
                Surface.SLACK, SlackText.withoutMention(text, ctx.getBotUserId()), files, true);
        var accepted = intake.decide(message, ctx, place);
        if (accepted.isEmpty()) {
            return;
        }
        var inquiry = new Inquiry(
                new InquiryId("slack:" + payload.getEventId()),
                accepted.get().kind(),
                place.thread(),
                place.user(),
                accepted.get().text(),
                accepted.get().files());
        Job job = job(inquiry, place, ctx.isAssistantThreadEvent());
        if (intake.submit(job)) {
            feedback(ctx, place, SlackTargets.isAssistant(job.replyTo()));
        }
    }

    /** A private command is answered in a direct message once Slack has told the worker the asker's role. */
    private static Job job(Inquiry inquiry, SlackTargets.Place place, boolean assistant) {
        if (TypedCommand.isPrivate(inquiry.kind())) {
            return SlackCommandJobs.privately(inquiry, place.team());
        }
        ReplyTarget target = assistant
                ? SlackTargets.assistantThread(place.team(), place.channel(), place.root())
                : SlackTargets.thread(place.team(), place.channel(), place.root());
        return new Job(inquiry, target);
    }

    private void feedback(EventContext ctx, SlackTargets.Place place, boolean assistant) {
        if (assistant) {
            intake.later(
                    "setting the assistant status",
                    () -> ctx.client()
                            .assistantThreadsSetStatus(r -> r.channelId(place.channel())
                                    .threadTs(place.root())
                                    .status(SlackFeedback.THINKING_STATUS)));
        } else {
            intake.later(
                    "reacting to a direct message",
                    () -> ctx.client()
                            .reactionsAdd(r -> r.channel(place.channel())
                                    .timestamp(place.ts())
                                    .name(SlackFeedback.WORKING_REACTION)));
        }
    }
}
