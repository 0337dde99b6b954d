package com.architectbot.slack;

import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.redaction.SecretRedactor;
import com.architectbot.render.FollowUps;
import com.architectbot.slack.blockkit.BlockKitFollowUps;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on a suggested follow-up under an answer ({@link BlockKitFollowUps}) is the clicker asking that question
 * in the answer's thread: it takes the way a typed mention takes (the core's rules, the queue, which deduplicates a
 * replayed click by its action's ts), and the thread shows who asked what. The payload is hostile like any message:
 * a click counts only on the bot's own message in a thread, with ids of Slack's shapes; the value is read as the
 * user's text, never as markup. A click is never a private conversation: a private command is not taken from one.
 */
final class SlackFollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(SlackFollowUps.class);
    private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{1,30}");
    private static final Pattern CONVERSATION = Pattern.compile("[CDG][A-Z0-9]{1,30}");
    private static final Pattern TS = Pattern.compile("\\d{1,12}\\.\\d{1,8}");

    private final SlackIntake intake;

    SlackFollowUps(SlackIntake intake) {
        this.intake = intake;
    }

    void register(App app) {
        app.blockAction(BlockKitFollowUps.ACTION_IDS, (req, ctx) -> onClick(req.getPayload(), ctx));
    }

    /** What a click says, once its shape checked out. */
    record Click(SlackTargets.Place place, String question) {}

    Response onClick(BlockActionPayload payload, ActionContext ctx) {
        String team = Objects.requireNonNullElse(
                ctx.getTeamId(),
                payload.getTeam() == null ? null : payload.getTeam().getId());
        Optional<Click> click = team == null ? Optional.empty() : read(payload, team, ctx.getBotUserId());
        if (click.isEmpty()) {
            return ctx.ack();
        }
        SlackTargets.Place place = click.get().place();
        var accepted = InquiryRules.followUp(click.get().question());
        var inquiry = new Inquiry(
                new InquiryId("slack:click:" + place.channel() + ":" + place.ts()), // a replayed click: the same id
                accepted.kind(),
                place.thread(),
                place.user(),
                accepted.text(),
                accepted.files());
        // the worker shows who asked what in the thread, once, before the answer (SlackReplier.prepare)
        intake.submit(inquiry, SlackTargets.followUp(team, place.channel(), place.root(), place.user()));
        return ctx.ack();
    }

    /** "<@U…> asked:" and the question quoted and escaped: it can neither mention nor format anything. */
    static String asked(String user, String question) {
        return "<@" + user + "> asked:\n" + SlackText.quote(SecretRedactor.redact(question));
    }

    /** The click, if it is one on our own answer in a thread, from a user, with a question we could have offered. */
    static Optional<Click> read(BlockActionPayload payload, String team, String botUserId) {
        Optional<String> refusal = refusal(payload, botUserId);
        if (refusal.isPresent()) {
            LOG.info("ignored a follow-up click in team {}: {}", team, refusal.get());
            return Optional.empty();
        }
        var action = payload.getActions().getFirst();
        Optional<String> question = FollowUps.clicked(action.getValue());
        if (question.isEmpty()) {
            LOG.info(
                    "ignored a follow-up click in team {}: its value is empty or longer than {} characters",
                    team,
                    FollowUps.MAX_QUESTION_CHARS);
            return Optional.empty();
        }
        Message message = payload.getMessage();
        var place = new SlackTargets.Place(
                team,
                payload.getContainer().getChannelId(),
                payload.getUser().getId(),
                message.getThreadTs(),
                action.getActionTs());
        return Optional.of(new Click(place, question.get()));
    }

    private static Optional<String> refusal(BlockActionPayload payload, String botUserId) {
        var container = payload.getContainer();
        Message message = payload.getMessage();
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return Optional.of("no action");
        }
        if (container == null || container.isEphemeral() || !matches(CONVERSATION, container.getChannelId())) {
            return Optional.of("not on a message in a conversation");
        }
        if (message == null || botUserId == null || !botUserId.equals(message.getUser())) {
            return Optional.of("not on one of the bot's messages");
        }
        if (!matches(TS, message.getThreadTs())) {
            return Optional.of("not in a thread");
        }
        if (payload.getUser() == null || !matches(USER, payload.getUser().getId())) {
            return Optional.of("no user");
        }
        if (!matches(TS, payload.getActions().getFirst().getActionTs())) {
            return Optional.of("no action ts");
        }
        return Optional.empty();
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
