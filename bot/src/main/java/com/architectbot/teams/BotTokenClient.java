package com.architectbot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;
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
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * The bot's own credentials for calling the Bot Connector: a client-credentials grant against a
 * configurable token endpoint (the tenant's, for single-tenant bots). The SDK hard-codes
 * {@code botframework.com} and uses MSAL, which insists on https authorities; a plain OAuth2 POST
 * supports the tenant, the loopback fake in tests, and caches the token until shortly before it expires.
 *
 * <p>The token goes only to hosts in {@code TEAMS_CONNECTOR_HOSTS}: every Bot Connector call (replies, typing,
 * consent answers) passes {@link #applyCredentialsFilter}, which refuses any other host before the token is
 * attached, and follows no redirect.
 */
final class BotTokenClient extends AppCredentials {

    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String appPassword;
    private final URI tokenEndpoint;
    private final HttpClient http;
    private final Clock clock;
    private final AllowedHosts connectorHosts;

    BotTokenClient(String appId, String appPassword, URI tokenEndpoint, String scope, HttpClient http, Clock clock,
            AllowedHosts connectorHosts) {
        super(null, scope);
        setAppId(appId);
        this.connectorHosts = connectorHosts;
        this.appPassword = appPassword;
        this.tokenEndpoint = tokenEndpoint;
        this.http = http;
        this.clock = clock;
    }

    static BotTokenClient of(TeamsSettings settings, String appId, String scope) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TOKEN_TIMEOUT).build();
        return new BotTokenClient(appId, settings.appPassword(), settings.tokenEndpoint(),
                scope == null || scope.isBlank() ? AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE : scope,
                http, Clock.systemUTC(), settings.connectorHosts());
    }

    /** Runs before the SDK's interceptor that attaches the token: a refused host never sees it. */
    @Override
    public void applyCredentialsFilter(OkHttpClient.Builder builder) {
        builder.followRedirects(false).followSslRedirects(false);
        builder.interceptors().add(chain -> {
            Optional<String> refusal = connectorHosts.refusal(chain.request().url().uri());
            if (refusal.isPresent()) {
                throw new IOException("refused to send the connector token: " + refusal.get());
            }
            return chain.proceed(chain.request());
        });
        super.applyCredentialsFilter(builder);
    }

    @Override
    protected Authenticator buildAuthenticator() {
        return new CachingGrant();
    }

    /** One cached token; concurrent refreshes are harmless (both tokens are valid). */
    private final class CachingGrant implements Authenticator {
        private volatile Token current;

        @Override
        public CompletableFuture<IAuthenticationResult> acquireToken() {
            Token token = current;
            if (token == null || clock.instant().isAfter(token.expiresAt().minus(REFRESH_MARGIN))) {
                return requestToken().thenApply(fresh -> {
                    current = fresh;
                    return fresh;
                });
            }
            return CompletableFuture.completedFuture(token);
        }
    }

    private CompletableFuture<Token> requestToken() {
        String form = "grant_type=client_credentials"
                + "&client_id=" + encode(getAppId())
                + "&client_secret=" + encode(appPassword)
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
            long expiresIn = body.path("expires_in").asLong(3600);
            return new Token(accessToken, clock.instant().plusSeconds(expiresIn), oAuthScope());
        } catch (IOException e) {
            throw new AuthenticationException("token endpoint " + tokenEndpoint + " returned malformed JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** MSAL's result type is what the SDK's {@code Authenticator} port returns; only the token is read. */
    private record Token(String accessToken, Instant expiresAt, String scopes) implements IAuthenticationResult {
        @Override
        public String idToken() {
            return null;
        }

        @Override
        public IAccount account() {
            return null;
        }

        @Override
        public ITenantProfile tenantProfile() {
            return null;
        }

        @Override
        public String environment() {
            return null;
        }

        @Override
        public Date expiresOnDate() {
            return Date.from(expiresAt);
        }

        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }
}
