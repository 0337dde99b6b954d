package com.architectbot.slack;

import com.google.gson.Gson;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.util.json.GsonFactory;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Slack installations in Redis, one hash per workspace ({@code ab:slack:installation:<team>}, or the
 * enterprise id for an org-wide install): field {@code bot} holds the bot token record, and
 * {@code installer:<user>} each installing user's record. Deleting a workspace's data is one {@code DEL}.
 * The records hold tokens: they are never logged, and neither is this service's state.
 */
final class RedisInstallationService implements InstallationService {

    static final String PREFIX = "ab:slack:installation:";
    private static final String BOT = "bot";
    private static final String INSTALLER = "installer:";
    private static final String LATEST = "installer";
    private static final Logger LOG = LoggerFactory.getLogger(RedisInstallationService.class);

    private final UnifiedJedis redis;
    private final Gson gson = GsonFactory.createSnakeCase();

    RedisInstallationService(UnifiedJedis redis) {
        this.redis = redis;
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
        redis.hset(key, INSTALLER + installer.getInstallerUserId(), json);
        redis.hset(key, LATEST, json);
        redis.hset(key, BOT, gson.toJson(installer.toBot()));
        LOG.info("saved the Slack installation of team {} (enterprise {})", installer.getTeamId(), installer.getEnterpriseId());
    }

    @Override
    public void saveBot(Bot bot) {
        redis.hset(key(bot.getEnterpriseId(), bot.getTeamId(), bot.getIsEnterpriseInstall()), BOT, gson.toJson(bot));
    }

    @Override
    public void deleteBot(Bot bot) {
        redis.hdel(key(bot.getEnterpriseId(), bot.getTeamId(), bot.getIsEnterpriseInstall()), BOT);
    }

    @Override
    public void deleteInstaller(Installer installer) {
        redis.hdel(key(installer.getEnterpriseId(), installer.getTeamId(), installer.getIsEnterpriseInstall()),
                INSTALLER + installer.getInstallerUserId());
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        String json = redis.hget(PREFIX + teamOrEnterprise(enterpriseId, teamId), BOT);
        if (json == null && enterpriseId != null && teamId != null) {
            json = redis.hget(PREFIX + enterpriseId, BOT); // an org-wide install serves every workspace of the org
        }
        return json == null ? null : gson.fromJson(json, DefaultBot.class);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        String json = redis.hget(PREFIX + teamOrEnterprise(enterpriseId, teamId), userId == null ? LATEST : INSTALLER + userId);
        return json == null ? null : gson.fromJson(json, DefaultInstaller.class);
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        redis.del(PREFIX + teamOrEnterprise(enterpriseId, teamId));
        LOG.info("deleted the Slack installation of team {} (enterprise {})", teamId, enterpriseId);
    }

    private static String key(String enterpriseId, String teamId, Boolean enterpriseInstall) {
        return PREFIX + (Boolean.TRUE.equals(enterpriseInstall) ? Objects.requireNonNull(enterpriseId, "enterprise id")
                : teamOrEnterprise(enterpriseId, teamId));
    }

    private static String teamOrEnterprise(String enterpriseId, String teamId) {
        if (teamId == null && enterpriseId == null) {
            throw new IllegalArgumentException("an installation needs a team id or an enterprise id");
        }
        return teamId != null ? teamId : enterpriseId;
    }
}
