package com.architectbot.slack;

import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's answer shown live in Slack while it is written. The worker reports status lines and drafts as often as the
 * model writes; this keeps only the latest of each and a sender thread of its own shows them on the
 * {@link SlackLiveMessage}, at most once per {@link #INTERVAL} (what arrives between is batched into the next call),
 * so the worker never waits on Slack and the message is never edited faster than Slack allows; only the answer's
 * first text follows the status line at once rather than a second later. Nothing here
 * throws at the worker: a live view that fails stops, and the final reply still arrives whole.
 */
final class SlackAnswerStream implements AnswerProgress {

    /** At most one call per message this often: Slack's edits and appends are meant for about one a second. */
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** A sender with nothing new for this long ends (its job failed and was not delivered here). */
    static final Duration IDLE = Duration.ofMinutes(5);
    /** How long closing waits for a call in flight; the live message's calls give up well before. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SlackAnswerStream.class);

    private final SlackLiveMessage message;
    private final Runnable ended;
    private final Object lock = new Object();
    private String status = "";
    private AnswerDraft draft;
    private long version;
    private boolean closed;
    private Thread sender;
    private volatile long lastCall = System.nanoTime() - INTERVAL.toNanos();

    /** @param ended told once the sender has ended by itself (idle or failed), so the stream can be forgotten */
    SlackAnswerStream(SlackLiveMessage message, Runnable ended) {
        this.message = message;
        this.ended = ended;
    }

    @Override
    public void status(String line) {
        offer(line == null ? "" : line, null);
    }

    @Override
    public void draft(AnswerDraft draft) {
        offer(null, draft); // drawn on the sender: the worker only leaves it there
    }

    private void offer(String newStatus, AnswerDraft newDraft) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            status = newStatus != null ? newStatus : status;
            draft = newDraft != null ? newDraft : draft;
            version++;
            if (sender == null) {
                sender = Thread.ofVirtual().name("slack-answer-stream").start(this::send);
            }
            lock.notifyAll();
        }
    }

    /**
     * Stops showing and waits for a call in flight, and for the message's next turn, so the final reply is the last
     * word on the message and comes no sooner after the last live call than any other.
     */
    void close() {
        Thread running;
        synchronized (lock) {
            closed = true;
            running = sender;
            lock.notifyAll();
        }
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        try {
            if (!running.join(CLOSE_WAIT)) {
                LOG.warn("the live answer's last call was still running after {}", CLOSE_WAIT);
            }
            long wait = lastCall + INTERVAL.toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send() {
        long shown = 0;
        String drawn = "";
        boolean answerShown = false;
        try {
            while (true) {
                String nowStatus;
                AnswerDraft nowDraft;
                synchronized (lock) {
                    if (!awaitNews(shown) || !awaitTurn(answerShown)) {
                        return;
                    }
                    nowStatus = status;
                    nowDraft = draft;
                    shown = version;
                }
                drawn = nowDraft == null ? drawn : draw(nowDraft, drawn);
                try {
                    message.show(nowStatus, drawn);
                    answerShown |= nowDraft != null;
                } finally { // counted from the call's end: the next one arrives a full interval after it
                    lastCall = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // Slack refused or kept failing: the final reply replaces what was shown
            LOG.info("the live answer stopped: {}", e.getMessage());
        } finally {
            boolean byItself;
            synchronized (lock) {
                byItself = !closed;
                closed = true;
            }
            if (byItself) {
                ended.run();
            }
        }
    }

    /** The draft's escaped Markdown; one that cannot be drawn leaves the text as it was (the final reply is whole). */
    private static String draw(AnswerDraft draft, String before) {
        try {
            return SlackStreamText.draft(draft);
        } catch (RuntimeException e) {
            LOG.debug("a draft could not be drawn: {}", e.toString());
            return before;
        }
    }

    /** Waits (holding the lock) for something not shown yet; false once closed or idle. */
    private boolean awaitNews(long shown) throws InterruptedException {
        long idleUntil = System.nanoTime() + IDLE.toNanos();
        while (!closed && version == shown) {
            long left = idleUntil - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            lock.wait(Math.max(1, left / 1_000_000));
        }
        return !closed;
    }

    /**
     * Waits (holding the lock) until a call is allowed again; false once closed. The answer's first text does not
     * wait for the turn after the status line: it is what the user is waiting for, and one call early is within
     * what Slack allows.
     */
    private boolean awaitTurn(boolean answerShown) throws InterruptedException {
        long next = lastCall + INTERVAL.toNanos();
        while (!closed && System.nanoTime() < next && (answerShown || draft == null)) {
            lock.wait(Math.max(1, (next - System.nanoTime()) / 1_000_000));
        }
        return !closed;
    }
}
