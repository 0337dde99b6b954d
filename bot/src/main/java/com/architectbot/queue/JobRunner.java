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
    private final FailedAttempts failures;
    private final JobDeadline deadlines;
    private final QueueSettings settings;
    private final String consumer;
    private final JobMetrics metrics;

    JobRunner(JobPipeline pipeline, QueueSettings settings, String consumer, JobMetrics metrics, Clock clock) {
        this.stream = pipeline.stream();
        this.marks = pipeline.marks();
        this.parts = pipeline.parts();
        this.processor = pipeline.processor();
        this.replier = pipeline.replier();
        this.settings = requireNonNull(settings, "settings");
        this.consumer = requireNonNull(consumer, "consumer");
        this.metrics = requireNonNull(metrics, "metrics");
        this.giveUp = new GiveUp(stream, marks, parts, replier, consumer);
        this.failures = new FailedAttempts(stream, giveUp, settings, consumer, metrics);
        this.deadlines = new JobDeadline(settings.deadline(), clock);
    }

    void run(Delivery delivery) {
        InquiryId id = delivery.job().inquiry().id();
        long started = System.nanoTime();
        MDC.put(CORRELATION_ID, id.value());
        try {
            JobOutcome.Result result = attempt(delivery);
            metrics.finished(result.outcome());
            log.info("job {} {} on attempt {} in {} ms", id, result, delivery.attempt(), elapsedMs(started));
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) { // taken over by another worker, or stopping: hands off
                metrics.finished(JobOutcome.LEFT_PENDING);
                log.warn("job {} stopped here on attempt {}: {}", id, delivery.attempt(), Evidence.of(e));
                return;
            }
            failures.failed(delivery, e, started);
        } catch (Throwable error) { // an Error (a stack overflow): trying again would only repeat it
            failures.crashed(delivery, error, started);
        } finally {
            MDC.remove(CORRELATION_ID);
        }
    }

    private JobOutcome.Result attempt(Delivery delivery) {
        InquiryId id = delivery.job().inquiry().id();
        if (marks.isAnswered(id)) { // its worker died between replying and acknowledging
            stream.acknowledge(delivery);
            return JobOutcome.SKIPPED.because("already answered");
        }
        long failed = delivery.attempt() == 1 ? 0 : stream.failures(delivery);
        long orphanings = Math.max(0, delivery.attempt() - 1 - failed); // every other delivery: a worker died
        if (failed >= settings.maxAttempts()) { // the worker of the last failure died before dead-lettering it
            return abandon(
                    delivery,
                    "all " + settings.maxAttempts() + " attempts failed",
                    GiveUp.afterTries(failed),
                    "attempts used up");
        }
        if (orphanings >= settings.maxOrphanings()) { // a question that kills its workers must end too
            return abandon(
                    delivery,
                    "its workers stopped mid-job " + orphanings + " times",
                    GiveUp.afterTries(orphanings + failed),
                    "orphaned " + orphanings + " times");
        }
        Deadline deadline = deadlines.of(delivery);
        try {
            deadline.check("the job started");
            return deadlines.run(deadline, () -> answer(delivery, deadline));
        } catch (DeadlineExceeded e) { // the user has waited long enough: one apology, no retry
            metrics.failed(e);
            return abandon(delivery, Evidence.of(e), GiveUp.afterDeadline(deadlines.budget()), "past its deadline");
        }
    }

    /** Everything the job's deadline bounds: the thread root, the processing and the delivery of the reply. */
    private JobOutcome.Result answer(Delivery delivery, Deadline deadline) {
        InquiryId id = delivery.job().inquiry().id();
        Job job = delivery.job();
        Reply reply;
        JobOutcome.Result result;
        try {
            job = replier.prepare(job, parts(delivery, THREAD_ROOT)); // a slash command's thread root, posted once
            reply = processor.process(job.inquiry(), replier.progress(job, parts(delivery, ANSWER)));
            result = JobOutcome.ANSWERED.plain();
        } catch (PermanentFailure e) {
            if (e instanceof DeadlineExceeded || deadline.passed()) {
                throw e;
            }
            metrics.failed(e);
            reply = new Notice(Tone.REJECTED, e.userMessage());
            result = JobOutcome.REJECTED.because(Evidence.of(e));
        }
        if (marks.isAnswered(id)) { // this worker was presumed dead and another one answered meanwhile
            stream.acknowledge(delivery);
            return JobOutcome.SKIPPED.because("answered by another worker meanwhile");
        }
        replier.deliver(job.replyTo(), reply, parts(delivery, ANSWER)); // parts out before a crash are not posted again
        marks.markAnswered(id);
        stream.acknowledge(delivery);
        return result;
    }

    /** Gives up from within an attempt; Redis failing meanwhile leaves the job pending, not counted against it. */
    private JobOutcome.Result abandon(Delivery delivery, String reason, String apology, String detail) {
        try {
            giveUp.giveUp(delivery, reason, apology);
            return JobOutcome.DEAD_LETTERED.because(detail);
        } catch (RuntimeException e) {
            log.warn(
                    "job {}: giving up failed, so it stays pending: {}",
                    delivery.job().inquiry().id(),
                    Evidence.of(e));
            return JobOutcome.LEFT_PENDING.because("giving up failed");
        }
    }

    private ReplyParts parts(Delivery delivery, String reply) {
        return new ReplyParts(delivery.job().inquiry().id(), reply, parts, ReplyParts.owner(consumer, delivery));
    }

    static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
