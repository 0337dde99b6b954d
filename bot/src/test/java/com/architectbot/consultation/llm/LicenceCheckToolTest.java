package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.config.Environment;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.report.DistributionModel;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.FixedRegistry;
import com.architectbot.licence.FixedTree;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.licence.manifest.ManifestSettings;
import com.architectbot.licence.source.PackageSpecs;
import com.architectbot.licence.source.Registries;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeOpenAi.Response;
import com.architectbot.testing.FakeRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceCheckToolTest {

    private static final PackageRef GPL_LIB = new PackageRef(Ecosystem.MAVEN, "org.example", "readline-java", "1.0");

    @TempDir
    Path cache;

    @Test
    void the_architect_cites_the_licence_engine_not_its_memory() {
        try (FakeOpenAi model = FakeOpenAi.start();
                FakeRegistry central = FakeRegistry.serving("maven");
                Registries registries = new Registries(registrySettings(central));
                ManifestResolver resolver = new ManifestResolver(manifestSettings(central), PackageSpecs::parse)) {
            // given: the model asks the tool about a library whose licence only its grandparent POM declares
            var tool = new LicenceCheckTool(new LicenceService(resolver, registries, LicenceSettings.DEFAULTS));
            model.enqueue(
                    Response.toolCall(
                            "call_1",
                            "checkLicences",
                            "{\"packages\": [\"org.apache.commons:commons-lang3:3.14.0\"], \"distributionModel\": \"saas\"}"),
                    Response.answer(FakeOpenAi.DEFAULT_ANSWER));
            var architect = new LangChainArchitect(
                    ChatModels.create(model.settings()), model.settings(), List.of(tool), new SimpleMeterRegistry());
            // when
            architect
                    .consult(List.of(), "Can we ship commons-lang3 in our SaaS?", TenantPreferences.DEFAULTS)
                    .answer();
            // then: the engine's verdict went back to the model as the tool's result
            JsonNode messages = model.requests().get(1).get("messages");
            JsonNode toolResult = messages.get(messages.size() - 1);
            assertThat(toolResult.get("role").asText()).isEqualTo("tool");
            assertThat(toolResult.get("content").asText())
                    .contains("pkg:maven/org.apache.commons/commons-lang3@3.14.0", "Apache-2.0", "ok");
        }
    }

    @Test
    void two_tenants_asking_about_the_same_gpl_package_get_the_verdicts_of_their_own_policies() {
        try (FakeOpenAi model = FakeOpenAi.start()) {
            // given: one architect and one tool for everyone, as at start-up; the model names no distribution model
            var architect = new LangChainArchitect(
                    ChatModels.create(model.settings()),
                    model.settings(),
                    List.of(new LicenceCheckTool(gplOnlyLicences())),
                    new SimpleMeterRegistry());
            var shipsBinaries = new TenantPreferences(Optional.empty(), Optional.of(DistributionModel.DISTRIBUTED));
            var internalOnly = new TenantPreferences(Optional.empty(), Optional.of(DistributionModel.INTERNAL));
            String gplCall = "{\"packages\": [\"" + GPL_LIB.purl() + "\"]}";
            model.enqueue(
                    Response.toolCall("call_a", "checkLicences", gplCall),
                    Response.answer(FakeOpenAi.DEFAULT_ANSWER),
                    Response.toolCall("call_b", "checkLicences", gplCall),
                    Response.answer(FakeOpenAi.DEFAULT_ANSWER));
            // when
            architect.consult(List.of(), "Can we use readline-java?", shipsBinaries);
            architect.consult(List.of(), "Can we use readline-java?", internalOnly);
            // then: each tool result the model received was judged by the asking tenant's policy
            assertThat(toolResult(model.requests().get(1)))
                    .startsWith("Licence check (policy: distributed, defaults): 1 blocker")
                    .contains(GPL_LIB.purl() + ": BLOCKER - GPL-3.0-only (strong-copyleft, declared)");
            assertThat(toolResult(model.requests().get(3)))
                    .startsWith("Licence check (policy: internal, defaults): 0 blocker, 0 review, 1 ok")
                    .contains(GPL_LIB.purl() + ": OK - GPL-3.0-only");
        }
    }

    @Test
    void concurrent_consultations_of_two_tenants_on_one_tool_each_get_their_own_policy() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start().withLatency(Duration.ofMillis(300));
                ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            // given: both first requests are in flight together, so both tool calls run side by side
            var architect = new LangChainArchitect(
                    ChatModels.create(model.settings()),
                    model.settings(),
                    List.of(new LicenceCheckTool(gplOnlyLicences())),
                    new SimpleMeterRegistry());
            String gplCall = "{\"packages\": [\"" + GPL_LIB.purl() + "\"]}";
            model.enqueue(
                    Response.toolCall("call_1", "checkLicences", gplCall),
                    Response.toolCall("call_2", "checkLicences", gplCall),
                    Response.answer(FakeOpenAi.DEFAULT_ANSWER),
                    Response.answer(FakeOpenAi.DEFAULT_ANSWER));
            // when
            Future<?> teamA = workers.submit(() -> architect.consult(
                    List.of(),
                    "Team A: can we use readline-java?",
                    new TenantPreferences(Optional.empty(), Optional.of(DistributionModel.DISTRIBUTED))));
            Future<?> teamB = workers.submit(() -> architect.consult(
                    List.of(),
                    "Team B: can we use readline-java?",
                    new TenantPreferences(Optional.empty(), Optional.of(DistributionModel.INTERNAL))));
            teamA.get(30, TimeUnit.SECONDS);
            teamB.get(30, TimeUnit.SECONDS);
            // then: each tool result went back in its own consultation, judged by its own tenant's policy
            List<JsonNode> withToolResults = model.requests().stream()
                    .filter(request -> request.toString().contains("\"role\":\"tool\""))
                    .toList();
            assertThat(withToolResults).hasSize(2);
            for (JsonNode request : withToolResults) {
                boolean fromTeamA = request.get("messages").toString().contains("Team A:");
                assertThat(toolResult(request))
                        .contains(fromTeamA ? "policy: distributed" : "policy: internal")
                        .contains(fromTeamA ? ": BLOCKER - GPL-3.0-only" : ": OK - GPL-3.0-only");
            }
        }
    }

    @Test
    void a_distribution_model_the_question_names_wins_over_the_tenants_default() {
        try (FakeOpenAi model = FakeOpenAi.start()) {
            var architect = new LangChainArchitect(
                    ChatModels.create(model.settings()),
                    model.settings(),
                    List.of(new LicenceCheckTool(gplOnlyLicences())),
                    new SimpleMeterRegistry());
            model.enqueue(
                    Response.toolCall(
                            "call_1",
                            "checkLicences",
                            "{\"packages\": [\"" + GPL_LIB.purl() + "\"], \"distributionModel\": \"saas\"}"),
                    Response.answer(FakeOpenAi.DEFAULT_ANSWER));

            architect.consult(
                    List.of(),
                    "Our SaaS backend: can we use readline-java?",
                    new TenantPreferences(Optional.empty(), Optional.of(DistributionModel.INTERNAL)));

            assertThat(toolResult(model.requests().get(1)))
                    .startsWith("Licence check (policy: saas, defaults): 0 blocker, 1 review");
        }
    }

    private static LicenceService gplOnlyLicences() {
        return new LicenceService(
                new FixedTree(Map.of(GPL_LIB.purl(), List.of(FixedTree.direct(GPL_LIB, null))), List.of()),
                FixedRegistry.of(Map.of(GPL_LIB, FixedRegistry.found("GPL-3.0-only"))),
                LicenceSettings.DEFAULTS);
    }

    private static String toolResult(JsonNode request) {
        JsonNode messages = request.get("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.get("role").asText()).isEqualTo("tool");
        return last.get("content").asText();
    }

    private static RegistrySettings registrySettings(FakeRegistry registry) {
        String url = registry.baseUri().toString();
        return RegistrySettings.from(new Environment(
                Map.of("MAVEN_REPOSITORY_URL", url, "NPM_REGISTRY_URL", url, "REGISTRY_TIMEOUT_SECONDS", "2")));
    }

    private ManifestSettings manifestSettings(FakeRegistry registry) {
        return ManifestSettings.from(
                registrySettings(registry), new Environment(Map.of("MAVEN_CACHE_DIR", cache.toString())));
    }
}
