package com.architectbot.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's adapter with our credentials for outgoing calls (tenant-specific token endpoint). Incoming
 * tokens are checked by {@link TeamsTokenValidator} before a turn starts, so the adapter's own
 * credential provider only answers "which app is this".
 */
final class TeamsAdapter extends BotFrameworkAdapter {

    private final TeamsSettings settings;

    TeamsAdapter(TeamsSettings settings) {
        super(
                new SimpleCredentialProvider(settings.appId().orElse(null), settings.appPassword()),
                new SimpleChannelProvider(),
                null,
                null);
        this.settings = settings;
    }

    /** The app id to act as in proactive messages; empty when authentication is off. */
    String botAppId() {
        return settings.appId().orElse("");
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return CompletableFuture.completedFuture(ConnectorCredentials.of(settings, appId, scope));
    }
}
