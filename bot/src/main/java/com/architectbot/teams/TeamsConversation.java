package com.architectbot.teams;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The one way the bot calls Bot Connector in a conversation it was asked in: a proactive continuation of the
 * conversation, replies to the question's activity, every call bounded by the reply timeout, and every refusal
 * typed by what the caller does next (429 and 5xx: {@link RetryableFailure}; other refusals:
 * {@link PermanentFailure}, carrying the HTTP status as {@link Refused}).
 */
final class TeamsConversation {

    static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERRORS = 500;

    private final TeamsAdapter adapter;
    private final Duration timeout;

    TeamsConversation(TeamsAdapter adapter, Duration timeout) {
        this.adapter = adapter;
        this.timeout = timeout;
    }

    /** What can be done in one continuation; each call returns once Bot Connector answered. */
    interface Calls {
        /** Posts the activity as a reply to the question; returns the id Bot Connector gave it. */
        String send(Activity activity);

        /** Replaces the activity Bot Connector knows by this id (its path segment is encoded by the SDK). */
        void update(String activityId, Activity activity);
    }

    /** A refusal Bot Connector answered, with its HTTP status, for callers that try another way. */
    static final class Refused extends PermanentFailure {
        private final int status;

        Refused(int status, String where, Throwable cause) {
            super(
                    "I could not post my answer in Teams.",
                    "Bot Connector refused the reply to " + where + ": HTTP " + status,
                    cause);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Bot Connector asked us to slow down (HTTP 429), for {@code retryAfter} if it said how long. */
    static final class Throttled extends RetryableFailure {
        private final Duration retryAfter;

        Throttled(String where, Duration retryAfter, Throwable cause) {
            super("Bot Connector answered HTTP " + TOO_MANY_REQUESTS + " for " + where, cause);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Runs the calls in one continuation of the conversation the reference names. */
    <T> T call(ConversationReference reference, Function<Calls, T> calls) {
        String where = "Teams conversation via " + reference.getServiceUrl();
        long until = System.nanoTime() + timeout.toNanos(); // the SDK may run the calls on this thread: bound each
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            adapter.continueConversation(adapter.botAppId(), reference, turn -> {
                        // the SDK gives the continuation a random id and would reply to that; reply to the question
                        turn.getActivity().setId(reference.getActivityId());
                        try {
                            result.complete(calls.apply(new TurnCalls(turn, reference, where, until)));
                            return CompletableFuture.<Void>completedFuture(null);
                        } catch (RuntimeException e) {
                            return CompletableFuture.<Void>failedFuture(e);
                        }
                    })
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return result.join();
        } catch (ExecutionException | CompletionException e) {
            throw failure(where, e.getCause());
        } catch (TimeoutException e) {
            throw new RetryableFailure("reply to " + where + " not accepted within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while replying to " + where, e);
        }
    }

    private final class TurnCalls implements Calls {
        private final TurnContext turn;
        private final ConversationReference reference;
        private final String where;
        private final long untilNanos;

        TurnCalls(TurnContext turn, ConversationReference reference, String where, long untilNanos) {
            this.turn = turn;
            this.reference = reference;
            this.where = where;
            this.untilNanos = untilNanos;
        }

        @Override
        public String send(Activity activity) {
            ResourceResponse sent = await(turn.sendActivity(activity));
            return sent != null && sent.getId() != null ? sent.getId() : "sent";
        }

        @Override
        public void update(String activityId, Activity activity) {
            activity.setId(activityId);
            activity.setConversation(reference.getConversation());
            await(turn.updateActivity(activity));
        }

        private <R> R await(CompletableFuture<R> call) {
            try {
                return call.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CompletionException e) {
                throw failure(where, e.getCause() == null ? e : e.getCause());
            } catch (TimeoutException e) {
                throw new RetryableFailure(
                        "reply to " + where + " not accepted within " + timeout.toSeconds() + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetryableFailure("interrupted while replying to " + where, e);
            }
        }
    }

    /** 429 and 5xx are worth retrying; other refusals (bot removed, conversation gone) are final. */
    static RuntimeException failure(String where, Throwable cause) {
        Throwable root = cause;
        while (root instanceof CompletionException && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof PermanentFailure || root instanceof RetryableFailure) { // typed by a call already
            return (RuntimeException) root;
        }
        if (root instanceof ErrorResponseException refused && refused.response() != null) {
            int status = refused.response().code();
            if (status != TOO_MANY_REQUESTS && status < SERVER_ERRORS) {
                return new Refused(status, where, root);
            }
            return status == TOO_MANY_REQUESTS
                    ? new Throttled(
                            where, retryAfter(refused.response().headers().get("Retry-After")), root)
                    : new RetryableFailure("Bot Connector answered HTTP " + status + " for " + where, root);
        }
        return new RetryableFailure("reply to " + where + " failed", root);
    }

    /** The seconds of a {@code Retry-After} header (its date form is not used by Bot Connector); zero if none. */
    private static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }
}
