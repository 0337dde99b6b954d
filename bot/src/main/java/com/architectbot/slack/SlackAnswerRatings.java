package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.Feedback;
import com.architectbot.slack.blockkit.BlockKitFeedback;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thumbs up and down under answers: a click is recorded in the clicker's workspace before the ack (one Redis
 * write); a thumbs down then opens the optional comment modal, and its submission records the comment. The button
 * value and the modal's metadata are read as hostile ({@link BlockKitFeedback#read}); an answer the workspace does not
 * know (too old, erased, another workspace's) records nothing and the clicker is told it is too old to rate.
 */
final class SlackAnswerRatings {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAnswerRatings.class);
    static final String TOO_OLD = "This answer is too old to rate: answers can be rated for 30 days.";

    private final AnswerFeedback feedback;
    private final SlackIntake intake;

    SlackAnswerRatings(AnswerFeedback feedback, SlackIntake intake) {
        this.feedback = feedback;
        this.intake = intake;
    }

    void register(App app) {
        app.blockAction(BlockKitFeedback.ACTION_ID, (req, ctx) -> clicked(req.getPayload(), ctx));
        app.viewSubmission(BlockKitFeedback.COMMENT_CALLBACK, (req, ctx) -> commented(req.getPayload(), ctx));
    }

    private Response clicked(BlockActionPayload payload, ActionContext ctx) {
        String team = Objects.requireNonNullElse(
                ctx.getTeamId(),
                payload.getTeam() == null ? null : payload.getTeam().getId());
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        Optional<BlockKitFeedback.Rated> rated = payload.getActions() == null
                ? Optional.empty()
                : payload.getActions().stream()
                        .filter(action -> BlockKitFeedback.ACTION_ID.equals(action.getActionId()))
                        .findFirst()
                        .flatMap(action -> BlockKitFeedback.read(action.getValue()));
        if (team == null || user == null || rated.isEmpty()) {
            LOG.warn("a feedback click without a team, a user or a valid value was ignored");
            return ctx.ack();
        }
        switch (record(team, user, rated.get(), Optional.empty())) {
            case RECORDED -> {
                if (rated.get().rating() == Feedback.Rating.DOWN && payload.getTriggerId() != null) {
                    intake.later("opening the feedback comment modal", () -> openComment(ctx, payload, rated.get()));
                }
            }
            case UNKNOWN_ANSWER -> tooOld(ctx, payload, user);
        }
        return ctx.ack();
    }

    private Response commented(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
        String team = Objects.requireNonNullElse(
                ctx.getTeamId(),
                payload.getTeam() == null ? null : payload.getTeam().getId());
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        var view = payload.getView();
        Optional<BlockKitFeedback.Rated> rated =
                view == null ? Optional.empty() : BlockKitFeedback.read(view.getPrivateMetadata());
        if (team == null || user == null || rated.isEmpty()) {
            LOG.warn("a feedback comment without a team, a user or valid metadata was ignored");
            return ctx.ack();
        }
        record(team, user, rated.get(), comment(view.getState()));
        return ctx.ack(); // closes the modal
    }

    private AnswerFeedback.Outcome record(
            String team, String user, BlockKitFeedback.Rated rated, Optional<String> comment) {
        var outcome =
                feedback.record(new Feedback(Surface.SLACK, team, user, rated.inquiry(), rated.rating(), comment));
        LOG.info("feedback {} on {} in {}: {}", rated.rating().id(), rated.inquiry(), team, outcome);
        return outcome;
    }

    private static Optional<String> comment(ViewState state) {
        return Optional.ofNullable(state)
                .map(ViewState::getValues)
                .map(values -> values.get(BlockKitFeedback.COMMENT_BLOCK))
                .map((Map<String, ViewState.Value> block) -> block.get(BlockKitFeedback.COMMENT_ACTION))
                .map(ViewState.Value::getValue);
    }

    private static void openComment(ActionContext ctx, BlockActionPayload payload, BlockKitFeedback.Rated rated)
            throws Exception {
        var response = ctx.client()
                .viewsOpen(
                        r -> r.triggerId(payload.getTriggerId()).view(BlockKitFeedback.commentModal(rated.inquiry())));
        if (!response.isOk()) {
            LOG.warn("opening the feedback comment modal failed: {}", response.getError());
        }
    }

    private void tooOld(ActionContext ctx, BlockActionPayload payload, String user) {
        String channel =
                payload.getChannel() == null ? null : payload.getChannel().getId();
        if (channel == null) {
            return;
        }
        intake.later(
                "telling a user an answer is too old to rate",
                () -> ctx.client()
                        .chatPostEphemeral(r -> r.channel(channel).user(user).text(TOO_OLD)));
    }
}
