package com.architectbot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.time.Duration;

/** Slack's {@code auth.test} with the configured bot token, for {@code doctor}. */
public final class SlackAuthProbe {

    private SlackAuthProbe() {}

    /**
     * @return the workspace and bot user the token belongs to
     * @throws IllegalStateException saying what Slack answered, or that it could not be reached
     */
    public static String authTest(SlackSettings settings, Duration timeout) {
        String token = settings.botToken().orElseThrow(() -> new IllegalStateException("SLACK_BOT_TOKEN is not set"));
        AuthTestResponse response;
        try {
            response = SlackClients.create(settings.apiUrl(), timeout)
                    .methods(token)
                    .authTest(r -> r);
        } catch (IOException | SlackApiException e) {
            throw new IllegalStateException("could not reach Slack at " + settings.apiUrl() + ": " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw new IllegalStateException("auth.test at " + settings.apiUrl() + " answered " + response.getError());
        }
        return "auth.test OK: workspace " + response.getTeam() + " (" + response.getTeamId() + "), bot user "
                + response.getUserId();
    }
}
