package com.architectbot.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An open-loop HTTP load: requests leave at a fixed rate whatever the answers' speed (a closed loop would slow
 * down with the server and hide its queueing), and each response's latency is recorded. Requests are built
 * before they are scheduled, so signing them is not timed.
 */
public final class OpenLoop implements AutoCloseable {

    /** The arguments every load benchmark takes: {@code [rates per second] [seconds per run] [runs] [warm-up seconds]}. */
    public record Plan(List<Integer> rates, int seconds, int runs, int warmupSeconds) {

        public static Plan parse(String[] args, String defaultRates) {
            return new Plan(
                    List.of((args.length > 0 ? args[0] : defaultRates).split(",")).stream()
                            .map(Integer::parseInt)
                            .toList(),
                    args.length > 1 ? Integer.parseInt(args[1]) : 20,
                    args.length > 2 ? Integer.parseInt(args[2]) : 3,
                    args.length > 3 ? Integer.parseInt(args[3]) : 5);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

    public HttpClient http() {
        return http;
    }

    /** For each rate: a warm-up, then the timed runs, each printed, then the summary across runs. */
    public void measure(Plan plan, Function<String, HttpRequest> requests) throws InterruptedException {
        Runs.printMachine();
        for (int rate : plan.rates()) {
            run("warm-up-" + rate, rate, plan.warmupSeconds(), requests);
            Runs timed = new Runs(rate + "/s");
            for (int r = 1; r <= plan.runs(); r++) {
                timed.add(run(rate + "-" + r, rate, plan.seconds(), requests));
            }
            timed.printSummary();
        }
    }

    /** One run; {@code requests} builds the request for a unique id. Non-2xx answers are counted and reported. */
    private Latencies run(String name, int rate, int seconds, Function<String, HttpRequest> requests)
            throws InterruptedException {
        int total = rate * seconds;
        long period = 1_000_000_000L / rate;
        Latencies latencies = new Latencies();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        for (int i = 0; i < total; i++) {
            HttpRequest request = requests.apply(name + "-" + i);
            scheduler.schedule(() -> send(request, latencies, failed, done), i * period, TimeUnit.NANOSECONDS);
        }
        if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": " + done.getCount() + " requests unanswered");
        }
        if (failed.get() > 0) {
            System.out.println(name + ": " + failed.get() + " requests failed or were not answered with 2xx");
        }
        return latencies;
    }

    private void send(HttpRequest request, Latencies latencies, AtomicInteger failed, CountDownLatch done) {
        long start = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            latencies.record(System.nanoTime() - start);
            if (error != null || response.statusCode() / 100 != 2) {
                failed.incrementAndGet();
            }
            done.countDown();
        });
    }

    @Override
    public void close() {
        scheduler.shutdown();
        http.close();
    }
}
