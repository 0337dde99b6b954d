package com.architectbot.bench;

import com.architectbot.config.Environment;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.policy.LicencePolicy;
import com.architectbot.licence.redis.CachedDependencyResolver;
import com.architectbot.ops.ArchitectBot;
import com.architectbot.ops.BotConfig;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A warm {@code pom.xml} check in the running bot (issue 12: at most 300 ms): the licence check as
 * {@code ArchitectBot} wires it (the Redis tree cache, the Redis licence cache, SPDX, policy) on a generated
 * Maven project served from a folder by a fake repository on loopback. One cold check fills the caches; then
 * each run times {@code checks} warm checks of the same file. For comparison, the same check with only the
 * tree cache emptied before each one: the Maven local repository and the licence cache still warm, so the
 * time is the tree building the cache saves.
 *
 * <p>Arguments: {@code [artifacts=300] [runs=5] [checks per run=50] [repository latency ms=20]
 * [checks per run without the tree cache=3]}.
 */
public final class WarmPomCheckBenchmark {

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int checks = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Duration latency = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 20);
        int treeless = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Runs.printMachine();
        Path folder = Files.createTempDirectory("maven-repository");
        String pom = MavenProject.generate(size, folder);
        System.out.printf("%d artifacts in the repository, latency %d ms%n", size, latency.toMillis());
        try (FakeRegistry repository = FakeRegistry.servingFolder(folder).withLatency(latency);
                UnifiedJedis redis = TestRedis.client();
                ArchitectBot bot = ArchitectBot.open(config(repository, folder))) {
            clear(redis, "ab:licence:*");
            clear(redis, CachedDependencyResolver.KEY_PREFIX + "*");
            LicenceService service = bot.licences();
            List<CheckInput> input = List.of(new CheckInput.Manifest("pom.xml", pom));
            LicencePolicy policy = service.policy(null, null);
            long start = System.nanoTime();
            LicenceReport cold = service.check(input, policy, ResolveOptions.DEFAULT);
            System.out.printf(
                    Locale.ROOT,
                    "cold: %.0f ms, %d repository requests, %s, %d problems%n",
                    (System.nanoTime() - start) / 1e6,
                    repository.requests().size(),
                    cold.summary(),
                    cold.problems().size());
            int afterCold = repository.requests().size();
            measure("warm pom.xml check", runs, checks, () -> service.check(input, policy, ResolveOptions.DEFAULT));
            System.out.printf(
                    "repository requests during the warm checks: %d%n",
                    repository.requests().size() - afterCold);
            if (treeless > 0) {
                measure("same check, tree cache emptied before each", runs, treeless, () -> {
                    clear(redis, CachedDependencyResolver.KEY_PREFIX + "*");
                    service.check(input, policy, ResolveOptions.DEFAULT);
                });
            }
        }
        System.exit(0);
    }

    private static void measure(String name, int runs, int checks, Runnable check) {
        Runs figures = new Runs(name);
        for (int r = 0; r < runs; r++) {
            Latencies run = new Latencies();
            for (int i = 0; i < checks; i++) {
                run.time(check);
            }
            figures.add(run);
        }
        figures.printSummary();
    }

    private static BotConfig config(FakeRegistry repository, Path folder) {
        return BotConfig.from(new Environment(Map.of(
                "REDIS_URL",
                TestRedis.uri().toString(),
                "MAVEN_REPOSITORY_URL",
                repository.baseUri().toString(),
                "MAVEN_CACHE_DIR",
                folder.resolveSibling(folder.getFileName() + "-local").toString())));
    }

    /** Deletes the keys matching {@code pattern}, so other data in a shared Redis stays. */
    private static void clear(UnifiedJedis redis, String pattern) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    redis.scan(cursor, new ScanParams().match(pattern).count(500));
            if (!page.getResult().isEmpty()) {
                redis.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
}
