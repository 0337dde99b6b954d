package com.architectbot.teams;

import com.architectbot.config.Environment;
import com.architectbot.server.AllowedHosts;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Teams channel's configuration.
 *
 * @param appId {@code MICROSOFT_APP_ID}; empty turns authentication off (Bot Framework Emulator,
 *     Microsoft 365 Agents Playground)
 * @param appPassword {@code MICROSOFT_APP_PASSWORD}, the client secret of the app registration
 * @param tenantId {@code MICROSOFT_APP_TENANT_ID}, the tenant of a single-tenant app registration; empty
 *     for the legacy multi-tenant registrations (tokens then come from {@code botframework.com})
 * @param channelOpenIdMetadata {@code TEAMS_OPENID_METADATA_URL}: where the Bot Connector's signing keys
 *     are announced
 * @param tenantOpenIdMetadata {@code TEAMS_TENANT_OPENID_METADATA_URL}: the tenant's Entra ID metadata,
 *     for tokens issued by the tenant itself
 * @param tokenEndpoint {@code TEAMS_TOKEN_ENDPOINT}: where the bot gets its own token for the Bot
 *     Connector (client credentials)
 * @param replyTimeout {@code TEAMS_REPLY_TIMEOUT_SECONDS}: how long one delivery to the Bot Connector may take
 * @param uploadTimeout {@code TEAMS_UPLOAD_TIMEOUT_SECONDS}: how long uploading an export to the user's
 *     OneDrive (after they accepted the file) may take
 * @param exportTtl {@code TEAMS_EXPORT_TTL_SECONDS}: how long an export waits for the user to accept it
 * @param adminIds {@code TEAMS_ADMIN_IDS}: comma-separated Entra ID (AAD) object ids of the users who may see
 *     usage and change settings; Teams has no workspace-admin flag a bot can read
 * @param emulator {@code TEAMS_ENABLED=true}: serve Teams without an app id, unauthenticated, for the Bot
 *     Framework Emulator or the Agents Playground; without it (and without an app id) Teams stays off, so an
 *     unauthenticated endpoint is never opened by accident. The server then listens on loopback only.
 * @param allowedCallers {@code TEAMS_ALLOWED_CALLERS}: the app ids ({@code azp} or {@code appid} claim) that
 *     may call the bot with a token issued by its own tenant. Empty by default: the Bot Framework SDKs document
 *     no app id of their own for such tokens (Teams signs as {@code api.botframework.com}, which needs no entry),
 *     so tenant-issued tokens are refused until an operator names the caller they expect
 * @param connectorHosts {@code TEAMS_CONNECTOR_HOSTS}: where an activity's {@code serviceUrl} may point, and so
 *     the only hosts that ever receive the bot's connector token ({@link AllowedHosts} syntax)
 * @param fileHosts {@code TEAMS_FILE_HOSTS}: where a file sent in a personal chat may be downloaded from
 */
public record TeamsSettings(
        Optional<String> appId,
        String appPassword,
        Optional<String> tenantId,
        URI channelOpenIdMetadata,
        URI tenantOpenIdMetadata,
        URI tokenEndpoint,
        Duration replyTimeout,
        Duration uploadTimeout,
        Duration exportTtl,
        Set<String> adminIds,
        boolean emulator,
        Set<String> allowedCallers,
        AllowedHosts connectorHosts,
        AllowedHosts fileHosts) {

    public static final String BOT_FRAMEWORK_OPENID_METADATA =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";
    /** The SDK's authority for multi-tenant bots. */
    public static final String MULTI_TENANT_AUTHORITY = "botframework.com";

    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_UPLOAD_TIMEOUT = Duration.ofSeconds(30);
    /** Long enough to read the consent card and click; short because the export holds conversations. */
    public static final Duration DEFAULT_EXPORT_TTL = Duration.ofHours(1);
    /** The Bot Connector of the public cloud, the US government clouds (GCC, GCC High, DoD) and China. */
    public static final String DEFAULT_CONNECTOR_HOSTS = "smba.trafficmanager.net,smba.infra.gcc.teams.microsoft.com,"
            + "smba.infra.gov.teams.microsoft.us,smba.infra.dod.teams.microsoft.us,"
            + "*.botframework.com,*.botframework.azure.us,*.botframework.azure.cn";
    /** Teams keeps files sent in chats in the sender's OneDrive for Business (SharePoint), in every cloud. */
    public static final String DEFAULT_FILE_HOSTS = "*.sharepoint.com,*.sharepoint.us,*.sharepoint-mil.us,"
            + "*.sharepoint.cn,onedrive.live.com,*.files.1drv.com";

    public TeamsSettings {
        appId = appId.filter(id -> !id.isBlank());
        appPassword = appPassword == null ? "" : appPassword;
        tenantId = tenantId.filter(id -> !id.isBlank());
        adminIds = adminIds == null ? java.util.Set.of() : java.util.Set.copyOf(adminIds);
        allowedCallers = allowedCallers == null ? Set.of() : Set.copyOf(allowedCallers);
        if (appId.isPresent() && appPassword.isBlank()) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD is not set: set it to the client secret of the "
                    + "app registration " + appId.get() + ", or unset MICROSOFT_APP_ID to run without authentication");
        }
    }

    public static TeamsSettings from(Environment env) {
        Optional<String> tenant = env.optional("MICROSOFT_APP_TENANT_ID");
        String authority = tenant.orElse(MULTI_TENANT_AUTHORITY);
        return new TeamsSettings(
                env.optional("MICROSOFT_APP_ID"),
                env.string("MICROSOFT_APP_PASSWORD", ""),
                tenant,
                uri(env, "TEAMS_OPENID_METADATA_URL", BOT_FRAMEWORK_OPENID_METADATA),
                uri(
                        env,
                        "TEAMS_TENANT_OPENID_METADATA_URL",
                        "https://login.microsoftonline.com/" + authority + "/v2.0/.well-known/openid-configuration"),
                uri(
                        env,
                        "TEAMS_TOKEN_ENDPOINT",
                        "https://login.microsoftonline.com/" + authority + "/oauth2/v2.0/token"),
                env.seconds("TEAMS_REPLY_TIMEOUT_SECONDS", DEFAULT_REPLY_TIMEOUT),
                env.seconds("TEAMS_UPLOAD_TIMEOUT_SECONDS", DEFAULT_UPLOAD_TIMEOUT),
                env.seconds("TEAMS_EXPORT_TTL_SECONDS", DEFAULT_EXPORT_TTL),
                list(env, "TEAMS_ADMIN_IDS"),
                env.flag("TEAMS_ENABLED", false),
                list(env, "TEAMS_ALLOWED_CALLERS"),
                AllowedHosts.parse(
                        "TEAMS_CONNECTOR_HOSTS", env.string("TEAMS_CONNECTOR_HOSTS", DEFAULT_CONNECTOR_HOSTS)),
                AllowedHosts.parse("TEAMS_FILE_HOSTS", env.string("TEAMS_FILE_HOSTS", DEFAULT_FILE_HOSTS)));
    }

    private static Set<String> list(Environment env, String name) {
        return Arrays.stream(env.string(name, "").split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Settings for a local Emulator or Agents Playground: no app id, so no authentication. */
    public static TeamsSettings unauthenticated() {
        return from(new Environment(Map.of("TEAMS_ENABLED", "true")));
    }

    public boolean authenticationEnabled() {
        return appId.isPresent();
    }

    /** Whether the channel runs: with an app id, or explicitly unauthenticated ({@code TEAMS_ENABLED=true}). */
    public boolean enabled() {
        return appId.isPresent() || emulator;
    }

    /**
     * Teams without authentication ({@code TEAMS_ENABLED=true}, no app id): anyone who reaches the port could
     * act as any user, so the server may listen on loopback only.
     */
    public boolean loopbackOnly() {
        return emulator && appId.isEmpty();
    }

    /** Issuers of tokens that the tenant's Entra ID signs for this bot (v1 and v2 tokens). */
    List<String> tenantIssuers() {
        return tenantId.map(t -> List.of(
                        "https://sts.windows.net/" + t + "/", "https://login.microsoftonline.com/" + t + "/v2.0"))
                .orElse(List.of());
    }

    private static URI uri(Environment env, String name, String fallback) {
        String value = env.string(name, fallback);
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("no http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    name + "=" + value + " is not valid: set it to an http(s) URL, " + "or unset it for the default",
                    e);
        }
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId.orElse("(none: authentication off)")
                + ", appPassword=" + (appPassword.isEmpty() ? "(none)" : "****")
                + ", tenantId=" + tenantId.orElse("(multi-tenant)")
                + ", channelOpenIdMetadata=" + channelOpenIdMetadata
                + ", tenantOpenIdMetadata=" + tenantOpenIdMetadata
                + ", tokenEndpoint=" + tokenEndpoint
                + ", replyTimeout=" + replyTimeout + ", uploadTimeout=" + uploadTimeout + ", exportTtl=" + exportTtl
                + ", admins=" + adminIds.size() + ", enabled=" + enabled()
                + ", allowedCallers=" + allowedCallers + ", connectorHosts=" + connectorHosts + ", fileHosts="
                + fileHosts + "]";
    }
}
