package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.server.BotServer;
import com.architectbot.server.HttpRoutes;
import com.architectbot.server.ServerSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request body trickled a byte at a time must not hold a connection past the body deadline. */
class RequestBodyDeadlineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    /** The trickle would take 20 s to finish; the server must give up long before. */
    private static final int BODY_BYTES = 100;

    private static final Duration BYTE_GAP = Duration.ofMillis(200);
    /** Deadline plus scheduling slack on a busy machine; far below the 20 s the trickle needs. */
    private static final Duration GIVE_UP_WITHIN = DEADLINE.plusSeconds(3);

    private BotServer server;

    @BeforeEach
    void start() {
        HttpRoutes echo = routes ->
                routes.post("/echo", ctx -> ctx.result("got " + ctx.body().length() + " bytes"));
        server = BotServer.start(
                new ServerSettings("127.0.0.1", 0, Duration.ofSeconds(1), DEADLINE),
                () -> true,
                List.of(echo),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_body_sent_at_once_is_read_and_answered() throws Exception {
        // when
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/echo"))
                                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(BODY_BYTES)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("got " + BODY_BYTES + " bytes");
    }

    @Test
    void a_body_trickled_a_byte_at_a_time_is_cut_off_at_the_deadline_with_408() throws Exception {
        // when
        Trickled trickled = trickle(server.port(), "/echo", "text/plain");
        // then
        assertThat(trickled.held()).isLessThan(GIVE_UP_WITHIN).isGreaterThanOrEqualTo(DEADLINE.minusMillis(100));
        assertThat(trickled.answer()).startsWith("HTTP/1.1 408").doesNotContain("got ");
    }

    @Test
    void the_running_bot_cuts_off_a_trickled_slack_event_and_keeps_answering_others() throws Exception {
        try (var bot = new RunningBot(Map.of("REQUEST_BODY_TIMEOUT_SECONDS", String.valueOf(DEADLINE.toSeconds())))) {
            // when
            Trickled trickled = trickle(bot.uri("/").getPort(), "/slack/events", "application/json");
            // then
            assertThat(trickled.held()).isLessThan(GIVE_UP_WITHIN);
            assertThat(trickled.answer()).startsWith("HTTP/1.1 408");
            String channel = RunningBot.unique("C");
            assertThat(bot.slackEvent(RunningBot.unique("Ev"), RunningBot.mention(channel, "1.1", null, "Still there?"))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private record Trickled(String answer, Duration held) {}

    /** Sends the headers at once, then the body a byte per gap, until the server answers or closes. */
    private static Trickled trickle(int port, String path, String contentType) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) GIVE_UP_WITHIN.plusSeconds(5).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                            + "\r\nContent-Length: " + BODY_BYTES + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            String answer = trickleUntilAnswered(socket, out);
            return new Trickled(answer, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Sends one body byte per gap until the server answers or closes; returns what it answered. */
    private static String trickleUntilAnswered(Socket socket, OutputStream out) throws Exception {
        InputStream in = socket.getInputStream();
        for (int sent = 0; sent < BODY_BYTES; sent++) {
            if (in.available() > 0) {
                break;
            }
            try {
                out.write('x');
                out.flush();
            } catch (SocketException closed) {
                break;
            }
            Thread.sleep(BYTE_GAP.toMillis());
        }
        return read(in);
    }

    private static String read(InputStream in) throws IOException {
        try {
            return new String(in.readNBytes(in.available() > 0 ? in.available() : 12), StandardCharsets.US_ASCII);
        } catch (SocketException reset) {
            return "(connection reset)";
        }
    }
}
