package com.architectbot.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The repetitions of one measurement: prints each run as it ends, then the median across runs of each
 * run's median and p99 with their spread (min to max), so a noisy run on a shared machine shows.
 */
public final class Runs {

    private final String name;
    private final List<Latencies.Summary> runs = new ArrayList<>();

    public Runs(String name) {
        this.name = name;
    }

    /** Adds a finished run and prints its line. */
    public Latencies.Summary add(Latencies run) {
        Latencies.Summary summary = run.summary();
        runs.add(summary);
        System.out.printf(Locale.ROOT, "%s run %d: %s (load %s)%n", name, runs.size(), summary.line(), loadAverage());
        return summary;
    }

    /** Prints the across-runs line: {@code median=<median of medians> [min..max] p99=...}. */
    public void printSummary() {
        System.out.printf(
                Locale.ROOT,
                "%s over %d runs: median=%s p99=%s max=%s%n",
                name,
                runs.size(),
                spread(Latencies.Summary::medianMs),
                spread(Latencies.Summary::p99Ms),
                spread(Latencies.Summary::maxMs));
    }

    private String spread(ToDoubleFunction<Latencies.Summary> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        double median = values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        return String.format(Locale.ROOT, "%.3fms [%.3f..%.3f]", median, values[0], values[values.length - 1]);
    }

    /** The machine, for the top of every benchmark's output: cores, load average, JVM and heap. */
    public static void printMachine() {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, load %s, Java %s, max heap %d MB%n",
                runtime.availableProcessors(),
                loadAverage(),
                Runtime.version(),
                runtime.maxMemory() >> 20);
    }

    /** The one-minute load average, as {@code uptime} shows it. */
    public static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
