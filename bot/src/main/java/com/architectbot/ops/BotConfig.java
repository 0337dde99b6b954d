package com.architectbot.ops;

import com.architectbot.config.Environment;
import com.architectbot.config.StoreVariables;
import com.architectbot.consultation.ConsultationSettings;
import com.architectbot.consultation.llm.ModelSettings;
import com.architectbot.conversation.redis.RedisThreadMemory;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.manifest.ManifestSettings;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.queue.QueueSettings;
import com.architectbot.redis.EncryptionSettings;
import com.architectbot.redis.RedisSettings;
import com.architectbot.server.ManagementSettings;
import com.architectbot.server.ServerSettings;
import com.architectbot.slack.SlackSettings;
import com.architectbot.teams.TeamsSettings;
import com.architectbot.tenancy.TenancySettings;
import org.slf4j.Logger;

/**
 * Every setting of the bot, read once from the environment at start-up. A wrong value fails here with
 * a message naming the variable; nothing else reads the environment.
 */
public record BotConfig(
        ServerSettings server,
        ManagementSettings management,
        RedisSettings redis,
        EncryptionSettings encryption,
        RedisThreadMemory.Settings memory,
        ModelSettings model,
        ConsultationSettings consultation,
        QueueSettings queue,
        RegistrySettings registries,
        ManifestSettings manifests,
        LicenceSettings licences,
        SlackSettings slack,
        TeamsSettings teams,
        TenancySettings tenancy) {

    public BotConfig {
        if (server.port() != 0 && server.port() == management.port()) {
            throw new IllegalArgumentException(
                    ManagementSettings.PORT_VARIABLE + "=" + management.port()
                            + " is the public PORT: /metrics must stay off the port Slack and Teams reach; choose another port");
        }
    }

    public static BotConfig fromEnvironment() {
        return from(environment());
    }

    /** The process environment, for {@code doctor}, which validates each part on its own. */
    public static Environment environment() {
        return new Environment(System.getenv());
    }

    public static BotConfig from(Environment env) {
        LicenceConfig licence = LicenceConfig.from(env);
        TeamsSettings teams = TeamsSettings.from(env);
        return new BotConfig(
                ServerSettings.from(env, teams.loopbackOnly()),
                ManagementSettings.from(env),
                licence.redis(),
                StoreVariables.encryption(env),
                RedisThreadMemory.Settings.withTtl(
                        env.days(RedisThreadMemory.Settings.TTL_DAYS_VARIABLE, RedisThreadMemory.Settings.DEFAULT_TTL)),
                ModelSettings.from(env),
                ConsultationSettings.from(env),
                QueueSettings.from(env),
                licence.registries(),
                licence.manifests(),
                licence.licences(),
                SlackSettings.from(env),
                teams,
                TenancySettings.from(env));
    }

    /** The part of the configuration a licence check reads. */
    public LicenceConfig licenceCheck() {
        return new LicenceConfig(redis, registries, manifests, licences);
    }

    /** The effective configuration, secrets masked by each settings record's toString. */
    public void log(Logger log) {
        log.info("Configuration: {}", this);
    }
}
