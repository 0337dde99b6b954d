package com.architectbot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of STYLE.md, kept in a test so they survive deadlines. */
@AnalyzeClasses(packages = "com.architectbot", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    private static final String[] PLATFORMS = {"com.slack..", "com.microsoft.bot..", "io.javalin.."};
    private static final String[] CORE = {"com.architectbot.consultation", "com.architectbot.licence"};

    @ArchTest
    static final ArchRule the_core_knows_no_platform = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(PLATFORMS)
            .because("adapters translate; the core decides (STYLE rule 2)");

    @ArchTest
    static final ArchRule only_adapters_talk_to_redis = noClasses()
            .that().resideOutsideOfPackages(
                    "com.architectbot.conversation..", "com.architectbot.redis..", "com.architectbot.testing..",
                    "..redis..", "..source..", "com.architectbot.ops..", "com.architectbot.slack..")
            .should().dependOnClassesThat().resideInAnyPackage("redis.clients..")
            .because("Redis sits behind ports the core owns (STYLE rule 4)");

    @ArchTest
    static final ArchRule only_the_llm_adapter_talks_to_langchain4j = noClasses()
            .that().resideOutsideOfPackage("com.architectbot.consultation.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..")
            .because("the model sits behind the Architect port (STYLE rule 4)");

    @ArchTest
    static final ArchRule the_licence_engine_knows_no_source_surface_or_renderer = noClasses()
            .that().resideInAPackage("com.architectbot.licence")
            .or().resideInAPackage("com.architectbot.licence.policy..")
            .or().resideInAPackage("com.architectbot.licence.spdx..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.architectbot.licence.source..", "com.architectbot.licence.manifest..",
                    "com.architectbot.render..", "com.architectbot.cli..", "picocli..")
            .because("licence verdicts come from the engine alone; registries and manifests sit behind its ports");

    @ArchTest
    static final ArchRule only_the_teams_adapter_knows_the_bot_framework = noClasses()
            .that().resideOutsideOfPackage("com.architectbot.teams..")
            .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.bot..", "com.microsoft.aad..")
            .because("the frozen Bot Framework SDK must stay replaceable by a small REST client");

    @ArchTest
    static final ArchRule channels_do_not_know_each_other = noClasses()
            .that().resideInAnyPackage("com.architectbot.slack..", "com.architectbot.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("com.architectbot.teams..")
            .because("each channel is an adapter of its own");

    @ArchTest
    static final ArchRule the_core_does_not_know_its_channels = noClasses()
            .that().resideInAnyPackage("com.architectbot.consultation..", "com.architectbot.licence..",
                    "com.architectbot.queue..", "com.architectbot.render..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.architectbot.slack..", "com.architectbot.teams..", "com.architectbot.cli..",
                    "com.architectbot.ops..")
            .because("dependencies point inward");
}
