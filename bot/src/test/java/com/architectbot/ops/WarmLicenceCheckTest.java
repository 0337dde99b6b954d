package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.LicenceReport;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceService;
import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolved-tree cache as the bot wires it: the licence check that chat, the agent's tool and the CLI all
 * use keeps its trees in Redis, so a second bot (another replica, the next CLI run) with an empty Maven
 * repository of its own checks the same {@code pom.xml} without asking the registry.
 */
class WarmLicenceCheckTest {

    @TempDir
    Path caches;

    @Test
    void a_pom_checked_by_one_bot_is_warm_for_the_next_which_asks_no_registry_and_counts_a_hit() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                FakeRegistry central = FakeRegistry.serving("maven-tree")) {
            // given
            CheckInput pom = pom();
            LicenceReport first;
            try (var bot = ArchitectBot.open(config(model, central, caches.resolve("first")))) {
                first = check(bot.licences(), pom);
            }
            int asked = central.requests().size();
            try (var bot = ArchitectBot.open(config(model, central, caches.resolve("second")));
                    var serving = bot.serve()) {
                // when
                LicenceReport second = check(bot.licences(), pom);
                // then
                assertThat(central.requests()).hasSize(asked);
                assertThat(second).isEqualTo(first);
                assertThat(second.dependencies()).isNotEmpty();
                assertThat(metrics(serving.managementPort()))
                        .containsPattern("architect_licence_tree_cache_lookups_total\\{result=\"hit\"} 1\\.0");
            }
        }
    }

    private static LicenceReport check(LicenceService licences, CheckInput input) {
        return licences.check(List.of(input), licences.policy(null, null), ResolveOptions.DEFAULT);
    }

    private static BotConfig config(FakeOpenAi model, FakeRegistry central, Path mavenCache) {
        return BotConfig.from(BotEnvironment.served(model)
                .with("SHUTDOWN_GRACE_SECONDS", "1")
                .with("MAVEN_REPOSITORY_URL", central.baseUri().toString())
                .with("MAVEN_CACHE_DIR", mavenCache.toString())
                .environment());
    }

    private static CheckInput pom() throws Exception {
        try (InputStream in = WarmLicenceCheckTest.class.getResourceAsStream("/manifests/pom.xml")) {
            return new CheckInput.Manifest("pom.xml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String metrics(int port) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
