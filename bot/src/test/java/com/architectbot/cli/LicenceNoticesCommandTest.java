package com.architectbot.cli;

import static com.architectbot.testing.PackageArchives.TarItem.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.PackageArchives;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code license-check --format notices} through {@code Main}, against loopback registries serving real archives. */
class LicenceNoticesCommandTest {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String MIT = "MIT License\n\nCopyright (c) 2016 Jane Doe\n\nPermission is hereby granted...\n";
    private static final String NOTICE = "Acme Widgets\nCopyright 2020 The Acme Foundation\n\u001B[2Jhidden\n";

    @TempDir
    Path folder;

    private final FakeOpenAi model = FakeOpenAi.start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** Names no other run used, so the Redis caches shared by the tests never answer for them. */
    private final String npmName = "left-notices-" + ProcessHandle.current().pid() + "-" + RUN.incrementAndGet();

    private final String group = "org.acme.notices" + ProcessHandle.current().pid() + "n" + RUN.get();
    private FakeRegistry registry;
    private byte[] jar;

    @BeforeEach
    void publish() {
        PackageArchives.npmRelease(
                folder.resolve("registry"),
                npmName,
                "1.0.0",
                "MIT",
                PackageArchives.tarballUrl(npmName, "1.0.0"),
                PackageArchives.tgz(List.of(file("package/LICENSE", MIT))));
        jar = PackageArchives.jar(
                Map.of("META-INF/LICENSE", "Apache License 2.0", "META-INF/NOTICE", NOTICE), List.of(), 1024 * 1024);
        PackageArchives.mavenRelease(folder.resolve("registry"), group, "widget", "1.0", "Apache-2.0", jar);
        PackageArchives.mavenRelease(folder.resolve("registry"), group, "test-kit", "1.0", "MIT", jar);
        PackageArchives.mavenRelease(folder.resolve("registry"), group, "servlet-kit", "1.0", "MIT", jar);
        registry = FakeRegistry.servingFolder(folder.resolve("registry"));
    }

    @AfterEach
    void stop() {
        registry.close();
        model.close();
    }

    @Test
    void notices_list_each_package_with_its_own_copyright_and_notice_and_each_licence_text_once() {
        int exit = run("license-check", "--format", "notices", "pkg:npm/" + npmName + "@1.0.0", group + ":widget:1.0");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .startsWith("THIRD-PARTY NOTICES")
                .containsSubsequence(
                        "Licence: Apache-2.0",
                        group + ":widget@1.0",
                        "---- META-INF/NOTICE ----",
                        "Acme Widgets",
                        "Licence: MIT",
                        npmName + "@1.0.0",
                        "Copyright (c) 2016 Jane Doe",
                        "Appendix: licence texts",
                        "==== Apache-2.0: Apache License 2.0 ====",
                        "==== MIT: MIT License ====")
                .doesNotContain("\u001B");
        assertThat(registry.bytesServed()).isLessThan(jar.length / 4);
    }

    @Test
    void a_manifest_gives_the_notices_of_what_is_distributed_only() throws IOException {
        Path pom = Files.writeString(folder.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId><artifactId>app</artifactId><version>1</version>
                  <dependencies>
                    <dependency><groupId>%1$s</groupId><artifactId>widget</artifactId><version>1.0</version></dependency>
                    <dependency><groupId>%1$s</groupId><artifactId>test-kit</artifactId><version>1.0</version>
                      <scope>test</scope></dependency>
                    <dependency><groupId>%1$s</groupId><artifactId>servlet-kit</artifactId><version>1.0</version>
                      <scope>provided</scope></dependency>
                  </dependencies>
                </project>
                """.formatted(group));

        int exit = run("license-check", "--format", "notices", pom.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains(
                        "Project: pom.xml",
                        "Included: 1 package distributed with the project; test and provided" + " scopes are left out",
                        group + ":widget@1.0",
                        "==== Apache-2.0: Apache License 2.0 ====")
                .doesNotContain("test-kit", "servlet-kit", folder.toString());
        try (var cached = Files.walk(folder.resolve("maven-cache"))) { // the POMs are kept in MAVEN_CACHE_DIR
            assertThat(cached.map(path -> path.getFileName().toString())).contains("widget-1.0.pom");
        }
    }

    @Test
    void with_the_registry_away_the_notices_still_come_out_with_the_reason() {
        registry.setDown(true);

        int exit = run("license-check", "--format", "notices", "pkg:npm/" + npmName + "@1.0.0");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(
                        npmName + "@1.0.0",
                        "(the package's own LICENSE/NOTICE could not be fetched: npm registry"
                                + " unreachable: HTTP 503)");
    }

    @Test
    void a_second_run_reads_the_archives_from_the_cache() {
        run("license-check", "--format", "notices", "pkg:npm/" + npmName + "@1.0.0");
        int before = registry.requests().size();

        int exit = run("license-check", "--format", "notices", "pkg:npm/" + npmName + "@1.0.0");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Copyright (c) 2016 Jane Doe");
        assertThat(registry.requests().subList(before, registry.requests().size()))
                .noneMatch(p -> p.endsWith(".tgz"));
    }

    @Test
    void help_names_the_notices_format() {
        assertThat(run("license-check", "--help")).isZero();
        assertThat(out.toString()).contains("cyclonedx", "spdx", "notices");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var env = BotEnvironment.of(model)
                .with(Map.of(
                        "NPM_REGISTRY_URL", registry.baseUri().toString(),
                        "MAVEN_REPOSITORY_URL", registry.baseUri().toString(),
                        "MAVEN_CACHE_DIR", folder.resolve("maven-cache").toString(),
                        "REGISTRY_RETRIES", "0"))
                .environment();
        return Main.run(env, cli -> cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)), args);
    }
}
