package com.architectbot.slack;

import com.architectbot.config.Environment;
import com.architectbot.server.AllowedHosts;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The Slack channel's configuration. Single-workspace mode needs {@code SLACK_BOT_TOKEN}; distribution
 * to many workspaces needs {@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET} (OAuth, installations
 * in Redis). {@code SLACK_APP_TOKEN} switches the transport from {@code POST /slack/events} to Socket
 * Mode. Tokens and secrets never appear in {@link #toString()}.
 *
 * @param apiUrl the Web API base, {@code SLACK_API_URL}, default {@value #DEFAULT_API_URL} (tests, GovSlack)
 * @param redirectUri {@code SLACK_REDIRECT_URI}: the public OAuth redirect URL, when the app has several
 * @param socketConcurrency how many Socket Mode envelopes are handled at once ({@code SLACK_SOCKET_CONCURRENCY})
 * @param httpTimeout the Web API call timeout ({@code SLACK_HTTP_TIMEOUT_SECONDS})
 * @param deliveryBudget how long a reply may wait out Slack's rate limits before the job is retried
 *     later ({@code SLACK_DELIVERY_BUDGET_SECONDS})
 * @param contextTtl how long {@code /architect forget} can find the last thread a user talked in
 *     ({@code CONTEXT_TTL_DAYS}, the thread memory's own time to live)
 */
public record SlackSettings(
        Optional<String> botToken,
        Optional<String> signingSecret,
        Optional<String> appToken,
        URI apiUrl,
        Optional<String> clientId,
        Optional<String> clientSecret,
        Optional<String> redirectUri,
        int socketConcurrency,
        Duration httpTimeout,
        Duration deliveryBudget,
        Duration contextTtl) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    /** Slack's file hosts, the only ones that receive the bot token with a download (GovSlack's included). */
    static final String FILE_HOSTS = "*.slack.com,*.slack-gov.com";
    /** Where Slack's slash-command response URLs point. */
    static final String RESPONSE_URL_HOSTS = "hooks.slack.com";

    public static final int DEFAULT_SOCKET_CONCURRENCY = 16;
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_DELIVERY_BUDGET = Duration.ofSeconds(120);
    public static final Duration DEFAULT_CONTEXT_TTL = Duration.ofDays(30);
    /** The bot scopes the app asks for when installed through OAuth; keep in step with deploy/slack/manifest.yml. */
    public static final String BOT_SCOPES = "app_mentions:read,assistant:write,channels:history,chat:write,commands,"
            + "files:read,files:write,groups:history,im:history,im:read,im:write,mpim:history,reactions:write,users:read";

    public SlackSettings {
        if (botToken.isPresent() && clientId.isPresent()) {
            throw new IllegalArgumentException("Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and "
                    + "SLACK_CLIENT_SECRET (installable in many workspaces), not both");
        }
        if (clientId.isPresent() != clientSecret.isPresent()) {
            throw new IllegalArgumentException("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together: set both for "
                    + "OAuth installs, or neither");
        }
        requirePrefix(botToken, "xoxb-", "SLACK_BOT_TOKEN", "the Bot User OAuth Token from OAuth & Permissions");
        requirePrefix(
                appToken,
                "xapp-",
                "SLACK_APP_TOKEN",
                "an app-level token with connections:write, from Basic Information");
        if ((botToken.isPresent() || clientId.isPresent()) && appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new IllegalArgumentException("SLACK_SIGNING_SECRET is not set: copy it from Basic Information > "
                    + "App Credentials, or set SLACK_APP_TOKEN to use Socket Mode instead of POST /slack/events");
        }
        if (!apiUrl.toString().endsWith("/")) {
            apiUrl = URI.create(apiUrl + "/");
        }
    }

    public static SlackSettings from(Environment env) {
        return new SlackSettings(
                env.optional("SLACK_BOT_TOKEN"),
                env.optional("SLACK_SIGNING_SECRET"),
                env.optional("SLACK_APP_TOKEN"),
                env.url("SLACK_API_URL", DEFAULT_API_URL),
                env.optional("SLACK_CLIENT_ID"),
                env.optional("SLACK_CLIENT_SECRET"),
                env.optional("SLACK_REDIRECT_URI"),
                env.integer("SLACK_SOCKET_CONCURRENCY", DEFAULT_SOCKET_CONCURRENCY, 1),
                env.seconds("SLACK_HTTP_TIMEOUT_SECONDS", DEFAULT_HTTP_TIMEOUT),
                env.seconds("SLACK_DELIVERY_BUDGET_SECONDS", DEFAULT_DELIVERY_BUDGET),
                env.days("CONTEXT_TTL_DAYS", DEFAULT_CONTEXT_TTL));
    }

    /** Where a file download may take the bot token: Slack's file hosts and the configured API host. */
    AllowedHosts fileHosts() {
        return withApiHost(FILE_HOSTS);
    }

    /** Where a slash command's response URL may point: Slack's hooks host and the configured API host. */
    AllowedHosts responseUrlHosts() {
        return withApiHost(RESPONSE_URL_HOSTS);
    }

    /** The configured API host (GovSlack; a fake in tests) is allowed too, over plain http only if its URL is http. */
    private AllowedHosts withApiHost(String hosts) {
        String api = ("http".equalsIgnoreCase(apiUrl.getScheme()) ? "http://" : "")
                + apiUrl.getHost().toLowerCase(Locale.ROOT);
        return AllowedHosts.parse("Slack's hosts (and SLACK_API_URL)", hosts + "," + api);
    }

    /** Whether Slack is configured at all; without a token or OAuth credentials the channel stays off. */
    public boolean enabled() {
        return botToken.isPresent() || oauth();
    }

    /** Installable in many workspaces, with tokens from the installation store. */
    public boolean oauth() {
        return clientId.isPresent();
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }

    private static void requirePrefix(Optional<String> token, String prefix, String name, String where) {
        if (token.isPresent() && !token.get().startsWith(prefix)) {
            throw new IllegalArgumentException(name + " does not start with " + prefix + ": set it to " + where);
        }
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + (oauth() ? "oauth" : "single-workspace")
                + ", transport=" + (socketMode() ? "socket-mode" : "http")
                + ", botToken=" + masked(botToken) + ", signingSecret=" + masked(signingSecret)
                + ", appToken=" + masked(appToken) + ", clientId=" + clientId.orElse("unset")
                + ", clientSecret=" + masked(clientSecret) + ", apiUrl=" + apiUrl
                + ", socketConcurrency=" + socketConcurrency + ", httpTimeout=" + httpTimeout
                + ", deliveryBudget=" + deliveryBudget + "]";
    }

    private static String masked(Optional<String> secret) {
        return secret.map(s -> "****").orElse("unset");
    }
}
