package com.architectbot.consultation.llm;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Deadline;
import com.architectbot.core.RetryableFailure;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed model call, waited for on the calling (worker) thread: the client's callbacks arrive on its HTTP
 * threads and are handed over through a queue, so the text so far is seen, and the answer returned, on the thread
 * that asked. The wait ends at the complete response, at the error the client reports, when nothing has arrived
 * for the model timeout, or at once when the waiting thread is interrupted (deadline, takeover); in the last two
 * cases the HTTP stream is cancelled and later callbacks are ignored.
 */
final class StreamedChat implements StreamingChatResponseHandler {

    private sealed interface Event {}

    private record Text(String text) implements Event {}

    /** Something arrived that is not text (a piece of a tool call): the model is not silent. */
    private record Alive() implements Event {}

    private record Complete(ChatResponse response) implements Event {}

    private record Failed(Throwable error) implements Event {}

    /** The pause before the first retry of a failed call; it doubles with each further retry. */
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(StreamedChat.class);

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile StreamingHandle handle;
    private volatile boolean abandoned;

    private StreamedChat() {}

    /**
     * Runs one call and waits for its whole response. A call that failed for a temporary reason before any text
     * arrived is retried up to {@link ModelSettings#maxRetries()} times (after text, a retry would show the user a
     * second beginning). No attempt starts past the {@link Deadline}.
     *
     * @param what the call, for the deadline's message and the log ("model call 2")
     * @param text sees each piece of text as it arrives, on the calling thread
     * @throws RuntimeException what the client reported (mapped by {@link ModelFailures}), a {@link TimeoutException}
     *     after the model timeout of silence (before its first token or between two), or a {@link RetryableFailure}
     *     when interrupted
     */
    static ChatResponse call(
            StreamingChatModel model, ChatRequest request, ModelSettings settings, String what, Consumer<String> text) {
        Silence silence = new Silence(text);
        for (int attempt = 0; ; attempt++) {
            String attempted = attempt == 0 ? what : what + " (retry " + attempt + ")";
            Deadline.current().ifPresent(deadline -> deadline.check(attempted));
            try {
                StreamedChat call = new StreamedChat();
                model.chat(request, call);
                return call.await(settings.timeout(), silence);
            } catch (RetriableException e) {
                if (silence.broken || attempt >= settings.maxRetries()) {
                    throw e;
                }
                log.info("{} failed ({}); retrying", attempted, e.getClass().getSimpleName());
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(RETRY_BACKOFF.multipliedBy(1L << Math.min(attempt, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while waiting to retry the model call", e);
        }
    }

    private ChatResponse await(Duration idle, Consumer<String> text) {
        try {
            while (true) {
                Event event = events.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
                switch (event) {
                    case null ->
                        throw abandon(new TimeoutException("no part of the answer within " + idle.toMillis() + " ms"));
                    case Text piece -> text.accept(piece.text());
                    case Alive alive -> {}
                    case Complete complete -> {
                        return complete.response();
                    }
                    case Failed failed -> throw unchecked(failed.error());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandon(new RetryableFailure("interrupted while the model was answering", e));
        } catch (RuntimeException e) {
            abandon(e);
            throw e;
        }
    }

    /** Stops the stream now if its handle is known, else at its next callback. */
    private RuntimeException abandon(RuntimeException why) {
        abandoned = true;
        StreamingHandle known = handle;
        if (known != null) {
            known.cancel();
        }
        return why;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        if (hold(context.streamingHandle())) {
            events.add(new Text(partial.text()));
        }
    }

    @Override
    public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
        if (hold(context.streamingHandle())) { // the complete response carries the calls themselves
            events.add(new Alive());
        }
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall toolCall) {}

    @Override
    public void onCompleteResponse(ChatResponse response) {
        if (!abandoned) {
            events.add(new Complete(requireNonNull(response, "response")));
        }
    }

    @Override
    public void onError(Throwable error) {
        if (!abandoned) {
            events.add(new Failed(error));
        }
    }

    /** Keeps the handle for cancelling; false (and the stream cancelled) once the caller stopped waiting. */
    private boolean hold(StreamingHandle streaming) {
        handle = streaming;
        if (abandoned) {
            streaming.cancel();
            return false;
        }
        return true;
    }

    private static RuntimeException unchecked(Throwable error) {
        return error instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException(
                        "the model client failed: " + error.getClass().getSimpleName(), error);
    }

    /** Passes text on and remembers whether any arrived. */
    private static final class Silence implements Consumer<String> {
        private final Consumer<String> text;
        private boolean broken;

        Silence(Consumer<String> text) {
            this.text = text;
        }

        @Override
        public void accept(String piece) {
            broken = true;
            text.accept(piece);
        }
    }
}
