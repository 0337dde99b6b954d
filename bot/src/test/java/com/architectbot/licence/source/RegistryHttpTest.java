package com.architectbot.licence.source;

import static com.architectbot.licence.source.MavenRegistryTest.found;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.LicenceRegistry.Lookup;
import com.architectbot.licence.PackageRef;
import com.architectbot.testing.FakeRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, retries and per-host limits, seen through the registries that use them. */
public class RegistryHttpTest {

    private static final PackageRef REACT = new PackageRef(Ecosystem.NPM, null, "react", "18.2.0");

    private final FakeRegistry npm = FakeRegistry.serving("npm");

    @AfterEach
    void stop() {
        npm.close();
    }

    @Test
    void an_answer_larger_than_the_cap_fails_that_package_once_without_reading_it(@TempDir Path folder)
            throws IOException {
        // given: a version document bigger than the cap
        Files.createDirectories(folder.resolve("react"));
        Files.writeString(
                folder.resolve("react/18.2.0"),
                "{\"license\": \"MIT\", \"padding\": \"" + "x".repeat(RegistrySettings.MIN_MAX_BODY_BYTES) + "\"}");
        try (FakeRegistry big = FakeRegistry.servingFolder(folder)) {
            RegistrySettings defaults = TestSettings.allAt(big.baseUri(), TestSettings.TIMEOUT, 8, 2);
            Registries registries = new Registries(new RegistrySettings(
                    defaults.mavenUrl(),
                    defaults.npmUrl(),
                    defaults.pypiUrl(),
                    defaults.cratesUrl(),
                    defaults.nugetUrl(),
                    defaults.depsDevUrl(),
                    defaults.timeout(),
                    8,
                    2,
                    defaults.retryBackoff(),
                    RegistrySettings.MIN_MAX_BODY_BYTES));
            // when
            Lookup lookup = registries.lookup(REACT);
            // then: a clear failure, and no retry (the same answer would be no smaller)
            assertThat(lookup)
                    .isEqualTo(new Lookup.Unknown("npm registry unreachable: the answer is larger than the "
                            + RegistrySettings.MIN_MAX_BODY_BYTES + " bytes a registry answer may have"));
            assertThat(big.requests()).hasSize(1);
        }
    }

    @Test
    void a_registry_answering_503_is_unknown_with_the_reason_after_the_retries() {
        // given
        npm.setDown(true);
        Registries registries = new Registries(TestSettings.allAt(npm.baseUri(), TestSettings.TIMEOUT, 8, 2));
        // when
        Lookup lookup = registries.lookup(REACT);
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("npm registry unreachable: HTTP 503 (3 attempts)"));
        assertThat(npm.requests()).hasSize(3);
    }

    @Test
    void a_closed_port_is_unknown_with_the_reason_and_no_exception() throws IOException {
        // given
        URI closed = closedPort();
        Registries registries = new Registries(TestSettings.allAt(closed, TestSettings.TIMEOUT, 8, 1));
        // when
        Lookup lookup = registries.lookup(REACT);
        // then
        assertThat(lookup).isInstanceOf(Lookup.Unknown.class);
        assertThat(((Lookup.Unknown) lookup).reason())
                .startsWith("npm registry unreachable: connection failed")
                .endsWith("(2 attempts)");
    }

    @Test
    void a_registry_slower_than_the_timeout_is_unknown_with_the_timeout_named() {
        // given
        npm.withLatency(Duration.ofSeconds(3));
        Registries registries = new Registries(TestSettings.allAt(npm.baseUri(), Duration.ofMillis(200), 8, 0));
        // when
        Lookup lookup = registries.lookup(REACT);
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("npm registry unreachable: timed out after 200 ms"));
    }

    @Test
    void a_429_with_retry_after_is_waited_out_and_then_answered() {
        // given
        npm.answerNext(1, 429, Map.of("Retry-After", "1"));
        Registries registries = new Registries(TestSettings.allAt(npm.baseUri()));
        // when
        Lookup lookup = registries.lookup(REACT);
        // then
        assertThat(found(lookup).statements()).isNotEmpty();
        assertThat(npm.requests()).containsExactly("/react/18.2.0", "/react/18.2.0");
    }

    @Test
    void a_server_error_is_retried() {
        // given
        npm.answerNext(1, 502, Map.of());
        Registries registries = new Registries(TestSettings.allAt(npm.baseUri()));
        // when
        Lookup lookup = registries.lookup(REACT);
        // then
        assertThat(lookup).isInstanceOf(Lookup.Found.class);
        assertThat(npm.requests()).hasSize(2);
    }

    @Test
    void a_retry_after_beyond_the_limit_is_not_waited_for() {
        // given
        npm.answerNext(1, 429, Map.of("Retry-After", "3600"));
        Registries registries = new Registries(TestSettings.allAt(npm.baseUri()));
        // when
        Lookup lookup = registries.lookup(REACT);
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("npm registry unreachable: HTTP 429, asked to wait 3600 s"));
        assertThat(npm.requests()).hasSize(1);
    }

    @Test
    void a_not_found_is_not_retried() {
        // given
        Registries registries = new Registries(TestSettings.allAt(npm.baseUri(), TestSettings.TIMEOUT, 8, 3));
        // when
        registries.lookup(new PackageRef(Ecosystem.NPM, null, "no-such-package", "1.0.0"));
        // then
        assertThat(npm.requests()).hasSize(1);
    }

    @Test
    void no_more_than_the_per_host_limit_of_requests_are_in_flight() throws Exception {
        // given
        npm.withLatency(Duration.ofMillis(100));
        Registries registries = new Registries(TestSettings.allAt(npm.baseUri(), TestSettings.TIMEOUT, 2, 0));
        // when
        List<Lookup> lookups;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Lookup>> futures = IntStream.range(0, 12)
                    .mapToObj(i -> threads.submit(() -> registries.lookup(REACT)))
                    .toList();
            lookups = futures.stream().map(RegistryHttpTest::join).toList();
        }
        // then
        assertThat(lookups).allMatch(Lookup.Found.class::isInstance);
        assertThat(npm.requests()).hasSize(12);
        assertThat(npm.maxConcurrentRequests()).isBetween(1, 2);
    }

    @Test
    void a_retry_after_given_as_an_http_date_beyond_the_limit_is_not_waited_for() {
        // given
        String inAnHour = ZonedDateTime.now(ZoneOffset.UTC).plusHours(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        npm.answerNext(1, 503, Map.of("Retry-After", inAnHour));
        Registries registries = new Registries(TestSettings.allAt(npm.baseUri()));
        // when
        Lookup lookup = registries.lookup(REACT);
        // then
        assertThat(lookup)
                .isInstanceOfSatisfying(
                        Lookup.Unknown.class,
                        unknown -> assertThat(unknown.reason())
                                .matches("npm registry unreachable: HTTP 503, asked to wait 35\\d\\d s"));
        assertThat(npm.requests()).hasSize(1);
    }

    private static Lookup join(Future<Lookup> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
    }
}
