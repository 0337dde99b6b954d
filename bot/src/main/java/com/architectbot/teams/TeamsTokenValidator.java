package com.architectbot.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks the bearer token on every activity: signature (keys from the OpenID metadata), issuer, expiry,
 * audience (our app id) and the channel endorsement of the signing key. Two issuers are accepted:
 * <ul>
 *   <li>the Bot Connector ({@code api.botframework.com}, what Teams sends): its {@code serviceurl} claim must
 *       equal the activity's {@code serviceUrl};
 *   <li>for single-tenant bots, the bot's own tenant, which the SDK does not know: any app in the tenant can
 *       get such a token for our app id, so the app that asked for it ({@code azp}, or {@code appid} in v1
 *       tokens) must be listed in {@code TEAMS_ALLOWED_CALLERS}; a {@code serviceurl} claim, when present,
 *       must equal the activity's. The token's tenant (named by its issuer) is returned for the caller to compare.
 * </ul>
 * Where a token without the claim may send the bot is decided by {@code TEAMS_CONNECTOR_HOSTS}
 * ({@link ActivityAdmission}), for every activity.
 *
 * <p>Done here rather than in the SDK's {@code JwtTokenValidation}, which reads its metadata URL from a
 * static field, knows no tenant issuers, and throws unchecked from the request thread on a malformed
 * token (a 500 instead of a 401).
 */
final class TeamsTokenValidator {

    static final String BOT_FRAMEWORK_ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Fetching the signing keys the first time is the only slow step. */
    private static final Duration VALIDATION_BUDGET = Duration.ofSeconds(10);

    private final String appId;
    private final List<String> tenantIssuers;
    private final Set<String> allowedCallers;
    private final Optional<String> tenantId;
    private final JwtTokenExtractor channelTokens;
    private final JwtTokenExtractor tenantTokens;

    TeamsTokenValidator(TeamsSettings settings) {
        this.appId =
                settings.appId().orElseThrow(() -> new IllegalArgumentException("no app id: authentication is off"));
        this.tenantIssuers = settings.tenantIssuers();
        this.allowedCallers = settings.allowedCallers();
        this.tenantId = settings.tenantId();
        this.channelTokens = extractor(
                List.of(BOT_FRAMEWORK_ISSUER), settings.channelOpenIdMetadata().toString());
        this.tenantTokens = tenantIssuers.isEmpty()
                ? null
                : extractor(tenantIssuers, settings.tenantOpenIdMetadata().toString());
    }

    /**
     * What the token proves.
     *
     * @param identity the verified claims
     * @param tenant the tenant that issued the token; empty for Bot Connector tokens, which name none
     */
    record Verified(ClaimsIdentity identity, Optional<String> tenant) {}

    /**
     * The caller's identity.
     *
     * @throws Rejected when the token is missing, malformed, or fails any check
     */
    Verified validate(String authorization, String channelId, String serviceUrl) {
        String token = bearerToken(authorization);
        String issuer = issuerOf(token);
        boolean fromChannel = BOT_FRAMEWORK_ISSUER.equals(issuer);
        if (!fromChannel && !tenantIssuers.contains(issuer)) {
            throw new Rejected("token from an unknown issuer");
        }
        ClaimsIdentity identity = verify(fromChannel ? channelTokens : tenantTokens, authorization, channelId);
        Map<String, String> claims = identity.claims();
        if (!appId.equals(claims.get(AuthenticationConstants.AUDIENCE_CLAIM))) {
            throw new Rejected("token issued for another audience");
        }
        String serviceUrlClaim = claims.get(AuthenticationConstants.SERVICE_URL_CLAIM);
        if ((fromChannel || serviceUrlClaim != null) && !serviceUrl.equalsIgnoreCase(serviceUrlClaim)) {
            throw new Rejected("token issued for another service URL");
        }
        if (fromChannel) {
            return new Verified(identity, Optional.empty());
        }
        String caller = claims.getOrDefault(
                AuthenticationConstants.AUTHORIZED_PARTY, claims.get(AuthenticationConstants.APPID_CLAIM));
        if (caller == null || !allowedCallers.contains(caller)) {
            throw new Rejected("tenant token requested by app " + caller + ", which is not in TEAMS_ALLOWED_CALLERS");
        }
        return new Verified(identity, tenantId); // the issuer, which the signature covers, names the tenant
    }

    private static ClaimsIdentity verify(JwtTokenExtractor extractor, String authorization, String channelId) {
        try {
            ClaimsIdentity identity = extractor
                    .getIdentity(authorization, channelId)
                    .get(VALIDATION_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            if (identity == null || !identity.isAuthenticated()) {
                throw new Rejected("token signed by an unknown key");
            }
            return identity;
        } catch (ExecutionException | CompletionException e) {
            throw new Rejected("token failed verification (signature, expiry or endorsement)");
        } catch (TimeoutException e) {
            throw new Rejected("signing keys could not be fetched within " + VALIDATION_BUDGET.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Rejected("interrupted while verifying the token");
        }
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new Rejected("no Authorization header");
        }
        String[] parts = authorization.strip().split(" ");
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer") || parts[1].isBlank()) {
            throw new Rejected("Authorization header is not a bearer token");
        }
        return parts[1];
    }

    private static String issuerOf(String token) {
        try {
            return JWT.decode(token).getIssuer(); // unverified: only picks which keys verify it
        } catch (JWTDecodeException e) {
            throw new Rejected("malformed token");
        }
    }

    private static JwtTokenExtractor extractor(List<String> issuers, String metadataUrl) {
        TokenValidationParameters parameters = new TokenValidationParameters(
                true, issuers, false, true, CLOCK_SKEW, true); // audience is checked above, per issuer
        return new JwtTokenExtractor(parameters, metadataUrl, AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
    }

    /** The request is not authenticated; the message says why (safe to log, holds no token). */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason);
        }
    }
}
