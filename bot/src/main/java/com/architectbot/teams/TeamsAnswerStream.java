package com.architectbot.teams;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.queue.PartState;
import com.architectbot.queue.ReplyParts;
import com.architectbot.render.DraftMarkdown;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's answer, shown while it is written. In a personal chat it is streamed ({@link StreamActivities}); in a
 * channel or group chat, where Teams streams nothing, one message is posted at the first draft and replaced with
 * later ones. Either way it goes out no more often than {@link StreamLimits#interval()} (a draft that arrives
 * sooner waits for the next one), stays quiet for a while after a 429, and stops for good past Teams' limits or
 * at a refusal: the reply that follows ({@link TeamsReplier#deliver}) carries the whole answer regardless.
 *
 * <p>The live message is its own recorded reply ({@value #STREAM}) of the inquiry, so whatever reply follows,
 * from this worker or from one that reclaimed the job, finds it and finishes or replaces it. A stream a
 * predecessor opened is left to that reply: its numbering is lost with the predecessor.
 */
final class TeamsAnswerStream implements AnswerProgress {

    /** The live message's reply name in the job's delivered parts. */
    static final String STREAM = "stream";
    /** Its one part: the message, recorded with the id Bot Connector gave it (the stream's id). */
    static final String MESSAGE = "message";

    private static final Logger log = LoggerFactory.getLogger(TeamsAnswerStream.class);

    private final TeamsConversation conversation;
    private final ConversationReference reference;
    private final ReplyParts live;
    private final boolean streaming;
    private final StreamLimits limits;
    private final LongSupplier nanoTime;

    private String messageId;
    private int sequence;
    /** The answer's text as last shown; empty until the answer itself begins (status lines are not kept). */
    private String shown = "";

    private boolean stopped;
    private Update pending;
    private long startedNanos;
    private long lastSentNanos;
    private long quietUntilNanos;

    private record Update(String streamType, String text) {}

    TeamsAnswerStream(
            TeamsConversation conversation,
            ConversationReference reference,
            ReplyParts answer,
            boolean streaming,
            StreamLimits limits,
            LongSupplier nanoTime) {
        this.conversation = conversation;
        this.reference = reference;
        this.live = new ReplyParts(answer.inquiry(), STREAM, answer.record(), answer.owner());
        this.streaming = streaming;
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /** A status line: Teams' informative update, shown in a personal chat until the answer itself begins. */
    @Override
    public synchronized void status(String line) {
        if (streaming && shown.isEmpty() && line != null && !line.isBlank()) {
            String text = StreamText.plain(StreamText.cut(line.strip(), StreamLimits.MAX_STATUS_CHARS));
            offer(new Update(StreamActivities.INFORMATIVE, text));
        }
    }

    @Override
    public synchronized void draft(AnswerDraft draft) {
        String text = StreamText.of(DraftMarkdown.render(draft), limits.maxChars());
        if (!text.isBlank()) {
            offer(new Update(StreamActivities.STREAMING, text));
        }
    }

    /** The text the stream shows now, which its final message must repeat; empty before the answer began. */
    synchronized String shown() {
        return shown;
    }

    /** Sends nothing more: the reply is being delivered. */
    synchronized void stop() {
        stopped = true;
    }

    private void offer(Update update) {
        if (stopped) {
            return;
        }
        pending = update;
        long now = nanoTime.getAsLong();
        if (streaming
                && messageId != null
                && now - startedNanos > limits.maxDuration().toNanos()) {
            stopBecause("it ran for " + limits.maxDuration().toSeconds() + " s");
        } else if (now >= quietUntilNanos
                && (lastSentNanos == 0
                        || now - lastSentNanos >= limits.interval().toNanos())) {
            sendPending(now);
        }
    }

    /** Never throws: a live view that fails only loses its liveliness. */
    private void sendPending(long now) {
        Update update = pending;
        if (update.text().equals(shown)) {
            return; // nothing new to show
        }
        if (streaming && !update.text().startsWith(shown)) {
            stopBecause("the draft no longer extends what was streamed"); // Teams refuses a stream that changes
            return;
        }
        try {
            if (messageId == null ? start(update) : next(update)) {
                shown(update);
            }
            pending = null;
        } catch (TeamsConversation.Throttled e) {
            Duration quiet = e.retryAfter().compareTo(limits.backoff()) > 0 ? e.retryAfter() : limits.backoff();
            quietUntilNanos = now + quiet.toNanos();
            log.info("live answer held back for {} ms: {}", quiet.toMillis(), e.getMessage());
        } catch (PermanentFailure e) {
            stopBecause(e.getMessage());
        } catch (RetryableFailure e) {
            quietUntilNanos = now + limits.backoff().toNanos();
            log.info("live answer update failed, trying again later: {}", e.getMessage());
        } catch (RuntimeException e) {
            stopBecause(e.toString());
        } finally {
            lastSentNanos = nanoTime.getAsLong(); // from the end of a call: Teams sees them at least this far apart
        }
    }

    /**
     * Opens the live message, once per inquiry. A predecessor's posted message is taken over and updated from here
     * on; a predecessor's stream is left to the reply, which closes it (its numbering died with the predecessor).
     *
     * @return whether the update is on the platform
     */
    private boolean start(Update update) {
        startedNanos = nanoTime.getAsLong();
        if (live.record().state(live.inquiry(), STREAM + "/" + MESSAGE) instanceof PartState.Sent sent) {
            if (streaming) {
                stopBecause("a predecessor's stream is open; the reply will close it");
                return false;
            }
            messageId = sent.messageId();
            return next(update);
        }
        sequence = 1;
        Activity first = streaming
                ? StreamActivities.update(update.streamType(), update.text(), sequence, null)
                : StreamActivities.text(update.text());
        messageId = live.once(MESSAGE, ReplyParts.Lookup.NONE, () -> conversation.call(reference, c -> c.send(first)));
        return true;
    }

    private boolean next(Update update) {
        if (streaming) {
            Activity next = StreamActivities.update(update.streamType(), update.text(), ++sequence, messageId);
            conversation.call(reference, calls -> calls.send(next));
        } else {
            conversation.call(reference, calls -> {
                calls.update(messageId, StreamActivities.text(update.text()));
                return messageId;
            });
        }
        return true;
    }

    private void shown(Update update) {
        if (update.streamType().equals(StreamActivities.STREAMING)) {
            shown = update.text();
        }
    }

    private void stopBecause(String reason) {
        if (!stopped) {
            stopped = true;
            log.info("live answer stopped, the reply will carry the whole answer: {}", reason);
        }
    }
}
