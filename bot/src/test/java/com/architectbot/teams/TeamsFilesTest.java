package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.InquiryFile;
import com.architectbot.core.PermanentFailure;
import com.architectbot.server.AllowedHosts;
import com.architectbot.testing.Pictures;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Downloads of files and pictures sent in Teams chats against real HTTP servers on loopback that record every request. */
class TeamsFilesTest {

    private static final String POM = "<project><dependencies/></project>";
    private static final ThreadKey THREAD =
            new ThreadKey(Surface.TEAMS, "tenant-1", "a:chat", TeamsInquiries.WHOLE_CHAT);
    private static final AllowedHosts LOCAL_FAKES = AllowedHosts.parse("TEAMS_FILE_HOSTS", TeamsFixture.LOCAL_FAKES);

    private final FileHost host = new FileHost();
    /** Where an attacker would like the bot to go: another server on this machine, holding a secret. */
    private final FileHost internal = new FileHost();

    @AfterEach
    void stop() {
        host.close();
        internal.close();
    }

    private static PermanentFailure refused(TeamsFiles files, String url) {
        return (PermanentFailure) catchFailure(() -> files.fetch(new InquiryFile("pom.xml", URI.create(url)), THREAD));
    }

    private static Throwable catchFailure(Runnable fetch) {
        try {
            fetch.run();
        } catch (PermanentFailure e) {
            return e;
        }
        throw new AssertionError("the download was not refused");
    }

    @Test
    void a_file_on_an_allowed_host_is_fetched_following_a_redirect_within_the_list() {
        var manifest =
                new TeamsFiles(LOCAL_FAKES).fetch(new InquiryFile("pom.xml", host.url("/redirect?to=/file")), THREAD);

        assertThat(manifest.content()).isEqualTo(POM);
        assertThat(host.requests).containsExactly("/redirect", "/file");
    }

    @Test
    void a_loopback_url_is_not_fetched_with_the_default_file_hosts() {
        TeamsFiles files = new TeamsFiles(AllowedHosts.parse("TEAMS_FILE_HOSTS", TeamsSettings.DEFAULT_FILE_HOSTS));

        PermanentFailure failure = refused(files, host.url("/file").toString());

        assertThat(failure.userMessage()).isEqualTo(TeamsFiles.REFUSED);
        assertThat(failure.getMessage()).contains("host 127.0.0.1 is not in TEAMS_FILE_HOSTS");
        assertThat(host.requests).isEmpty();
    }

    @Test
    void plain_http_to_an_allowed_host_is_not_fetched() {
        TeamsFiles files = new TeamsFiles(AllowedHosts.parse("TEAMS_FILE_HOSTS", "localhost"));

        PermanentFailure failure = refused(files, "http://localhost:" + host.port() + "/file");

        assertThat(failure.getMessage()).contains("is not https");
        assertThat(host.requests).isEmpty();
    }

    @Test
    void an_allowed_name_that_resolves_to_loopback_is_not_fetched() {
        TeamsFiles files = new TeamsFiles(AllowedHosts.parse("TEAMS_FILE_HOSTS", "localhost"));

        PermanentFailure failure = refused(files, "https://localhost:" + host.port() + "/file");

        assertThat(failure.getMessage()).contains("resolves to a non-public address");
        assertThat(host.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://localhost:%d/secret", "http://169.254.169.254/latest/meta-data/", "ftp://127.0.0.1:%d/x"
            })
    void a_redirect_off_the_list_is_not_followed(String target) {
        String location = target.formatted(internal.port());

        PermanentFailure failure = refused(
                new TeamsFiles(LOCAL_FAKES),
                host.url("/redirect?to=" + location).toString());

        assertThat(failure.userMessage()).isEqualTo(TeamsFiles.REFUSED);
        assertThat(host.requests).containsExactly("/redirect");
        assertThat(internal.requests).isEmpty();
    }

    @Test
    void endless_redirects_stop_after_the_limit() {
        PermanentFailure failure =
                refused(new TeamsFiles(LOCAL_FAKES), host.url("/loop").toString());

        assertThat(failure.getMessage()).contains("redirected more than " + TeamsFiles.MAX_REDIRECTS + " times");
        assertThat(host.requests).hasSize(TeamsFiles.MAX_REDIRECTS + 1);
    }

    @Test
    void a_file_larger_than_the_cap_is_refused_with_the_limit() {
        TeamsFiles files = new TeamsFiles(LOCAL_FAKES, 2048);

        assertThatThrownBy(() -> files.fetch(new InquiryFile("pom.xml", host.url("/big")), THREAD))
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        e -> assertThat(e.userMessage()).startsWith("pom.xml is larger than 2 KB"));
    }

    @Test
    void the_connector_token_goes_to_a_pasted_pictures_attachment_link_only_and_never_along_a_redirect() {
        var files = new TeamsFiles(
                AllowedHosts.parse("TEAMS_FILE_HOSTS", "http://localhost"),
                new TeamsFiles.ConnectorFiles(
                        AllowedHosts.parse("TEAMS_CONNECTOR_HOSTS", "http://127.0.0.1"), () -> "connector-token"));
        URI onFileHost = URI.create("http://localhost:" + host.port() + "/png");

        var pasted =
                files.picture(new InquiryFile("", host.url("/v3/attachments/a1/views/original"), "image/*"), THREAD);
        var attached = files.picture(new InquiryFile("orders.png", onFileHost), THREAD);
        files.picture(new InquiryFile("", host.url("/v3/attachments/redirect?to=" + onFileHost), "image/*"), THREAD);
        assertThatThrownBy(() -> files.picture(
                        new InquiryFile(
                                "", host.url("/v3/attachments/redirect?to=/v3/attachments/a2/views/original"), ""),
                        THREAD))
                .isInstanceOf(PermanentFailure.class); // a redirect gets no token, and a connector host is no file host

        assertThat(pasted.mediaType()).isEqualTo("image/png");
        assertThat(attached.mediaType()).isEqualTo("image/png");
        assertThat(host.authorizations)
                .containsExactly("Bearer connector-token", "", "Bearer connector-token", "", "Bearer connector-token");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v3/conversations/a:1/activities",
                "/v3/attachments/../conversations/a:1/activities",
                "/v3/attachments/%2e%2e/conversations",
                "/v3/attachments/a1%2F..%2F..%2Fconversations",
                "/v3/attachments//a1",
                "/png"
            })
    void a_pasted_picture_link_elsewhere_on_a_connector_host_gets_no_token_and_is_refused(String path) {
        var files = new TeamsFiles(
                AllowedHosts.parse("TEAMS_FILE_HOSTS", "http://localhost"),
                new TeamsFiles.ConnectorFiles(
                        AllowedHosts.parse("TEAMS_CONNECTOR_HOSTS", "http://127.0.0.1"), () -> "connector-token"));

        assertThatThrownBy(() -> files.picture(new InquiryFile("", host.url(path), "image/png"), THREAD))
                .isInstanceOf(PermanentFailure.class);
        assertThat(host.authorizations).isEmpty();
    }

    @Test
    void a_manifest_on_a_connector_hosts_attachment_path_is_fetched_without_the_token() {
        var files = new TeamsFiles(
                AllowedHosts.parse("TEAMS_FILE_HOSTS", "http://127.0.0.1"),
                new TeamsFiles.ConnectorFiles(
                        AllowedHosts.parse("TEAMS_CONNECTOR_HOSTS", "http://127.0.0.1"), () -> "connector-token"));

        files.fetch(new InquiryFile("pom.xml", host.url("/v3/attachments/pom/views/original")), THREAD);

        assertThat(host.authorizations).containsExactly("");
    }

    @Test
    void a_pasted_image_elsewhere_is_refused_and_not_fetched() {
        var files = new TeamsFiles(
                AllowedHosts.parse("TEAMS_FILE_HOSTS", "files.example.com"),
                new TeamsFiles.ConnectorFiles(
                        AllowedHosts.parse("TEAMS_CONNECTOR_HOSTS", "smba.trafficmanager.net"), () -> "t"));

        assertThatThrownBy(() -> files.picture(new InquiryFile("", internal.url("/png"), "image/png"), THREAD))
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        e -> assertThat(e.userMessage()).startsWith("I only open pictures that Teams itself keeps"));
        assertThat(internal.requests).isEmpty();
    }

    /**
     * A file host on 127.0.0.1: {@code /file}, {@code /png} (a PNG), {@code /big} (4 KB), {@code /redirect?to=<location>} (302) and
     * {@code /loop} (302 to itself).
     */
    private static final class FileHost implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        /** The {@code Authorization} header of each request, "" when none. */
        final List<String> authorizations = new CopyOnWriteArrayList<>();

        private final HttpServer server;

        FileHost() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            String query = exchange.getRequestURI().getRawQuery();
            if (path.equals("/loop") || path.endsWith("/redirect") && query != null && query.startsWith("to=")) {
                exchange.getResponseHeaders().set("Location", path.equals("/loop") ? "/loop" : query.substring(3));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            byte[] body = path.equals("/png") || path.endsWith("/views/original") && !path.contains("pom")
                    ? Pictures.png()
                    : (path.equals("/big") ? "x".repeat(4096) : POM).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        int port() {
            return server.getAddress().getPort();
        }

        URI url(String pathAndQuery) {
            return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
