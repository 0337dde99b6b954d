package com.architectbot.ops;

import com.architectbot.config.Environment;
import com.architectbot.config.StoreVariables;
import com.architectbot.consultation.llm.ModelProbe;
import com.architectbot.consultation.llm.ModelSettings;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.ops.Doctor.Check;
import com.architectbot.ops.Doctor.Finding;
import com.architectbot.redis.RedisConnection;
import com.architectbot.redis.RedisSettings;
import com.architectbot.redis.RedisUrl;
import com.architectbot.slack.SlackAuthProbe;
import com.architectbot.slack.SlackSettings;
import com.architectbot.teams.TeamsCredentialsProbe;
import com.architectbot.teams.TeamsSettings;
import java.time.Duration;
import java.util.List;

/**
 * What {@code doctor} checks, each read from the environment on its own, so that one bad variable is
 * reported by its check and does not hide the others: the whole configuration, Redis, the model, Slack,
 * Teams and the licence registries.
 */
public final class DoctorChecks {

    /** How long one remote call of a check may take; the doctor's total budget bounds them all. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

    private DoctorChecks() {}

    public static List<Check> all(Environment env, Duration callTimeout) {
        return List.of(
                new Check(
                        "Configuration",
                        "fix the variable named above, or unset it for the default",
                        () -> configuration(env)),
                new Check(
                        "Redis",
                        "check REDIS_URL (" + RedisUrl.ACCEPTED_FORMS + "), that Redis runs and "
                                + "this host may reach it, and the password in the URL",
                        () -> redis(env)),
                new Check(
                        "Model",
                        "check " + ModelSettings.LLM_PROVIDER + ", " + ModelSettings.LLM_MODEL
                                + ", the provider's API key and base URL variables",
                        () -> model(env, callTimeout)),
                new Check(
                        "Slack",
                        "set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-...) from OAuth & "
                                + "Permissions of the installed app; check SLACK_API_URL",
                        () -> slack(env, callTimeout)),
                new Check(
                        "Teams",
                        "check MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD (a client secret that has not "
                                + "expired), MICROSOFT_APP_TENANT_ID for single-tenant apps, and TEAMS_TOKEN_ENDPOINT",
                        () -> teams(env, callTimeout)),
                new Check(
                        RegistryReachability.CHECK,
                        "set the registry URL variables (MAVEN_REPOSITORY_URL, "
                                + "NPM_REGISTRY_URL, PYPI_URL, CRATES_URL, NUGET_URL, DEPS_DEV_URL) to reachable mirrors, "
                                + "or allow this host to reach them",
                        () -> RegistryReachability.check(RegistrySettings.from(env), callTimeout)));
    }

    private static Finding configuration(Environment env) {
        BotConfig config = BotConfig.from(env);
        return Finding.ok(
                "Configuration",
                "valid: " + config.model().provider().id() + " model '"
                        + config.model().modelName() + "', port "
                        + config.server().port() + ", "
                        + config.queue().concurrency() + " workers");
    }

    private static Finding redis(Environment env) {
        RedisSettings settings = StoreVariables.redis(env);
        if (settings.embedded()) {
            return Finding.skipped(
                    "Redis",
                    "REDIS_URL is unset: serve starts an embedded Redis on 127.0.0.1:" + settings.embeddedPort()
                            + " (one replica only; set REDIS_URL for production)");
        }
        long started = System.nanoTime();
        try (RedisConnection redis = RedisConnection.open(settings)) {
            String answer = redis.ping();
            return Finding.ok("Redis", answer + " from " + redis.endpoint() + " in " + millisSince(started) + " ms");
        }
    }

    private static Finding model(Environment env, Duration timeout) {
        ModelSettings settings = ModelSettings.from(env);
        try {
            return Finding.ok("Model", ModelProbe.check(settings, timeout));
        } catch (PermanentFailure e) {
            return Finding.failed("Model", e.getMessage(), e.userMessage());
        } catch (RetryableFailure e) {
            return Finding.failed(
                    "Model",
                    e.getMessage(),
                    "check that " + settings.baseUrl() + " is the right "
                            + "endpoint (" + settings.baseUrlVariable() + ") and reachable from this host; retry if it "
                            + "was overloaded");
        }
    }

    private static Finding slack(Environment env, Duration timeout) {
        SlackSettings settings = SlackSettings.from(env);
        if (!settings.enabled()) {
            return Finding.skipped("Slack", "not configured (SLACK_BOT_TOKEN or SLACK_CLIENT_ID unset)");
        }
        if (settings.oauth()) {
            return Finding.skipped(
                    "Slack",
                    "OAuth installs: each workspace's token is stored at install time and "
                            + "checked when it is used");
        }
        return Finding.ok("Slack", SlackAuthProbe.authTest(settings, timeout));
    }

    private static Finding teams(Environment env, Duration timeout) {
        TeamsSettings settings = TeamsSettings.from(env);
        if (!settings.authenticationEnabled()) {
            return Finding.skipped(
                    "Teams",
                    "no app credentials (MICROSOFT_APP_ID unset): only the Emulator or "
                            + "the Agents Playground can talk to the bot");
        }
        return Finding.ok("Teams", TeamsCredentialsProbe.requestToken(settings, timeout));
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
