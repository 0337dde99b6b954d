package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.server.AllowedHosts;
import com.architectbot.testing.FakeBotConnector;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bot's own token: one grant per lifetime, failures that say where, and no redirect followed with it. */
class ConnectorCredentialsTest {

    private static final String SECRET = "client-secret-never-shown";
    private static final AllowedHosts LOCAL_CONNECTOR =
            AllowedHosts.parse("TEAMS_CONNECTOR_HOSTS", TeamsFixture.LOCAL_FAKES);

    private final FakeBotConnector connector = FakeBotConnector.start();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T14:00:00Z"));
    private HttpServer redirecting;

    @AfterEach
    void stop() {
        connector.close();
        if (redirecting != null) {
            redirecting.stop(0);
        }
    }

    private ConnectorCredentials client(String tokenPath) {
        return new ConnectorCredentials(
                "app-id",
                SECRET,
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
                URI.create(connector.baseUrl() + tokenPath),
                HttpClient.newHttpClient(),
                clock,
                LOCAL_CONNECTOR);
    }

    @Test
    void the_token_is_granted_once_and_reused_until_shortly_before_it_expires() throws Exception {
        // given
        ConnectorCredentials client = client("/token");
        // when
        String first = client.getToken().get();
        clock.advance(Duration.ofMinutes(54));
        String reused = client.getToken().get();
        // then
        assertThat(List.of(first, reused)).containsOnly(FakeBotConnector.BOT_TOKEN);
        assertThat(connector.tokenRequests()).hasSize(1);

        // when: the fake's token lives an hour; five minutes before its end a new one is asked for
        clock.advance(Duration.ofMinutes(2));
        client.getToken().get();
        // then
        assertThat(connector.tokenRequests()).hasSize(2);
    }

    @Test
    void a_refused_grant_names_the_endpoint_and_the_app_but_not_the_secret() {
        ConnectorCredentials client = client("/no-token-here");

        assertThatThrownBy(() -> client.getToken().get())
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining(
                        "token endpoint " + connector.baseUrl() + "/no-token-here answered HTTP 404 for app app-id")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void a_redirect_from_the_connector_is_not_followed_with_the_token() throws IOException {
        // given: a connector on an allowed host that sends every call elsewhere
        List<String> landed = new CopyOnWriteArrayList<>();
        redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirecting.createContext("/v3/", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirecting.createContext("/elsewhere", exchange -> {
            landed.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        redirecting.start();
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        client("/token").applyCredentialsFilter(builder);
        String url = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/v3/conversations/c/activities";
        // when
        try (Response response = builder.build()
                .newCall(new Request.Builder().url(url).get().build())
                .execute()) {
            // then
            assertThat(response.code()).isEqualTo(307);
        }
        assertThat(landed).isEmpty();
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
