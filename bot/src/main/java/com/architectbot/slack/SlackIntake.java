package com.architectbot.slack;

import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.ReplyTarget;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.queue.Job;
import com.architectbot.slack.redis.RecentThreads;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.EventContext;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every Slack entry point leaves its inquiry: on the queue, remembered as the user's latest
 * thread. Also runs the small after-ack chores (a reaction, a status) off the request thread, where a
 * slow Slack cannot delay the acknowledgement.
 */
final class SlackIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SlackIntake.class);

    private final InquiryQueue queue;
    private final RecentThreads recent;
    private final Executor background;
    private final InquiryRules rules;

    SlackIntake(InquiryQueue queue, RecentThreads recent, Executor background, InquiryRules rules) {
        this.queue = queue;
        this.recent = recent;
        this.background = background;
        this.rules = rules;
    }

    /**
     * What the core makes of a message; a refusal is shown to the user alone (ephemeral, in the thread), after
     * the ack, once: not again when Slack re-sends the event.
     */
    Optional<InquiryRules.Accept> decide(InquiryRules.Message message, EventContext ctx, SlackTargets.Place place) {
        return decide(message, ctx, place, ctx.getRetryNum() != null && ctx.getRetryNum() > 0);
    }

    /** As {@link #decide(InquiryRules.Message, EventContext, SlackTargets.Place)}, for any request Slack sends. */
    Optional<InquiryRules.Accept> decide(
            InquiryRules.Message message, Context ctx, SlackTargets.Place place, boolean retried) {
        return switch (rules.decide(message)) {
            case InquiryRules.Accept accept -> Optional.of(accept);
            case InquiryRules.Refuse refuse -> {
                if (retried) {
                    yield Optional.empty(); // Slack re-sent the event: the first delivery told the user already
                }
                later(
                        "telling the user why not",
                        () -> ctx.client()
                                .chatPostEphemeral(r -> r.channel(place.channel())
                                        .user(place.user())
                                        .threadTs(place.root())
                                        .text(refuse.userMessage())));
                yield Optional.empty();
            }
        };
    }

    /**
     * Enqueues the job; if the queue is away this throws, Slack gets no ack and delivers the event again.
     *
     * @return false for a redelivery of an inquiry already queued: acknowledge it and do nothing more
     */
    boolean submit(Inquiry inquiry, ReplyTarget target) {
        return submit(new Job(inquiry, target));
    }

    /** Enqueues the job, as {@link #submit(Inquiry, ReplyTarget)}. */
    boolean submit(Job job) {
        Inquiry inquiry = job.inquiry();
        ReplyTarget target = job.replyTo();
        // first: a queued forget-me must find it to erase it; a slash command's thread is recorded once its root is
        // posted
        if (!SlackTargets.isNewThread(target)) {
            recent.record(inquiry.thread(), inquiry.user());
        }
        if (!queue.enqueue(job)) {
            LOG.debug("already queued {}", inquiry);
            return false;
        }
        LOG.debug("queued {}", inquiry);
        return true;
    }

    RecentThreads recent() {
        return recent;
    }

    /** Runs a cosmetic or follow-up task after the ack; its failure is logged, never thrown at Slack. */
    void later(String what, ThrowingTask task) {
        try {
            background.execute(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    LOG.warn("{} failed: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) { // the channel is closing: the chore is cosmetic
            LOG.info("{} skipped: the Slack channel is stopping", what);
        }
    }

    @FunctionalInterface
    interface ThrowingTask {
        void run() throws Exception;
    }
}
