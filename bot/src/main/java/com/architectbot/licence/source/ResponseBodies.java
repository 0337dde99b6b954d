package com.architectbot.licence.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * Reads a registry's answer as text up to a size cap, as it streams in: an over-size answer costs at
 * most the cap in memory and fails that one look-up, instead of exhausting the heap.
 */
public final class ResponseBodies {

    private ResponseBodies() {}

    /** The answer is larger than the cap; the message is user-facing evidence. */
    public static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("the answer is larger than the " + describe(maxBytes) + " a registry answer may have");
        }
    }

    /** UTF-8 text of at most {@code maxBytes}; a larger (or larger-declared) body fails with {@link TooLarge}. */
    public static HttpResponse.BodyHandler<String> capped(int maxBytes) {
        return info -> new Capped<>(
                maxBytes,
                info.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes,
                bytes -> bytes.toString(StandardCharsets.UTF_8));
    }

    /** The bytes of a binary of at most {@code maxBytes}; a larger (or larger-declared) body fails with {@link TooLarge}. */
    public static HttpResponse.BodyHandler<byte[]> cappedBytes(int maxBytes) {
        return info -> new Capped<>(
                maxBytes,
                info.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes,
                ByteArrayOutputStream::toByteArray);
    }

    /** The cap's message when {@code e} (as the HTTP client wraps it) came from an over-size answer. */
    public static Optional<String> tooLarge(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge tooLarge) {
                return Optional.of(tooLarge.getMessage());
            }
        }
        return Optional.empty();
    }

    private static final class Capped<T> implements HttpResponse.BodySubscriber<T> {
        private final int maxBytes;
        private final boolean declaredTooLarge;
        private final Function<ByteArrayOutputStream, T> finish;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<T> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Capped(int maxBytes, boolean declaredTooLarge, Function<ByteArrayOutputStream, T> finish) {
            this.maxBytes = maxBytes;
            this.declaredTooLarge = declaredTooLarge;
            this.finish = finish;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declaredTooLarge) {
                refuse();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.isDone()) {
                    return;
                }
                if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                    refuse();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(finish.apply(bytes));
        }

        @Override
        public CompletionStage<T> getBody() {
            return body;
        }

        private void refuse() {
            subscription.cancel();
            body.completeExceptionally(new TooLarge(maxBytes));
        }
    }

    static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
