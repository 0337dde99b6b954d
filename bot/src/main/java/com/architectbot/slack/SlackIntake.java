package com.architectbot.slack;

import com.architectbot.core.Inquiry;
import com.architectbot.core.ReplyTarget;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.queue.Job;
import com.architectbot.slack.redis.RecentThreads;
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

    SlackIntake(InquiryQueue queue, RecentThreads recent, Executor background) {
        this.queue = queue;
        this.recent = recent;
        this.background = background;
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
