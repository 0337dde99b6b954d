package com.architectbot.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The latencies of one benchmark run, in nanoseconds, safe to record from many threads, and their
 * percentiles. A percentile is the nearest-rank sample (no interpolation), so p99 of 1,000 samples is
 * the 990th smallest.
 */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    /** Records one sample. */
    public synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    /** Times one call and records it. */
    public void time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        record(System.nanoTime() - start);
    }

    public synchronized int count() {
        return count;
    }

    /** The run's summary; fails when nothing was recorded. */
    public synchronized Summary summary() {
        if (count == 0) {
            throw new IllegalStateException("no samples recorded");
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(
                count, millis(sorted, 0.5), millis(sorted, 0.9), millis(sorted, 0.99), sorted[count - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** One run's figures, in milliseconds. */
    public record Summary(int count, double medianMs, double p90Ms, double p99Ms, double maxMs) {

        public String line() {
            return String.format(
                    Locale.ROOT,
                    "n=%d median=%.3fms p90=%.3fms p99=%.3fms max=%.3fms",
                    count,
                    medianMs,
                    p90Ms,
                    p99Ms,
                    maxMs);
        }
    }
}
