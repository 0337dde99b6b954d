package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.consultation.InquiryId;
import com.architectbot.consultation.PermanentFailure;
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
 */
public record ReplyParts(InquiryId inquiry, String reply, DeliveredParts record) {

    public ReplyParts {
        requireNonNull(inquiry, "inquiry");
        requireNonNull(reply, "reply");
        requireNonNull(record, "record");
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
        record.record(inquiry, key, new Sending());
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
            states.put(part, state);
        }
    }
}
