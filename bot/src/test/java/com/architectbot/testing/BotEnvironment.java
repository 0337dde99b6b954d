package com.architectbot.testing;

import com.architectbot.config.Environment;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment variables of a bot run by a test: the test Redis and the fake model, plus whatever the test adds.
 * Each test keeps its own variables in sight with {@link #with}; only the set-up every run needs lives here.
 */
public final class BotEnvironment {

    /** A valid data key (32 zero bytes under key id {@code test}), the same in every run. */
    public static final String ENCRYPTION_KEY = "test:" + Base64.getEncoder().encodeToString(new byte[32]);

    private final Map<String, String> variables = new HashMap<>();

    private BotEnvironment(FakeOpenAi model) {
        variables.put("REDIS_URL", TestRedis.uri().toString());
        variables.put("LLM_PROVIDER", "openai");
        variables.put("OPENAI_API_KEY", FakeOpenAi.API_KEY);
        variables.put("OPENAI_BASE_URL", model.baseUrl());
    }

    /** The test Redis and the fake model, nothing else: what a command-line run needs. */
    public static BotEnvironment of(FakeOpenAi model) {
        return new BotEnvironment(model);
    }

    /**
     * A bot that serves: both HTTP servers on free loopback ports (tests must not depend on 8080 or 9090 being free)
     * and a data key for what it stores.
     */
    public static BotEnvironment served(FakeOpenAi model) {
        return of(model)
                .with("PORT", "0")
                .with("HOST", "127.0.0.1")
                .with("MANAGEMENT_PORT", "0")
                .with("DATA_ENCRYPTION_KEY", ENCRYPTION_KEY);
    }

    /** Slack's Web API on the fake, with this bot token and signing secret. */
    public BotEnvironment slack(FakeSlackApi slack, String botToken, String signingSecret) {
        return with(Map.of(
                "SLACK_BOT_TOKEN", botToken,
                "SLACK_SIGNING_SECRET", signingSecret,
                "SLACK_API_URL", slack.apiUrl().toString()));
    }

    /**
     * Teams on the fake Bot Connector: its token and OpenID endpoints, authentication on, and plain http to 127.0.0.1
     * (not "localhost") allowed for the connector and files, since the fake is on this machine.
     */
    public BotEnvironment teams(FakeBotConnector connector) {
        with(Map.of(
                "MICROSOFT_APP_ID",
                "app-id",
                "MICROSOFT_APP_PASSWORD",
                "app-secret",
                "MICROSOFT_APP_TENANT_ID",
                TeamsActivities.TENANT,
                "TEAMS_OPENID_METADATA_URL",
                connector.baseUrl() + "/openid",
                "TEAMS_TENANT_OPENID_METADATA_URL",
                connector.baseUrl() + "/openid",
                "TEAMS_TOKEN_ENDPOINT",
                connector.baseUrl() + "/token"));
        return with(Map.of("TEAMS_CONNECTOR_HOSTS", "http://127.0.0.1", "TEAMS_FILE_HOSTS", "http://127.0.0.1"));
    }

    /** Sets (or replaces) one variable. */
    public BotEnvironment with(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    /** Sets (or replaces) each of these variables. */
    public BotEnvironment with(Map<String, String> more) {
        variables.putAll(more);
        return this;
    }

    /** The variables as they stand, for a child process or a further copy. */
    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** The variables as they stand, as the bot reads them. */
    public Environment environment() {
        return new Environment(variables());
    }
}
