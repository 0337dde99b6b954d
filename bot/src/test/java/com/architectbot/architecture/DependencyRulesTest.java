package com.architectbot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The house's dependency rules (docs/architecture.md), kept in a test so they survive deadlines: adapters point
 * at features, features at the core, and nothing points back.
 */
@AnalyzeClasses(packages = "com.architectbot", importOptions = DependencyRulesTest.MainCodeOnly.class)
class DependencyRulesTest {

    /** Main classes of every module: not test classes, whether from a folder or another module's test jar. */
    static final class MainCodeOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.matches(Pattern.compile(".*-tests\\.jar.*"));
        }
    }

    private static final String CORE = "com.architectbot.core..";
    private static final String[] FEATURES = {
        "com.architectbot.consultation..",
        "com.architectbot.licence..",
        "com.architectbot.tenancy..",
        "com.architectbot.knowledge.."
    };
    private static final String[] CHANNELS = {
        "com.architectbot.slack..", "com.architectbot.teams..", "com.architectbot.cli.."
    };
    private static final String[] OUTER = {
        "com.architectbot.slack..",
        "com.architectbot.teams..",
        "com.architectbot.cli..",
        "com.architectbot.server..",
        "com.architectbot.ops..",
        "com.architectbot.queue..",
        "com.architectbot.render.."
    };

    @ArchTest
    static final ArchRule top_level_packages_form_no_cycle =
            slices().matching("com.architectbot.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_package_forms_a_cycle =
            slices().matching("com.architectbot.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_core_uses_only_itself_and_the_memory_ports = classes()
            .that()
            .resideInAPackage(CORE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(CORE, "com.architectbot.conversation", "java..", "io.micrometer.core..", "org.slf4j..")
            .because("inquiries, replies, failures and the router are what every feature shares; they use none");

    @ArchTest
    static final ArchRule features_use_the_core_not_each_other = CompositeArchRule.of(Arrays.stream(FEATURES)
                    .map(feature -> (ArchRule) noClasses()
                            .that()
                            .resideInAPackage(feature)
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(others(FEATURES, feature)))
                    .toList())
            .because("features meet in the core's ports (Consultations, LicenceChecks, TenantControls)");

    @ArchTest
    static final ArchRule features_know_no_adapter_server_or_queue = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(OUTER)
            .because("dependencies point inward: adapters -> features -> core");

    @ArchTest
    static final ArchRule channels_do_not_know_each_other = CompositeArchRule.of(Arrays.stream(CHANNELS)
                    .map(channel -> (ArchRule) noClasses()
                            .that()
                            .resideInAPackage(channel)
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(others(CHANNELS, channel)))
                    .toList())
            .because("each channel is an adapter of its own");

    @ArchTest
    static final ArchRule only_the_cli_uses_the_composition_root = noClasses()
            .that()
            .resideOutsideOfPackages("com.architectbot.ops..", "com.architectbot.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.architectbot.ops..")
            .because("the composition root is used by the entry point alone");

    @ArchTest
    static final ArchRule queue_server_and_render_know_no_channel_or_composition_root = noClasses()
            .that()
            .resideInAnyPackage("com.architectbot.queue..", "com.architectbot.server..", "com.architectbot.render..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(Stream.concat(Stream.of(CHANNELS), Stream.of("com.architectbot.ops.."))
                    .toArray(String[]::new))
            .because("channels plug into the queue, the server and the renderers, not the other way round");

    @ArchTest
    static final ArchRule redis_code_lives_in_redis_packages = noClasses()
            .that()
            .resideOutsideOfPackage("..redis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("redis.clients..")
            .because("Redis sits behind ports; its implementations are in the redis sub-packages");

    @ArchTest
    static final ArchRule only_the_slack_adapter_knows_the_slack_sdk = noClasses()
            .that()
            .resideOutsideOfPackage("com.architectbot.slack..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.slack..")
            .because("platform SDKs stay in their adapter");

    @ArchTest
    static final ArchRule only_the_teams_adapter_knows_the_bot_framework = noClasses()
            .that()
            .resideOutsideOfPackage("com.architectbot.teams..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.microsoft.bot..", "com.microsoft.aad..")
            .because("platform SDKs stay in their adapter");

    @ArchTest
    static final ArchRule only_the_model_adapters_talk_to_langchain4j = noClasses()
            .that()
            .resideOutsideOfPackages("com.architectbot.consultation.llm..", "com.architectbot.knowledge.embedding..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.langchain4j..")
            .because("the chat model sits behind the Architect port, the embedding model behind the Embedder port");

    @ArchTest
    static final ArchRule features_and_queue_know_no_http_server = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .or()
            .resideInAnyPackage(CORE, "com.architectbot.queue..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
            .because("only the server and the channels' routes speak HTTP to callers");

    @ArchTest
    static final ArchRule the_licence_engine_knows_no_source_or_reader = noClasses()
            .that()
            .resideInAPackage("com.architectbot.licence")
            .or()
            .resideInAPackage("com.architectbot.licence.policy..")
            .or()
            .resideInAPackage("com.architectbot.licence.spdx..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.architectbot.licence.source..", "com.architectbot.licence.manifest..",
                    "com.architectbot.licence.redis..", "picocli..")
            .because("licence verdicts come from the engine alone; registries and manifests sit behind its ports");

    private static String[] others(String[] all, String one) {
        return Stream.of(all).filter(other -> !other.equals(one)).toArray(String[]::new);
    }
}
