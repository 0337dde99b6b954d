package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.config.Environment;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.LicenceSettings;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceCheckToolTest {

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
                    .consult(List.of(), "Can we ship commons-lang3 in our SaaS?", Optional.empty())
                    .answer();
            // then: the engine's verdict went back to the model as the tool's result
            JsonNode messages = model.requests().get(1).get("messages");
            JsonNode toolResult = messages.get(messages.size() - 1);
            assertThat(toolResult.get("role").asText()).isEqualTo("tool");
            assertThat(toolResult.get("content").asText())
                    .contains("pkg:maven/org.apache.commons/commons-lang3@3.14.0", "Apache-2.0", "ok");
        }
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
