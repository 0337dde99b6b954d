package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.InquiryId;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.PartState.Sending;
import com.architectbot.queue.PartState.Sent;
import com.architectbot.queue.PartState.Unsent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The parts of one reply to one inquiry (its answer, its apology, a slash command's thread root), each
 * posted at most once: a part recorded as sent is skipped, and a part whose earlier send has no known
 * outcome is first looked for on the platform. Repliers post every platform message through
 * {@link #once}; this is the one place that decides whether a message goes out.
 *
 * @param reply what the parts belong to, unique within the inquiry (e.g. {@code answer}, {@code apology})
 * @param owner who sends, unique per delivery of the job (consumer and attempt): of two workers holding the
 *     same job at once (one was presumed dead and is still running), only the one that claims a part posts it
 */
public record ReplyParts(InquiryId inquiry, String reply, DeliveredParts record, String owner) {

    public ReplyParts {
        requireNonNull(inquiry, "inquiry");
        requireNonNull(reply, "reply");
        requireNonNull(record, "record");
        requireNonNull(owner, "owner");
    }

    /** Parts of a reply sent by an owner nobody else shares the record with. */
    public ReplyParts(InquiryId inquiry, String reply, DeliveredParts record) {
        this(inquiry, reply, record, Sending.UNKNOWN);
    }

    /** The owner of one delivery of a queued job: the consumer it was handed to and the attempt. */
    public static String owner(String consumer, Delivery delivery) {
        return consumer + "#" + delivery.attempt();
    }

    /** Looks for a part on the platform: its message id, or empty when the platform has no such message. */
    @FunctionalInterface
    public interface Lookup {
        Optional<String> find();

        /** For a platform that cannot be asked: a part in doubt is sent again (see the replier's comment). */
        Lookup NONE = Optional::empty;
    }

    /**
     * A record kept only in memory, for deliveries that are not queued jobs (a CLI answer, a Teams file
     * card sent from a consent): nothing reclaims them, so nothing needs to outlive the process.
     */
    public static ReplyParts unrecorded(InquiryId inquiry, String reply) {
        return new ReplyParts(inquiry, reply, new InMemory());
    }

    /**
     * Posts the part unless it is already on the platform; returns its platform message id either way.
     *
     * @param lookup asked only when an earlier send of this part has no recorded outcome
     * @param post sends the part and returns the platform's message id; a {@link PermanentFailure} says
     *     the platform refused it for certain, so the part counts as unsent; any other failure leaves the
     *     outcome unknown
     * @throws RetryableFailure when another worker took the part between reading and claiming it: it may be
     *     posting it right now, so this one must not; by the next attempt the part is sent or in doubt
     */
    public String once(String part, Lookup lookup, Supplier<String> post) {
        String key = reply + "/" + part;
        PartState state = record.state(inquiry, key);
        if (state instanceof Sent sent) {
            return sent.messageId();
        }
        if (state instanceof Sending) {
            Optional<String> found = lookup.find();
            if (found.isPresent()) {
                record.record(inquiry, key, new Sent(found.get()));
                return found.get();
            }
        }
        if (!record.claim(inquiry, key, state, new Sending(owner))) {
            throw new RetryableFailure("part " + key + " of " + inquiry + " was taken by another worker");
        }
        String messageId;
        try {
            messageId = post.get();
        } catch (PermanentFailure refused) {
            record.record(inquiry, key, new Unsent());
            throw refused;
        }
        record.record(inquiry, key, new Sent(messageId));
        return messageId;
    }

    private static final class InMemory implements DeliveredParts {
        private final Map<String, PartState> states = new ConcurrentHashMap<>();

        @Override
        public PartState state(InquiryId id, String part) {
            return states.getOrDefault(part, new Unsent());
        }

        @Override
        public void record(InquiryId id, String part, PartState state) {
            if (state instanceof Unsent) {
                states.remove(part); // as in Redis: unsent is no entry, which claim() expects
            } else {
                states.put(part, state);
            }
        }

        @Override
        public boolean claim(InquiryId id, String part, PartState expected, Sending sending) {
            return expected instanceof Unsent
                    ? states.putIfAbsent(part, sending) == null
                    : states.replace(part, expected, sending);
        }
    }
}
