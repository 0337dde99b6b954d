package com.architectbot.queue;

import com.architectbot.core.InquiryId;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows an attempt that threw: a failure is counted and retried until the job has failed
 * {@code maxAttempts} times, then given up; an {@link Error} is given up at once. Each logs one line. The
 * runner, which checked its arguments, builds it.
 */
record FailedAttempts(JobStream stream, GiveUp giveUp, QueueSettings settings, String consumer, JobMetrics metrics) {

    private static final Logger log = LoggerFactory.getLogger(FailedAttempts.class);

    /** Counted, then pending so it is reclaimed soon, unless the job has failed {@code maxAttempts} times. */
    void failed(Delivery delivery, Exception e, long started) {
        InquiryId id = delivery.job().inquiry().id();
        metrics.failed(e);
        long failures;
        try {
            failures = stream.recordFailure(delivery);
        } catch (RuntimeException unreachable) { // it stays pending: reclaimed after the visibility timeout
            metrics.finished(JobOutcome.LEFT_PENDING);
            log.warn(
                    "job {} left pending after it failed in {} ms: {}; counting the failure failed: {}",
                    id,
                    JobRunner.elapsedMs(started),
                    Evidence.of(e),
                    Evidence.of(unreachable));
            return;
        }
        if (failures < settings.maxAttempts()) {
            retry(delivery, e, failures, started);
            return;
        }
        end(delivery, Evidence.of(e), GiveUp.afterTries(failures), started);
    }

    /** An {@link Error} in a job is permanent: the user gets an apology at once, never a hang or a repeat. */
    void crashed(Delivery delivery, Throwable error, long started) {
        metrics.failed(error);
        log.error(
                "job {} stopped by {} in {} ms; not retried",
                delivery.job().inquiry().id(),
                Evidence.of(error),
                JobRunner.elapsedMs(started));
        end(delivery, Evidence.of(error), GiveUp.afterError(), started);
    }

    private void retry(Delivery delivery, Exception e, long failures, long started) {
        InquiryId id = delivery.job().inquiry().id();
        Duration delay = settings.retryDelay();
        metrics.finished(JobOutcome.RETRIED);
        log.warn(
                "job {} will be retried in {} ms after failure {} of {} in {} ms: {}",
                id,
                delay.toMillis(),
                failures,
                settings.maxAttempts(),
                JobRunner.elapsedMs(started),
                Evidence.of(e));
        try {
            stream.retryAfter(consumer, delivery, delay);
        } catch (RuntimeException unreachable) { // it stays pending: reclaimed after the visibility timeout
            log.warn("job {}: could not reschedule: {}", id, Evidence.of(unreachable));
        }
    }

    private void end(Delivery delivery, String reason, String apology, long started) {
        InquiryId id = delivery.job().inquiry().id();
        try {
            giveUp.giveUp(delivery, reason, apology);
            metrics.finished(JobOutcome.DEAD_LETTERED);
            log.warn(
                    "job {} dead-lettered on delivery {} in {} ms: {}",
                    id,
                    delivery.attempt(),
                    JobRunner.elapsedMs(started),
                    reason);
        } catch (RuntimeException deadLetterFailure) {
            metrics.finished(JobOutcome.LEFT_PENDING);
            log.warn(
                    "job {} left pending on delivery {} in {} ms: {}; dead-lettering failed: {}",
                    id,
                    delivery.attempt(),
                    JobRunner.elapsedMs(started),
                    reason,
                    Evidence.of(deadLetterFailure));
        }
    }
}
