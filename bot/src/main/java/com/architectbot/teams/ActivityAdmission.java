package com.architectbot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an activity whose token checked out may start a turn, and which tenant it speaks for. What is
 * trusted, and why:
 * <ul>
 *   <li>{@code channelId} must be {@code msteams} ({@code emulator} too when authentication is off): the bot
 *       serves Teams, and the signing key's endorsement was checked for this channel.
 *   <li>{@code serviceUrl} must be https on a host in {@code TEAMS_CONNECTOR_HOSTS}, for every token: the
 *       replier, which runs later from the stored reference without the token, applies the same list
 *       ({@link ConnectorCredentials}), so the connector token never goes anywhere else.
 *   <li>The tenant is {@code channelData.tenant.id} (what Teams sends), or {@code conversation.tenantId} when
 *       only that is given; when both are given they must agree, and a token issued by a tenant must name the
 *       same one. A Bot Connector token names no tenant: the tenant and {@code from.aadObjectId} are then Teams'
 *       word, in a request the Bot Connector signed for this bot and this service URL, which is as far as the
 *       Bot Framework lets a bot verify them. Admin rights ({@code TEAMS_ADMIN_IDS}) rest on that.
 *   <li>Without authentication (the Emulator) nothing in the body is verified; the server then listens on
 *       loopback only, so the caller is someone on this machine.
 * </ul>
 */
final class ActivityAdmission {

    static final String TEAMS = "msteams";
    static final String EMULATOR = "emulator";

    private final TeamsSettings settings;

    ActivityAdmission(TeamsSettings settings) {
        this.settings = settings;
    }

    /**
     * Checked before the token, so any other channel gets the same answer whatever its token.
     *
     * @throws Refused (403) unless the channel is Teams, or the Emulator without authentication
     */
    void checkChannel(Activity activity) {
        String channel = Objects.requireNonNullElse(activity.getChannelId(), "");
        boolean emulator = !settings.authenticationEnabled() && EMULATOR.equals(channel);
        if (!TEAMS.equals(channel) && !emulator) {
            throw new Refused(403, "channel '" + channel + "' is not served: this bot serves Microsoft Teams only");
        }
    }

    /**
     * Admits an activity whose channel and token checked out, recording the verified tenant in
     * {@code conversation.tenantId} (where the rest of the adapter reads it).
     *
     * @param tokenTenant the tenant the token was issued by; empty for Bot Connector tokens and without authentication
     * @throws Refused with the HTTP status the Bot Framework would answer
     */
    void admit(Activity activity, Optional<String> tokenTenant) {
        if (settings.authenticationEnabled()) {
            settings.connectorHosts().refusalByName(serviceUrl(activity)).ifPresent(reason -> {
                throw new Refused(401, "serviceUrl refused: " + reason);
            });
        }
        Optional<String> tenant = tenantOf(activity);
        if (tokenTenant.isPresent() && !tokenTenant.equals(tenant)) {
            throw new Refused(
                    403,
                    "activity speaks for tenant " + tenant.orElse("(none)") + " but its token was issued by tenant "
                            + tokenTenant.get());
        }
        tenant.ifPresent(activity.getConversation()::setTenantId);
    }

    private static Optional<String> tenantOf(Activity activity) {
        Optional<String> fromChannelData = Optional.ofNullable(activity.getChannelData())
                .map(data -> Serialization.objectToTree(data)
                        .path("tenant")
                        .path("id")
                        .asText(""))
                .filter(id -> !id.isBlank());
        Optional<String> fromConversation =
                Optional.ofNullable(activity.getConversation().getTenantId()).filter(id -> !id.isBlank());
        if (fromChannelData.isPresent() && fromConversation.isPresent() && !fromChannelData.equals(fromConversation)) {
            throw new Refused(403, "channelData.tenant and conversation.tenantId disagree");
        }
        return fromChannelData.or(() -> fromConversation);
    }

    private static URI serviceUrl(Activity activity) {
        return URI.create(activity.getServiceUrl()); // the parser has checked it is a URL
    }

    /** The activity may not start a turn; the message says why (safe to log). */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
