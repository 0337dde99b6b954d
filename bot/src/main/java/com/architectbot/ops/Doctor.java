package com.architectbot.ops;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs checks of the bot's surroundings at once, within one time budget, and reports each as a line that
 * says what was found and, when it failed, what to set. A check that throws fails with the exception's
 * message and the check's own advice; one still running when the budget is spent fails as too slow.
 */
public final class Doctor {

    public enum Status {
        OK,
        SKIPPED,
        FAIL
    }

    /** One check's finding. {@code fix} is empty unless it failed. */
    public record Finding(String check, Status status, String evidence, String fix) {

        public Finding {
            requireNonNull(check, "check");
            requireNonNull(status, "status");
            evidence = evidence == null ? "" : evidence;
            fix = fix == null ? "" : fix;
        }

        static Finding ok(String check, String evidence) {
            return new Finding(check, Status.OK, evidence, "");
        }

        static Finding skipped(String check, String why) {
            return new Finding(check, Status.SKIPPED, why, "");
        }

        static Finding failed(String check, String evidence, String fix) {
            return new Finding(check, Status.FAIL, evidence, fix);
        }

        /** {@code OK   Redis: PONG from ...}, with the fix after an arrow when it failed. */
        public String line() {
            String mark = switch (status) {
                case OK -> "OK  ";
                case SKIPPED -> "SKIP";
                case FAIL -> "FAIL";
            };
            return mark + " " + check + ": " + evidence + (fix.isEmpty() ? "" : "\n       -> " + fix);
        }
    }

    /** A named check and the advice printed when it throws. */
    public record Check(String name, String fixWhenThrown, Probe probe) {

        public Check {
            requireNonNull(name, "name");
            requireNonNull(fixWhenThrown, "fixWhenThrown");
            requireNonNull(probe, "probe");
        }
    }

    @FunctionalInterface
    public interface Probe {
        Finding run() throws Exception;
    }

    private final List<Check> checks;

    public Doctor(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The findings in the order of the checks. */
    public List<Finding> examine(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        // Not closed with try-with-resources: close() would wait for a check stuck past the budget.
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<Finding>> running =
                    checks.stream().map(check -> pool.submit(() -> run(check))).toList();
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                findings.add(await(checks.get(i), running.get(i), deadline, budget));
            }
            return findings;
        } finally {
            pool.shutdownNow(); // interrupts what is still running; each check has its own timeout as well
        }
    }

    /** Whether nothing failed. */
    public static boolean healthy(List<Finding> findings) {
        return findings.stream().noneMatch(finding -> finding.status() == Status.FAIL);
    }

    private static Finding run(Check check) {
        try {
            return check.probe().run();
        } catch (Exception e) {
            return Finding.failed(
                    check.name(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    check.fixWhenThrown());
        }
    }

    private static Finding await(Check check, Future<Finding> finding, long deadline, Duration budget) {
        try {
            return finding.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            finding.cancel(true);
            return Finding.failed(
                    check.name(), "no answer within the " + budget.toSeconds() + " s budget", check.fixWhenThrown());
        } catch (ExecutionException e) {
            return Finding.failed(check.name(), String.valueOf(e.getCause()), check.fixWhenThrown());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.failed(check.name(), "interrupted", check.fixWhenThrown());
        }
    }
}
