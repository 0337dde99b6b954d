package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.slack.redis.RedisInstallationService;
import com.architectbot.tenancy.TenantEraser;
import com.architectbot.tenancy.TenantId;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uninstalls and token revocations: the workspace's tokens are deleted, and on uninstall everything kept
 * about the workspace is erased, before the event is acked, so if Redis is away Slack delivers the event
 * again rather than leaving dead tokens or data behind.
 */
final class SlackWorkspaces {

    private static final Logger LOG = LoggerFactory.getLogger(SlackWorkspaces.class);

    private final RedisInstallationService installations;
    private final TenantEraser eraser;

    SlackWorkspaces(RedisInstallationService installations, TenantEraser eraser) {
        this.installations = installations;
        this.eraser = eraser;
    }

    void register(App app) {
        app.event(AppUninstalledEvent.class, this::onUninstalled);
        app.event(TokensRevokedEvent.class, this::onTokensRevoked);
    }

    Response onUninstalled(EventsApiPayload<AppUninstalledEvent> payload, EventContext ctx) {
        installations.deleteAll(payload.getEnterpriseId(), payload.getTeamId());
        eraseTenant(eraser, payload.getTeamId());
        return ctx.ack();
    }

    private static void eraseTenant(TenantEraser eraser, String team) {
        if (team != null) {
            eraser.erase(new TenantId(Surface.SLACK, team));
        }
    }

    Response onTokensRevoked(EventsApiPayload<TokensRevokedEvent> payload, EventContext ctx) {
        var tokens = payload.getEvent().getTokens();
        if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            installations.deleteAll(payload.getEnterpriseId(), payload.getTeamId());
        } else if (tokens != null) {
            for (String user : Objects.requireNonNullElse(tokens.getOauth(), List.<String>of())) {
                var installer = installations.findInstaller(payload.getEnterpriseId(), payload.getTeamId(), user);
                if (installer != null) {
                    installations.deleteInstaller(installer);
                }
            }
        }
        return ctx.ack();
    }

    /** With a single configured token there is nothing to delete; say loudly that the token is now dead. */
    static void registerSingleWorkspace(App app, TenantEraser eraser) {
        app.event(AppUninstalledEvent.class, (payload, ctx) -> {
            LOG.warn(
                    "the app was uninstalled from Slack team {}: SLACK_BOT_TOKEN no longer works until it is reinstalled",
                    payload.getTeamId());
            eraseTenant(eraser, payload.getTeamId());
            return ctx.ack();
        });
    }
}
