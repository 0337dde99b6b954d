package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryRules;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import java.util.Objects;

/**
 * A mention in a channel becomes an inquiry answered in the thread: the thread the mention was posted
 * in, or the thread it starts. Only {@code app_mention} is handled in channels; the app does not
 * subscribe to channel messages, so a mention is never seen twice. A channel is shared: private commands
 * are refused there ({@link InquiryRules}).
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
        var place = new SlackTargets.Place(team, mention.getChannel(), mention.getUser(), root, mention.getTs());
        var message = new InquiryRules.Message(
                Surface.SLACK,
                SlackText.withoutMention(mention.getText(), ctx.getBotUserId()),
                SlackFiles.recorded(mention.getFiles()),
                false);
        var accepted = intake.decide(message, ctx, place);
        if (accepted.isEmpty()) {
            return ctx.ack();
        }
        var id = new InquiryId("slack:" + payload.getEventId()); // stable across Slack's retries: the dedupe key
        var inquiry = new Inquiry(
                id,
                accepted.get().kind(),
                place.thread(),
                place.user(),
                accepted.get().text(),
                accepted.get().files());
        if (intake.submit(inquiry, SlackTargets.thread(team, place.channel(), root))) {
            intake.later(
                    "reacting to a mention",
                    () -> ctx.client()
                            .reactionsAdd(r -> r.channel(place.channel())
                                    .timestamp(place.ts())
                                    .name(SlackFeedback.WORKING_REACTION)));
        }
        return ctx.ack();
    }
}
