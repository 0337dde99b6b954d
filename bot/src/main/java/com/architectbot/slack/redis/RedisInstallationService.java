package com.architectbot.slack.redis;

import com.architectbot.redis.ValueCipher;
import com.google.gson.Gson;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Slack installations in Redis, one hash per workspace ({@code ab:slack:installation:<team>}, or the
 * enterprise id for an org-wide install): field {@code bot} holds the bot token record, and
 * {@code installer:<user>} each installing user's record. Deleting a workspace's data is one {@code DEL}.
 * The records hold tokens: they are never logged, and neither is this service's state, and each is stored
 * encrypted ({@link ValueCipher}). A record written before encryption, or under the previous key, is written
 * again under the current key when it is read (only if nobody changed it meanwhile).
 */
public final class RedisInstallationService implements InstallationService {

    public static final String PREFIX = "ab:slack:installation:";
    private static final String BOT = "bot";
    private static final String INSTALLER = "installer:";
    private static final String LATEST = "installer";
    private static final Logger LOG = LoggerFactory.getLogger(RedisInstallationService.class);

    /** Sets a field to a new value only if it still holds the value that was read. */
    private static final String REPLACE_IF_UNCHANGED =
            "if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) "
                    + "end return 0";

    private final UnifiedJedis redis;
    private final ValueCipher cipher;
    private final Gson gson = GsonFactory.createSnakeCase();

    public RedisInstallationService(UnifiedJedis redis, ValueCipher cipher) {
        this.redis = redis;
        this.cipher = cipher;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("installation history is not kept: only the current tokens");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        String key = key(installer.getEnterpriseId(), installer.getTeamId(), installer.getIsEnterpriseInstall());
        String json = gson.toJson(installer);
        write(key, INSTALLER + installer.getInstallerUserId(), json);
        write(key, LATEST, json);
        write(key, BOT, gson.toJson(installer.toBot()));
        LOG.info(
                "saved the Slack installation of team {} (enterprise {})",
                installer.getTeamId(),
                installer.getEnterpriseId());
    }

    @Override
    public void saveBot(Bot bot) {
        write(key(bot.getEnterpriseId(), bot.getTeamId(), bot.getIsEnterpriseInstall()), BOT, gson.toJson(bot));
    }

    @Override
    public void deleteBot(Bot bot) {
        redis.hdel(key(bot.getEnterpriseId(), bot.getTeamId(), bot.getIsEnterpriseInstall()), BOT);
    }

    @Override
    public void deleteInstaller(Installer installer) {
        redis.hdel(
                key(installer.getEnterpriseId(), installer.getTeamId(), installer.getIsEnterpriseInstall()),
                INSTALLER + installer.getInstallerUserId());
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        String json = read(PREFIX + teamOrEnterprise(enterpriseId, teamId), BOT);
        if (json == null && enterpriseId != null && teamId != null) {
            json = read(PREFIX + enterpriseId, BOT); // an org-wide install serves every workspace of the org
        }
        return json == null ? null : gson.fromJson(json, DefaultBot.class);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        String json =
                read(PREFIX + teamOrEnterprise(enterpriseId, teamId), userId == null ? LATEST : INSTALLER + userId);
        return json == null ? null : gson.fromJson(json, DefaultInstaller.class);
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        redis.del(PREFIX + teamOrEnterprise(enterpriseId, teamId));
        LOG.info("deleted the Slack installation of team {} (enterprise {})", teamId, enterpriseId);
    }

    private void write(String key, String field, String json) {
        redis.hset(key, field, cipher.seal(key + "/" + field, json));
    }

    private String read(String key, String field) {
        String stored = redis.hget(key, field);
        if (stored == null) {
            return null;
        }
        String json = cipher.open(key + "/" + field, stored);
        if (!cipher.isCurrent(stored)) {
            redis.eval(
                    REPLACE_IF_UNCHANGED, List.of(key), List.of(field, stored, cipher.seal(key + "/" + field, json)));
        }
        return json;
    }

    private static String key(String enterpriseId, String teamId, Boolean enterpriseInstall) {
        return PREFIX
                + (Boolean.TRUE.equals(enterpriseInstall)
                        ? Objects.requireNonNull(enterpriseId, "enterprise id")
                        : teamOrEnterprise(enterpriseId, teamId));
    }

    private static String teamOrEnterprise(String enterpriseId, String teamId) {
        if (teamId == null && enterpriseId == null) {
            throw new IllegalArgumentException("an installation needs a team id or an enterprise id");
        }
        return teamId != null ? teamId : enterpriseId;
    }
}
