package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.server.BotServer;
import com.architectbot.server.HttpRoutes;
import com.architectbot.server.ServerSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body declared larger than the limit is answered 413, and the client gets to read that answer: the server
 * reads the body to its end first, instead of closing on a client still writing (which resets the connection
 * and can discard the 413 unread).
 */
class OversizedBodyTest {

    private static final int LIMIT = (int) ServerSettings.MAX_REQUEST_BYTES;
    private static final int PIECE = 64 * 1024;
    /** Not a timing assertion: only makes the client the slower side, whatever the machine's load. */
    private static final Duration PAUSE = Duration.ofMillis(5);

    private BotServer server;

    @BeforeEach
    void start() {
        HttpRoutes echo = routes ->
                routes.post("/echo", ctx -> ctx.result("got " + ctx.body().length() + " bytes"));
        server = BotServer.start(
                new ServerSettings("127.0.0.1", 0, Duration.ofSeconds(1), ServerSettings.DEFAULT_BODY_DEADLINE),
                () -> true,
                List.of(echo),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_client_still_writing_its_oversized_body_when_refused_gets_to_finish_and_read_413() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            int length = LIMIT + LIMIT / 2;
            out.write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // when: the body in pieces, slower than the server decides, as a client on a slow link or a busy
            // machine sends it; a server that closed on it unread resets the connection mid-write ("Broken pipe")
            byte[] piece = new byte[PIECE];
            for (int sent = 0; sent < length; sent += PIECE) {
                out.write(piece, 0, Math.min(PIECE, length - sent));
                out.flush();
                Thread.sleep(PAUSE.toMillis());
            }
            // then
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("Connection: close")
                    .contains("{\"error\":\"Content Too Large\"}")
                    .doesNotContain("got ");
        }
    }

    @Test
    void oversized_and_small_bodies_alternating_on_one_client_each_get_their_status() throws Exception {
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int i = 0; i < 10; i++) {
                // when
                HttpResponse<String> refused = post(http, "x".repeat(LIMIT + 1 + i * 100_000));
                HttpResponse<String> accepted = post(http, "x".repeat(LIMIT));
                // then
                assertThat(refused.statusCode()).as("oversized #%s", i).isEqualTo(413);
                assertThat(accepted.statusCode()).as("at the limit #%s", i).isEqualTo(200);
                assertThat(accepted.body()).isEqualTo("got " + LIMIT + " bytes");
            }
        }
    }

    @Test
    void a_body_declared_absurdly_large_is_refused_without_being_read() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            // when: only the headers; the promised terabyte never comes
            socket.getOutputStream()
                    .write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000000000" + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            // then: answered at once, well within the 1 s body deadline's 408
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 413");
        }
    }

    private HttpResponse<String> post(HttpClient http, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/echo"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
