package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Deadline;
import com.architectbot.core.DeadlineExceeded;
import com.architectbot.core.InquiryId;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Reply;
import com.architectbot.core.Reply.Notice;
import com.architectbot.core.Reply.Tone;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One attempt at one delivered job: process, reply, mark, acknowledge, in that order, so a job is only ever
 * acknowledged once its reply is out. Logs one line per attempt with the inquiry id as correlation id and
 * never the inquiry's text.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    /** The MDC key that ties every log line of one job together. */
    static final String CORRELATION_ID = "inquiryId";
    /** The names of a job's replies in its delivered parts: each is delivered part by part, at most once. */
    static final String THREAD_ROOT = "thread";
    static final String ANSWER = "answer";

    private final JobStream stream;
    private final AnsweredMarks marks;
    private final DeliveredParts parts;
    private final JobProcessor processor;
    private final Replier replier;
    private final GiveUp giveUp;
    private final JobDeadline deadlines;
    private final int maxAttempts;
    private final int maxOrphanings;
    private final Duration retryDelay;
    private final String consumer;
    private final JobMetrics metrics;

    JobRunner(JobStream stream, AnsweredMarks marks, DeliveredParts parts, JobProcessor processor, Replier replier,
            QueueSettings settings, String consumer, JobMetrics metrics, Clock clock) {
        this.stream = requireNonNull(stream, "stream");
        this.marks = requireNonNull(marks, "marks");
        this.parts = requireNonNull(parts, "parts");
        this.processor = requireNonNull(processor, "processor");
        this.replier = requireNonNull(replier, "replier");
        this.giveUp = new GiveUp(stream, marks, parts, replier, consumer);
        this.deadlines = new JobDeadline(settings.deadline(), clock);
        this.maxAttempts = settings.maxAttempts();
        this.maxOrphanings = settings.maxOrphanings();
        this.retryDelay = settings.retryDelay();
        this.consumer = requireNonNull(consumer, "consumer");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    void run(Delivery delivery) {
        InquiryId id = delivery.job().inquiry().id();
        long started = System.nanoTime();
        MDC.put(CORRELATION_ID, id.value());
        try {
            String outcome = attempt(delivery);
            metrics.finished(outcome);
            log.info("job {} {} on attempt {} in {} ms", id, outcome, delivery.attempt(), elapsedMs(started));
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) { // taken over by another worker, or stopping: hands off
                metrics.finished("left_pending");
                log.warn("job {} stopped here on attempt {}: {}", id, delivery.attempt(), Evidence.of(e));
                return;
            }
            failed(delivery, e, started);
        } catch (Throwable error) { // an Error (a stack overflow): trying again would only repeat it
            crashed(delivery, error, started);
        } finally {
            MDC.remove(CORRELATION_ID);
        }
    }

    /** Returns what happened, for the log. */
    private String attempt(Delivery delivery) {
        InquiryId id = delivery.job().inquiry().id();
        if (marks.isAnswered(id)) { // its worker died between replying and acknowledging
            stream.acknowledge(delivery);
            return "skipped: already answered";
        }
        long failures = delivery.attempt() == 1 ? 0 : stream.failures(delivery);
        long orphanings = Math.max(0, delivery.attempt() - 1 - failures); // every other delivery: a worker died
        if (failures >= maxAttempts) { // the worker of the last failure died before dead-lettering it
            return abandon(delivery, "all " + maxAttempts + " attempts failed", GiveUp.afterTries(failures),
                    "dead-lettered: attempts used up");
        }
        if (orphanings >= maxOrphanings) { // a question that kills its workers must end too
            return abandon(delivery, "its workers stopped mid-job " + orphanings + " times",
                    GiveUp.afterTries(orphanings + failures), "dead-lettered: orphaned " + orphanings + " times");
        }
        Deadline deadline = deadlines.of(delivery);
        try {
            deadline.check("the job started");
            return deadlines.run(deadline, () -> answer(delivery, deadline));
        } catch (DeadlineExceeded e) { // the user has waited long enough: one apology, no retry
            metrics.failed(e);
            return abandon(delivery, Evidence.of(e), GiveUp.afterDeadline(deadlines.budget()),
                    "dead-lettered: past its deadline");
        }
    }

    /** Everything the job's deadline bounds: the thread root, the processing and the delivery of the reply. */
    private String answer(Delivery delivery, Deadline deadline) {
        InquiryId id = delivery.job().inquiry().id();
        Job job = delivery.job();
        Reply reply;
        String outcome;
        try {
            job = replier.prepare(job, parts(delivery, THREAD_ROOT)); // a slash command's thread root, posted once
            reply = processor.process(job.inquiry());
            outcome = "answered";
        } catch (PermanentFailure e) {
            if (e instanceof DeadlineExceeded || deadline.passed()) {
                throw e;
            }
            metrics.failed(e);
            reply = new Notice(Tone.REJECTED, e.userMessage());
            outcome = "rejected: " + Evidence.of(e);
        }
        if (marks.isAnswered(id)) { // this worker was presumed dead and another one answered meanwhile
            stream.acknowledge(delivery);
            return "skipped: answered by another worker meanwhile";
        }
        replier.deliver(job.replyTo(), reply, parts(delivery, ANSWER)); // parts out before a crash are not posted again
        marks.markAnswered(id);
        stream.acknowledge(delivery);
        return outcome;
    }

    /** Gives up from within an attempt; Redis failing meanwhile leaves the job pending, not counted against it. */
    private String abandon(Delivery delivery, String reason, String apology, String outcome) {
        try {
            giveUp.giveUp(delivery, reason, apology);
            return outcome;
        } catch (RuntimeException e) {
            log.warn("job {}: giving up failed, so it stays pending: {}", delivery.job().inquiry().id(), Evidence.of(e));
            return "left-pending: giving up failed";
        }
    }

    /**
     * A failed attempt is counted, then stays pending so it is reclaimed soon, unless the job has failed
     * {@code maxAttempts} times.
     */
    private void failed(Delivery delivery, Exception e, long started) {
        InquiryId id = delivery.job().inquiry().id();
        metrics.failed(e);
        long failures;
        try {
            failures = stream.recordFailure(delivery);
        } catch (RuntimeException unreachable) { // it stays pending: reclaimed after the visibility timeout
            metrics.finished("left_pending");
            log.warn("job {} left pending after it failed in {} ms: {}; counting the failure failed: {}", id,
                    elapsedMs(started), Evidence.of(e), Evidence.of(unreachable));
            return;
        }
        if (failures < maxAttempts) {
            metrics.finished("retried");
            log.warn("job {} will be retried in {} ms after failure {} of {} in {} ms: {}", id,
                    retryDelay.toMillis(), failures, maxAttempts, elapsedMs(started), Evidence.of(e));
            try {
                stream.retryAfter(consumer, delivery, retryDelay);
            } catch (RuntimeException unreachable) { // it stays pending: reclaimed after the visibility timeout
                log.warn("job {}: could not reschedule: {}", id, Evidence.of(unreachable));
            }
            return;
        }
        end(delivery, Evidence.of(e), GiveUp.afterTries(failures), started);
    }

    /** An {@link Error} in a job is permanent: the user gets an apology at once, never a hang or a repeat. */
    private void crashed(Delivery delivery, Throwable error, long started) {
        metrics.failed(error);
        log.error("job {} stopped by {} in {} ms; not retried", delivery.job().inquiry().id(), Evidence.of(error),
                elapsedMs(started));
        end(delivery, Evidence.of(error), GiveUp.afterError(), started);
    }

    private void end(Delivery delivery, String reason, String apology, long started) {
        InquiryId id = delivery.job().inquiry().id();
        try {
            giveUp.giveUp(delivery, reason, apology);
            metrics.finished("dead_lettered");
            log.warn("job {} dead-lettered on delivery {} in {} ms: {}", id, delivery.attempt(), elapsedMs(started),
                    reason);
        } catch (RuntimeException deadLetterFailure) {
            metrics.finished("left_pending");
            log.warn("job {} left pending on delivery {} in {} ms: {}; dead-lettering failed: {}",
                    id, delivery.attempt(), elapsedMs(started), reason, Evidence.of(deadLetterFailure));
        }
    }

    private ReplyParts parts(Delivery delivery, String reply) {
        return new ReplyParts(delivery.job().inquiry().id(), reply, parts, ReplyParts.owner(consumer, delivery));
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
