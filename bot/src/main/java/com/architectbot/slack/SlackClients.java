package com.architectbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.net.URI;
import java.time.Duration;

/** Builds the Web API client: aimed at {@code SLACK_API_URL}, with a timeout on every call. */
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
}
