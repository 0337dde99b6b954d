package com.architectbot.licence.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a registry's answer up to a size cap, as it streams in: an over-size answer costs at most the
 * cap in memory (and usually far less, for a reader that keeps only what it needs) and fails that one
 * look-up, instead of exhausting the heap.
 */
final class ResponseBodies {

    private ResponseBodies() {}

    /** The answer is larger than the cap; the message is user-facing evidence. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("the answer is larger than the " + describe(maxBytes) + " a registry answer may have");
        }
    }

    /**
     * The body, failing with {@link TooLarge} on the first read past {@code maxBytes}, or at once when
     * the declared length is already larger.
     */
    static InputStream capped(InputStream body, long maxBytes, OptionalLong declaredLength) throws TooLarge {
        if (declaredLength.orElse(0) > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        return new Capped(body, maxBytes);
    }

    /** The cap's message when {@code e} (as the HTTP client wraps it) came from an over-size answer. */
    static Optional<String> tooLarge(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge tooLarge) {
                return Optional.of(tooLarge.getMessage());
            }
        }
        return Optional.empty();
    }

    private static final class Capped extends FilterInputStream {
        private final long maxBytes;
        private long read;

        Capped(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws TooLarge {
            read += bytes;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
    }

    static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
