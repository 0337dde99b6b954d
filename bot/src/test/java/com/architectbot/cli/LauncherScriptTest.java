package com.architectbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/architect-bot}, run by bash in a copy of the repository whose JDK is a stand-in {@code java} that
 * prints the arguments it was given: which JVM options each command gets, and what happens when the class-data
 * archive cannot be kept where it is asked to be. (That the JVM then writes and reads the archive is the JDK's
 * part, measured, not tested here: the jar does not exist yet when the tests run.)
 */
class LauncherScriptTest {

    private static final Path SCRIPTS = repositoryRoot().resolve("bin");

    @TempDir
    Path root;

    private Path jar;

    record Launch(int exitCode, List<String> javaArguments, String err) {

        String archive() {
            return javaArguments.stream()
                    .filter(a -> a.startsWith("-XX:SharedArchiveFile="))
                    .map(a -> a.substring("-XX:SharedArchiveFile=".length()))
                    .findFirst()
                    .orElse(null);
        }
    }

    @BeforeEach
    void a_built_repository_with_a_stand_in_jdk() throws IOException {
        Files.createDirectories(root.resolve("bin"));
        for (String script : List.of("architect-bot", "java-home.sh")) {
            Files.copy(SCRIPTS.resolve(script), root.resolve("bin").resolve(script));
        }
        executable(root.resolve("bin/architect-bot"), null);
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("bot/src/main"));
        executable(root.resolve("jdk/bin/javac"), "#!/bin/sh\n");
        executable(root.resolve("jdk/bin/java"), """
                #!/bin/sh
                case "$*" in *-XshowSettings:properties*) echo '    java.specification.version = 21' >&2; exit 0 ;; esac
                for argument in "$@"; do printf '%s\\n' "$argument"; done
                """);
        for (Path source :
                List.of(root.resolve("pom.xml"), root.resolve("bot/pom.xml"), root.resolve("bot/src/main"))) {
            if (!Files.exists(source)) {
                Files.writeString(source, "<project/>");
            }
            Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(3600)));
        }
        jar = Files.createDirectories(root.resolve("bot/target")).resolve("architect-bot.jar");
        Files.writeString(jar, "a build of the jar");
    }

    @Test
    void a_one_shot_command_starts_from_its_class_data_archive_with_a_quick_start_compiler() throws Exception {
        Launch launch = launch(Map.of(), "license-check", "package-lock.json");

        assertThat(launch.exitCode()).isZero();
        assertThat(launch.javaArguments())
                .contains("-XX:+AutoCreateSharedArchive", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                .endsWith("-jar", jar.toString(), "license-check", "package-lock.json");
        Path archive = Path.of(launch.archive());
        assertThat(archive.getParent()).isEqualTo(root.resolve("bot/target/cds").toRealPath());
        assertThat(archive.getFileName().toString())
                .startsWith("license-check-")
                .endsWith(".jsa");
        assertThat(launch.err()).isEmpty();
    }

    @Test
    void serve_keeps_the_jvm_defaults() throws Exception {
        assertThat(launch(Map.of(), "serve").javaArguments()).containsExactly("-jar", jar.toString(), "serve");
        assertThat(launch(Map.of()).javaArguments()).containsExactly("-jar", jar.toString(), "serve");
    }

    @Test
    void each_command_has_its_own_archive_and_a_rebuilt_jar_a_new_one() throws Exception {
        Path first = Path.of(launch(Map.of(), "license-check", "x").archive());
        Files.writeString(first, "what the first run wrote");
        assertThat(launch(Map.of(), "license-check", "y").archive()).isEqualTo(first.toString());
        assertThat(launch(Map.of(), "consult", "why?").archive()).contains("/consult-");

        Files.writeString(jar, "another, longer build of the jar");
        Path rebuilt = Path.of(launch(Map.of(), "license-check", "x").archive());

        assertThat(rebuilt).isNotEqualTo(first);
        assertThat(first).doesNotExist(); // an archive of an older build is of no more use
    }

    @Test
    void an_archive_folder_that_cannot_hold_an_archive_runs_the_command_without_one() throws Exception {
        Path file = Files.writeString(root.resolve("a-file"), "not a folder");
        Path colon = root.resolve("two:archives");

        for (String dir : List.of(file.toString(), file.resolve("below").toString(), colon.toString())) {
            Launch launch = launch(Map.of("CDS_ARCHIVE_DIR", dir), "license-check", "x");

            assertThat(launch.exitCode()).as(dir).isZero();
            assertThat(launch.archive()).as(dir).isNull();
            assertThat(launch.javaArguments()).as(dir).endsWith("-jar", jar.toString(), "license-check", "x");
            assertThat(launch.err()).as(dir).contains("CDS_ARCHIVE_DIR").contains("without a class-data archive");
        }
    }

    @Test
    void an_archive_that_is_not_a_file_is_left_alone() throws Exception {
        String planned = launch(Map.of(), "license-check", "x").archive();
        Files.createDirectories(Path.of(planned));

        Launch launch = launch(Map.of(), "license-check", "x");

        assertThat(launch.exitCode()).isZero();
        assertThat(launch.archive()).isNull();
        assertThat(launch.err()).contains("is not a file; running without a class-data archive");
        assertThat(Path.of(planned)).isDirectory();
    }

    @Test
    void off_runs_without_an_archive_and_says_nothing() throws Exception {
        Launch launch = launch(Map.of("CDS_ARCHIVE_DIR", "off"), "license-check", "x");

        assertThat(launch.archive()).isNull();
        assertThat(launch.javaArguments()).contains("-XX:TieredStopAtLevel=1");
        assertThat(launch.err()).isEmpty();
    }

    private Launch launch(Map<String, String> variables, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("bash", root.resolve("bin/architect-bot").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().remove("CDS_ARCHIVE_DIR");
        builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        builder.environment().putAll(variables);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Launch(process.exitValue(), out.lines().toList(), err);
    }

    private static void executable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        if (content != null) {
            Files.writeString(file, content);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin/architect-bot")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root with bin/architect-bot above " + Path.of("").toAbsolutePath());
    }
}
