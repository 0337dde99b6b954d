package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.ReplyTarget;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import java.util.Objects;

/**
 * A mention in a channel becomes an inquiry answered in the thread: the thread the mention was posted
 * in, or the thread it starts. Only {@code app_mention} is handled in channels; the app does not
 * subscribe to channel messages, so a mention is never seen twice.
 */
final class SlackMentions {

    private final SlackIntake intake;

    SlackMentions(SlackIntake intake) {
        this.intake = intake;
    }

    void register(App app) {
        app.event(AppMentionEvent.class, this::onMention);
    }

    Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent mention = payload.getEvent();
        if (mention.getBotId() != null
                || mention.getEdited() != null
                || mention.getSubtype() != null
                || mention.getUser() == null) {
            return ctx.ack(); // bots (ourselves included) and edits are not new questions
        }
        String team = Objects.requireNonNullElse(ctx.getTeamId(), payload.getTeamId());
        String root = Objects.requireNonNullElse(mention.getThreadTs(), mention.getTs());
        var thread = new ThreadKey(Surface.SLACK, team, mention.getChannel(), root);
        ReplyTarget target = SlackTargets.thread(team, mention.getChannel(), root);
        var id = new InquiryId("slack:" + payload.getEventId()); // stable across Slack's retries: the dedupe key
        var parsed = SlackText.parse(SlackText.withoutMention(mention.getText(), ctx.getBotUserId()));
        var files = SlackFiles.manifests(mention.getFiles());
        InquiryKind kind = files.isEmpty() ? parsed.kind() : InquiryKind.LICENCE_CHECK;
        if (!intake.submit(new Inquiry(id, kind, thread, mention.getUser(), parsed.text(), files), target)) {
            return ctx.ack(); // a redelivery of a mention already queued
        }
        intake.later(
                "reacting to a mention",
                () -> ctx.client()
                        .reactionsAdd(r -> r.channel(mention.getChannel())
                                .timestamp(mention.getTs())
                                .name(SlackFeedback.WORKING_REACTION)));
        return ctx.ack();
    }
}
