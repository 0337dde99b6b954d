package com.architectbot.bench;

import com.architectbot.config.Environment;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.policy.LicencePolicy;
import com.architectbot.ops.ArchitectBot;
import com.architectbot.ops.BotConfig;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Licence check of a generated 200-package {@code package-lock.json} without licence fields (issue 3): every
 * package is looked up in a fake npm registry on loopback that waits 50 ms per request. <b>Cold</b>: the
 * Redis licence cache emptied first; <b>warm</b>: the same check again, answered from the cache. The service
 * is the one {@code ArchitectBot} wires (bounded per-host concurrency, the Redis cache, SPDX, policy).
 *
 * <p>Arguments: {@code [packages=200] [runs=5] [registry latency ms=50] [warm-up pairs=2]}.
 */
public final class LicenceCheckBenchmark {

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 50);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Runs.printMachine();
        Path folder = Files.createTempDirectory("npm-registry");
        String lockfile = NpmProject.generate(size, folder);
        System.out.printf("%d packages in package-lock.json, registry latency %d ms%n", size, latency.toMillis());
        try (FakeRegistry registry = FakeRegistry.servingFolder(folder).withLatency(latency);
                UnifiedJedis redis = TestRedis.client()) {
            BotConfig config = config(registry, folder);
            run(ArchitectBot.open(config), config, lockfile, registry, redis, runs, warmup);
        }
        System.exit(0);
    }

    private static void run(
            ArchitectBot bot,
            BotConfig config,
            String lockfile,
            FakeRegistry registry,
            UnifiedJedis redis,
            int runs,
            int warmup) {
        try (bot) {
            LicenceService service = bot.licences();
            List<CheckInput> input = List.of(new CheckInput.Manifest("package-lock.json", lockfile));
            LicencePolicy policy = service.policy(null, null);
            System.out.printf(
                    "registry requests in flight per host: at most %d%n",
                    config.registries().maxConcurrentPerHost());
            Latencies cold = new Latencies();
            Latencies warm = new Latencies();
            for (int r = 1 - warmup; r <= runs; r++) {
                clearCache(redis);
                check(r, "cold", service, input, policy, registry, r > 0 ? cold : new Latencies());
                check(r, "warm", service, input, policy, registry, r > 0 ? warm : new Latencies());
            }
            System.out.println("cold over " + runs + " runs: " + cold.summary().line());
            System.out.println("warm over " + runs + " runs: " + warm.summary().line());
        }
    }

    private static BotConfig config(FakeRegistry registry, Path folder) {
        return BotConfig.from(new Environment(Map.of(
                "REDIS_URL",
                TestRedis.uri().toString(),
                "NPM_REGISTRY_URL",
                registry.baseUri().toString(),
                "MAVEN_CACHE_DIR",
                folder.resolve("maven-cache").toString())));
    }

    private static void check(
            int run,
            String kind,
            LicenceService service,
            List<CheckInput> input,
            LicencePolicy policy,
            FakeRegistry registry,
            Latencies latencies) {
        int before = registry.requests().size();
        long start = System.nanoTime();
        LicenceReport report = service.check(input, policy, ResolveOptions.DEFAULT);
        long elapsed = System.nanoTime() - start;
        latencies.record(elapsed);
        System.out.printf(
                "%s %s: %.0f ms, %d registry requests, %s, %d problems (load %s)%n",
                run > 0 ? "run " + run : "warm-up",
                kind,
                elapsed / 1e6,
                registry.requests().size() - before,
                report.summary(),
                report.problems().size(),
                Runs.loadAverage());
    }

    /** Empties the licence cache: only its keys, so other data in a shared Redis stays. */
    private static void clearCache(UnifiedJedis redis) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    redis.scan(cursor, new ScanParams().match("ab:licence:*").count(500));
            if (!page.getResult().isEmpty()) {
                redis.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
}
