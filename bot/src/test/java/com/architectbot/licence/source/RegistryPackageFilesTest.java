package com.architectbot.licence.source;

import static com.architectbot.testing.PackageArchives.TarItem.file;
import static com.architectbot.testing.PackageArchives.TarItem.filled;
import static com.architectbot.testing.PackageArchives.TarItem.symlink;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.release.OwnFiles;
import com.architectbot.licence.release.OwnFiles.Kind;
import com.architectbot.licence.release.OwnFiles.OwnFile;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.PackageArchives;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryPackageFilesTest {

    private static final String MIT = "MIT License\n\nCopyright (c) 2018 Jane Doe\n\nPermission is hereby granted...\n";
    private static final String APACHE_NOTICE = "Acme Widgets\nCopyright 2020-2024 The Acme Foundation\n\n"
            + "This product includes software developed at The Acme Foundation.\n";
    private static final int JAR_PADDING = 2 * 1024 * 1024;

    @TempDir
    Path folder;

    private FakeRegistry registry;
    private Registries registries;

    @AfterEach
    void close() {
        if (registries != null) {
            registries.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void an_npm_tarball_gives_the_licence_and_notice_at_its_root_only() {
        npm(
                "widget",
                PackageArchives.tgz(List.of(
                        file("package/package.json", "{}"),
                        file("package/LICENSE", MIT),
                        file("package/NOTICE.md", APACHE_NOTICE),
                        file("package/lib/LICENSE", "Copyright 1999 Someone Deeper"))));

        OwnFiles files = read("pkg:npm/widget@1.0.0");

        assertThat(files).isInstanceOf(OwnFiles.Read.class);
        assertThat(((OwnFiles.Read) files).files())
                .extracting(OwnFile::path, OwnFile::kind, OwnFile::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("LICENSE", Kind.LICENCE, MIT),
                        org.assertj.core.groups.Tuple.tuple("NOTICE.md", Kind.NOTICE, APACHE_NOTICE));
    }

    @Test
    void climbing_paths_and_links_in_a_tarball_are_never_read() {
        npm(
                "sneaky",
                PackageArchives.tgz(List.of(
                        file("../LICENSE", "Copyright 2001 Climber One"),
                        file("package/../../LICENSE", "Copyright 2002 Climber Two"),
                        symlink("package/LICENSE", "/etc/passwd"),
                        symlink("package/NOTICE", "../../../../etc/hostname"),
                        file("package/COPYING", "Copyright 2003 The Real Author"))));

        OwnFiles.Read files = (OwnFiles.Read) read("pkg:npm/sneaky@1.0.0");

        assertThat(files.files()).extracting(OwnFile::path).containsExactly("COPYING");
        assertThat(files.files().getFirst().text()).isEqualTo("Copyright 2003 The Real Author");
    }

    @Test
    void a_gzip_bomb_is_unpacked_only_up_to_the_limit() {
        byte[] bomb = PackageArchives.tgz(List.of(
                filled("package/zeros.bin", ArchiveLimits.DEFAULTS.maxUnpackedBytes() + 8 * 1024 * 1024, '\0'),
                file("package/LICENSE", MIT)));
        assertThat(bomb.length).isLessThan(1024 * 1024);
        npm("bomb", bomb);

        OwnFiles files = read("pkg:npm/bomb@1.0.0");

        assertThat(files)
                .isEqualTo(new OwnFiles.Unavailable(
                        "the tarball unpacks to more than 64 MiB with no licence file before that"));
    }

    @Test
    void a_huge_licence_file_is_cut_at_the_size_cap() {
        npm("huge", PackageArchives.tgz(List.of(filled("package/LICENSE", 100L * 1024 * 1024, 'A'))));

        OwnFiles.Read files = (OwnFiles.Read) read("pkg:npm/huge@1.0.0");

        OwnFile licence = files.files().getFirst();
        assertThat(licence.cut()).isTrue();
        assertThat(licence.text()).hasSize(ArchiveLimits.DEFAULTS.maxFileBytes());
    }

    @Test
    void a_tarball_on_another_host_is_refused_and_not_fetched() throws IOException {
        try (FakeRegistry elsewhere = FakeRegistry.servingFolder(folder.resolve("elsewhere"))) {
            registry = FakeRegistry.servingFolder(folder);
            String url = elsewhere.baseUri() + "evil/-/evil-1.0.0.tgz";
            PackageArchives.npmRelease(folder, "evil", "1.0.0", "MIT", url, PackageArchives.tgz(List.of()));
            registries = new Registries(TestSettings.allAt(registry.baseUri()));

            OwnFiles files = read("pkg:npm/evil@1.0.0");

            assertThat(files)
                    .isEqualTo(new OwnFiles.Unavailable(
                            "the tarball is not on the configured registry, so it was not fetched"));
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void a_jar_redirected_to_another_host_is_not_fetched_and_the_reason_names_the_host() throws IOException {
        try (FakeRegistry elsewhere = FakeRegistry.servingFolder(folder.resolve("elsewhere"))) {
            maven(licensedJar());
            registry.answerNext(1, 302, Map.of("Location", elsewhere.baseUri() + "org/acme/widget/1.0/widget-1.0.jar"));

            OwnFiles files = read("pkg:maven/org.acme/widget@1.0");

            assertThat(files)
                    .isEqualTo(new OwnFiles.Unavailable("the jar could not be read: redirected to another host ("
                            + elsewhere.baseUri().getHost() + "); not followed"));
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void a_jar_redirected_on_the_same_host_is_followed() {
        maven(licensedJar());
        String jarPath = "org/acme/widget/1.0/widget-1.0.jar";
        registry.answerNext(1, 302, Map.of("Location", "/" + jarPath));

        OwnFiles files = read("pkg:maven/org.acme/widget@1.0");

        assertThat(((OwnFiles.Read) files).files()).extracting(OwnFile::path).contains("META-INF/NOTICE");
        assertThat(registry.requests()).startsWith("/" + jarPath, "/" + jarPath);
    }

    @Test
    void a_redirect_loop_on_the_same_host_stops_after_three_hops() {
        maven(licensedJar());
        registry.answerNext(4, 302, Map.of("Location", "/org/acme/widget/1.0/widget-1.0.jar"));

        OwnFiles files = read("pkg:maven/org.acme/widget@1.0");

        assertThat(files)
                .isEqualTo(new OwnFiles.Unavailable("the jar could not be read: more than 3 redirects; not followed"));
        assertThat(registry.requests()).hasSize(4);
    }

    @Test
    void a_jar_is_read_with_ranges_not_downloaded() {
        byte[] jar = licensedJar();
        maven(jar);

        OwnFiles.Read files = (OwnFiles.Read) read("pkg:maven/org.acme/widget@1.0");

        assertThat(files.files())
                .extracting(OwnFile::path, OwnFile::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("META-INF/LICENSE.txt", Kind.LICENCE),
                        org.assertj.core.groups.Tuple.tuple("META-INF/NOTICE", Kind.NOTICE));
        assertThat(files.files().get(1).text()).isEqualTo(APACHE_NOTICE);
        assertThat(files.files().get(0).text()).isEqualTo(MIT);
        assertThat(registry.bytesServed()).isLessThan(jar.length / 10);
    }

    @Test
    void a_server_ignoring_range_still_gives_the_files_of_a_jar_within_the_cap() {
        byte[] jar = licensedJar();
        maven(jar);
        registry.ignoringRanges();

        OwnFiles.Read files = (OwnFiles.Read) read("pkg:maven/org.acme/widget@1.0");

        assertThat(files.files()).extracting(OwnFile::path).contains("META-INF/NOTICE");
        assertThat(registry.bytesServed()).isEqualTo(jar.length);
    }

    @Test
    void a_jar_whose_directory_lies_about_its_offset_is_reported_not_followed() {
        byte[] jar = licensedJar();
        ByteBuffer end = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(jar.length - 22 + 16, Integer.MAX_VALUE); // the directory "starts" 2 GB in
        maven(jar);

        OwnFiles files = read("pkg:maven/org.acme/widget@1.0");

        assertThat(files).isInstanceOf(OwnFiles.Unavailable.class);
        assertThat(((OwnFiles.Unavailable) files).reason())
                .startsWith("the jar's central directory does not fit in the file");
        assertThat(registry.requests()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void a_jar_entry_said_to_be_larger_than_the_jar_is_reported() {
        byte[] jar = licensedJar();
        int directoryOffset =
                ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN).getInt(jar.length - 22 + 16);
        ByteBuffer bytes = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = directoryOffset; at < jar.length - 22; ) { // every entry claims 1 GB of compressed data
            bytes.putInt(at + 20, 1 << 30);
            at += 46
                    + Short.toUnsignedInt(bytes.getShort(at + 28))
                    + Short.toUnsignedInt(bytes.getShort(at + 30))
                    + Short.toUnsignedInt(bytes.getShort(at + 32));
        }
        maven(jar);

        OwnFiles files = read("pkg:maven/org.acme/widget@1.0");

        assertThat(((OwnFiles.Unavailable) files).reason()).contains("a size beyond the file");
        assertThat(registry.bytesServed()).isLessThan(jar.length / 10);
    }

    @Test
    void a_registry_away_makes_the_files_unavailable_with_the_reason() {
        npm("away", PackageArchives.tgz(List.of(file("package/LICENSE", MIT))));
        registry.setDown(true);

        OwnFiles files = read("pkg:npm/away@1.0.0");

        assertThat(((OwnFiles.Unavailable) files).reason()).startsWith("npm registry unreachable: HTTP 503");
    }

    private byte[] licensedJar() {
        return PackageArchives.jar(
                Map.of(
                        "META-INF/LICENSE.txt",
                        MIT,
                        "META-INF/NOTICE",
                        APACHE_NOTICE,
                        "LICENSE",
                        "not in META-INF",
                        "META-INF/maven/org.acme/widget/LICENSE",
                        "too deep"),
                List.of("META-INF/NOTICE"),
                JAR_PADDING);
    }

    private void npm(String name, byte[] tgz) {
        PackageArchives.npmRelease(folder, name, "1.0.0", "MIT", PackageArchives.tarballUrl(name, "1.0.0"), tgz);
        start();
    }

    private void maven(byte[] jar) {
        PackageArchives.mavenRelease(folder, "org.acme", "widget", "1.0", "MIT", jar);
        start();
    }

    private void start() {
        registry = FakeRegistry.servingFolder(folder);
        registries = new Registries(TestSettings.allAt(registry.baseUri()));
    }

    private OwnFiles read(String purl) {
        return registries.packageFiles().read(purl);
    }
}
