package com.architectbot.teams;

import com.architectbot.server.AllowedHosts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * The bot's own credentials for calling the Bot Connector: the SDK's {@link MicrosoftAppCredentials} (app id,
 * secret, scope, and the interceptor that attaches the token), with the client-credentials grant sent to
 * {@link TeamsSettings#tokenEndpoint()} (the tenant's, for single-tenant bots) and cached until shortly before
 * it expires.
 *
 * <p>Why not the SDK's own grant: its {@code CredentialsAuthenticator} builds an MSAL application from the
 * authority alone, and MSAL accepts only https authorities and sends instance discovery for any host it does
 * not know to {@code login.microsoftonline.com}, with no switch the SDK exposes. So it cannot be pointed at a
 * fake on loopback; this class sends the same form POST itself, and tests fake it at the wire.
 *
 * <p>The token goes only to hosts in {@code TEAMS_CONNECTOR_HOSTS}: every Bot Connector call (replies, typing,
 * consent answers) passes {@link #applyCredentialsFilter}, which refuses any other host before the token is
 * attached, and follows no redirect.
 */
final class ConnectorCredentials extends MicrosoftAppCredentials {

    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);
    /** What OAuth2 assumes when the endpoint does not say how long a token lives. */
    private static final long DEFAULT_EXPIRES_IN_SECONDS = 3600;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenEndpoint;
    private final HttpClient http;
    private final Clock clock;
    private final AllowedHosts connectorHosts;
    /** One cached token; concurrent refreshes are harmless (both tokens are valid). */
    private volatile Token current;

    ConnectorCredentials(
            String appId,
            String appPassword,
            String scope,
            URI tokenEndpoint,
            HttpClient http,
            Clock clock,
            AllowedHosts connectorHosts) {
        super(appId, appPassword, null, scope);
        this.tokenEndpoint = tokenEndpoint;
        this.http = http;
        this.clock = clock;
        this.connectorHosts = connectorHosts;
    }

    /** {@code scope} as the adapter asks for it; blank means the Bot Connector's default. */
    static ConnectorCredentials of(TeamsSettings settings, String appId, String scope) {
        return new ConnectorCredentials(
                appId,
                settings.appPassword(),
                scope == null || scope.isBlank() ? AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE : scope,
                settings.tokenEndpoint(),
                HttpClient.newBuilder().connectTimeout(TOKEN_TIMEOUT).build(),
                Clock.systemUTC(),
                settings.connectorHosts());
    }

    /** Runs before the SDK's interceptor that attaches the token: a refused host never sees it. */
    @Override
    public void applyCredentialsFilter(OkHttpClient.Builder builder) {
        builder.followRedirects(false).followSslRedirects(false);
        builder.interceptors().add(chain -> {
            Optional<String> refusal =
                    connectorHosts.refusal(chain.request().url().uri());
            if (refusal.isPresent()) {
                throw new IOException("refused to send the connector token: " + refusal.get());
            }
            return chain.proceed(chain.request());
        });
        super.applyCredentialsFilter(builder);
    }

    /** The one method the SDK's interceptor asks for the token; the superclass's MSAL grant is never built. */
    @Override
    public CompletableFuture<String> getToken() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.expiresAt().minus(REFRESH_MARGIN))) {
            return CompletableFuture.completedFuture(token.value());
        }
        return requestToken().thenApply(fresh -> {
            current = fresh;
            return fresh.value();
        });
    }

    private CompletableFuture<Token> requestToken() {
        String form = "grant_type=client_credentials"
                + "&client_id=" + encode(getAppId())
                + "&client_secret=" + encode(getAppPassword())
                + "&scope=" + encode(oAuthScope());
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(TOKEN_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::parse);
    }

    private Token parse(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AuthenticationException("token endpoint " + tokenEndpoint + " answered HTTP "
                    + response.statusCode() + " for app " + getAppId());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String accessToken = body.path("access_token").asText("");
            if (accessToken.isEmpty()) {
                throw new AuthenticationException("token endpoint " + tokenEndpoint + " returned no access_token");
            }
            long expiresIn = body.path("expires_in").asLong(DEFAULT_EXPIRES_IN_SECONDS);
            return new Token(accessToken, clock.instant().plusSeconds(expiresIn));
        } catch (IOException e) {
            throw new AuthenticationException("token endpoint " + tokenEndpoint + " returned malformed JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }
}
