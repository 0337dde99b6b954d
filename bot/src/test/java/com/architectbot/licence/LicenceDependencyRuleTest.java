package com.architectbot.licence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The licence core (interpretation, policy, service) depends on no adapter, surface or store. */
class LicenceDependencyRuleTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.architectbot.licence")
            .that(com.tngtech.archunit.base.DescribedPredicate.describe("outside the source and manifest adapters",
                    c -> !c.getPackageName().startsWith("com.architectbot.licence.source")
                            && !c.getPackageName().startsWith("com.architectbot.licence.manifest")));

    @Test
    void the_licence_core_imports_no_adapter_surface_or_store() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "com.architectbot.cli..", "com.architectbot.render..", "com.architectbot.slack..",
                        "com.architectbot.teams..", "com.architectbot.licence.source..", "com.architectbot.licence.manifest..",
                        "io.javalin..", "com.slack..", "com.microsoft.bot..", "redis.clients..", "dev.langchain4j..",
                        "picocli..")
                .check(CORE);
    }
}
