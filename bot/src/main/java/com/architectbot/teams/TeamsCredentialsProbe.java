package com.architectbot.teams;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client-credentials token request with the configured app id and secret, against the token endpoint
 * the replier uses ({@link ConnectorCredentials}), for {@code doctor}. The token itself is dropped.
 */
public final class TeamsCredentialsProbe {

    private TeamsCredentialsProbe() {}

    /**
     * @return the app id and the endpoint that issued a token
     * @throws IllegalStateException saying what the endpoint answered, or that it did not answer in time
     */
    public static String requestToken(TeamsSettings settings, Duration timeout) {
        String appId = settings.appId().orElseThrow(() -> new IllegalStateException("MICROSOFT_APP_ID is not set"));
        try {
            ConnectorCredentials.of(settings, appId, null).getToken().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return "token issued for app " + appId + " by " + settings.tokenEndpoint();
        } catch (ExecutionException e) {
            Throwable cause = e;
            while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalStateException(
                    cause.getMessage() == null
                            ? cause.getClass().getSimpleName() + " from " + settings.tokenEndpoint()
                            : cause.getMessage(),
                    cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "no token from " + settings.tokenEndpoint() + " within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + settings.tokenEndpoint() + " for a token", e);
        }
    }
}
