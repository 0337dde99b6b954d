package com.architectbot.slack;

import com.architectbot.slack.redis.RedisInstallationService;
import com.architectbot.slack.redis.RedisOAuthStateService;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.net.URI;
import java.time.Duration;

/**
 * Builds the Web API client (aimed at {@code SLACK_API_URL}, with a timeout on every call) and the Bolt app.
 * Bolt's {@code AppConfig} reads the environment in its field initialisers; every one of those fields is set
 * here from {@link SlackSettings}, so a stray {@code SLACK_CLIENT_ID} in the environment cannot silently switch
 * the app to OAuth mode.
 */
final class SlackClients {

    private SlackClients() {}

    static Slack create(URI apiUrl, Duration timeout) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.toString());
        int millis = Math.toIntExact(timeout.toMillis());
        config.setHttpClientReadTimeoutMillis(millis);
        config.setHttpClientWriteTimeoutMillis(millis);
        config.setHttpClientCallTimeoutMillis(millis);
        config.setPrettyResponseLoggingEnabled(false); // response bodies carry message text: never log them
        return Slack.getInstance(config);
    }

    static Slack create(SlackSettings settings) {
        return create(settings.apiUrl(), settings.httpTimeout());
    }

    /** The Bolt app our handlers register on, configured from the settings alone. */
    static App app(
            SlackSettings settings,
            Slack slack,
            RedisInstallationService installations,
            RedisOAuthStateService states) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken().orElse(null))
                .signingSecret(settings.signingSecret().orElse(null))
                .verificationToken(null)
                .clientId(settings.clientId().orElse(null))
                .clientSecret(settings.clientSecret().orElse(null))
                .redirectUri(settings.redirectUri().orElse(null))
                .scope(SlackSettings.BOT_SCOPES)
                .userScope(null)
                .oauthInstallPath(SlackHttpRoutes.INSTALL)
                .oauthStartPath(SlackHttpRoutes.INSTALL)
                .oauthRedirectUriPath(SlackHttpRoutes.OAUTH_REDIRECT)
                .oauthCallbackPath(SlackHttpRoutes.OAUTH_REDIRECT)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                .authTestCacheEnabled(true) // auth.test once per workspace token, not once per event
                .allEventsApiAutoAckEnabled(true) // an unhandled event gets 200, not a 404 that Slack retries
                .build();
        App app = new App(config);
        app.asOAuthApp(settings.oauth());
        if (settings.oauth()) {
            app.service(installations).service(states);
        }
        return app;
    }
}
