package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.consultation.InquiryId;
import com.architectbot.consultation.PermanentFailure;
import com.architectbot.consultation.Reply;
import com.architectbot.consultation.Reply.Notice;
import com.architectbot.consultation.Reply.Tone;
import com.architectbot.consultation.RetryableFailure;
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
    private static final String THREAD = "thread";
    private static final String ANSWER = "answer";
    private static final String APOLOGY = "apology";

    private final JobStream stream;
    private final AnsweredMarks marks;
    private final DeliveredParts parts;
    private final JobProcessor processor;
    private final Replier replier;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final String consumer;
    private final JobMetrics metrics;

    JobRunner(JobStream stream, AnsweredMarks marks, DeliveredParts parts, JobProcessor processor, Replier replier,
            QueueSettings settings, String consumer, JobMetrics metrics) {
        this.stream = requireNonNull(stream, "stream");
        this.marks = requireNonNull(marks, "marks");
        this.parts = requireNonNull(parts, "parts");
        this.processor = requireNonNull(processor, "processor");
        this.replier = requireNonNull(replier, "replier");
        this.maxAttempts = settings.maxAttempts();
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
            failed(delivery, e, started);
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
        if (delivery.attempt() > maxAttempts) { // the workers of the earlier attempts died mid-job
            giveUp(delivery, "all " + maxAttempts + " attempts were taken by workers that stopped mid-job");
            return "dead-lettered: attempts used up";
        }
        Job job = delivery.job();
        Reply reply;
        String outcome;
        try {
            job = replier.prepare(job, parts(id, THREAD)); // a slash command's thread root, posted once
            reply = processor.process(job.inquiry());
            outcome = "answered";
        } catch (PermanentFailure e) {
            metrics.failed(e);
            reply = new Notice(Tone.REJECTED, e.userMessage());
            outcome = "rejected: " + evidence(e);
        }
        if (marks.isAnswered(id)) { // this worker was presumed dead and another one answered meanwhile
            stream.acknowledge(delivery);
            return "skipped: answered by another worker meanwhile";
        }
        replier.deliver(job.replyTo(), reply, parts(id, ANSWER)); // parts out before a crash are not posted again
        marks.markAnswered(id);
        stream.acknowledge(delivery);
        return outcome;
    }

    /** A failed attempt stays pending so it is reclaimed, unless it was the last one. */
    private void failed(Delivery delivery, Exception e, long started) {
        InquiryId id = delivery.job().inquiry().id();
        metrics.failed(e);
        if (delivery.attempt() < maxAttempts) {
            metrics.finished("retried");
            log.warn("job {} will be retried in {} ms after attempt {} of {} failed in {} ms: {}", id,
                    retryDelay.toMillis(), delivery.attempt(), maxAttempts, elapsedMs(started), evidence(e));
            try {
                stream.retryAfter(consumer, delivery, retryDelay);
            } catch (RuntimeException unreachable) { // it stays pending: reclaimed after the visibility timeout
                log.warn("job {}: could not reschedule: {}", id, evidence(unreachable));
            }
            return;
        }
        try {
            giveUp(delivery, evidence(e));
            metrics.finished("dead_lettered");
            log.warn("job {} dead-lettered after attempt {} of {} in {} ms: {}",
                    id, delivery.attempt(), maxAttempts, elapsedMs(started), evidence(e));
        } catch (RuntimeException deadLetterFailure) {
            metrics.finished("left_pending");
            log.warn("job {} left pending after its last attempt {} in {} ms: {}; dead-lettering failed: {}",
                    id, delivery.attempt(), elapsedMs(started), evidence(e), evidence(deadLetterFailure));
        }
    }

    /** Parks the job for a person to look at and tells the user, once. */
    private void giveUp(Delivery delivery, String reason) {
        stream.deadLetter(delivery, reason);
        InquiryId id = delivery.job().inquiry().id();
        try {
            Job job = replier.prepare(delivery.job(), parts(id, THREAD));
            replier.deliver(job.replyTo(), apology(), parts(id, APOLOGY));
        } catch (RuntimeException e) {
            log.warn("job {}: the apology could not be delivered: {}", id, evidence(e));
        }
        marks.markAnswered(id);
        stream.acknowledge(delivery);
    }

    private ReplyParts parts(InquiryId id, String reply) {
        return new ReplyParts(id, reply, parts);
    }

    private Notice apology() {
        return new Notice(Tone.FAILED, "Sorry, I couldn't answer this after " + maxAttempts + (maxAttempts == 1 ? " attempt: " : " attempts: ")
                + "something on my side kept failing, not your question. Please ask again in a few minutes.");
    }

    /**
     * What a log line may say about a failure. Our own failure types promise messages without user content;
     * any other exception may quote it (a JSON parser quoting the model's output), so only its type and
     * where it was thrown are logged.
     */
    static String evidence(Throwable e) {
        if (e instanceof RetryableFailure || e instanceof PermanentFailure) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
