package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.InquiryId;
import com.architectbot.core.Reply.Notice;
import com.architectbot.core.Reply.Tone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a job that will not be answered: parks it on the dead-letter stream for a person to look at, tells
 * the user once, marks it answered so no other worker tries again, and acknowledges it.
 */
final class GiveUp {

    private static final Logger log = LoggerFactory.getLogger(GiveUp.class);
    /** The apology's name in the job's delivered parts. */
    private static final String APOLOGY = "apology";

    private final JobStream stream;
    private final AnsweredMarks marks;
    private final DeliveredParts parts;
    private final Replier replier;
    private final String consumer;

    GiveUp(JobStream stream, AnsweredMarks marks, DeliveredParts parts, Replier replier, String consumer) {
        this.consumer = requireNonNull(consumer, "consumer");
        this.stream = requireNonNull(stream, "stream");
        this.marks = requireNonNull(marks, "marks");
        this.parts = requireNonNull(parts, "parts");
        this.replier = requireNonNull(replier, "replier");
    }

    /**
     * @param reason for the dead-letter entry: evidence, never user content
     * @param apology what the user reads
     */
    void giveUp(Delivery delivery, String reason, String apology) {
        stream.deadLetter(delivery, reason);
        InquiryId id = delivery.job().inquiry().id();
        try { // to the job's own target: a slash command whose thread root never came out is answered privately
            replier.deliver(
                    delivery.job().replyTo(),
                    new Notice(Tone.FAILED, apology),
                    new ReplyParts(id, APOLOGY, parts, ReplyParts.owner(consumer, delivery)));
        } catch (RuntimeException e) {
            log.warn("job {}: the apology could not be delivered: {}", id, Evidence.of(e));
        }
        marks.markAnswered(id);
        stream.acknowledge(delivery);
    }

    /** After the job failed this often, or its workers died this often. */
    static String afterTries(long tries) {
        return "Sorry, I couldn't answer this after " + tries + (tries == 1 ? " attempt: " : " attempts: ")
                + "something on my side kept failing, not your question. Please ask again in a few minutes.";
    }

    /** After the job's deadline passed. */
    static String afterDeadline(java.time.Duration budget) {
        return "Sorry, I couldn't answer this within " + budget.toSeconds() + " seconds: something on my side was "
                + "too slow, not your question. Please ask again in a few minutes.";
    }

    /** After an error that trying again would only repeat (a stack overflow, say). */
    static String afterError() {
        return "Sorry, I couldn't answer this: something on my side failed, not your question. "
                + "Please ask again, perhaps in other words.";
    }
}
