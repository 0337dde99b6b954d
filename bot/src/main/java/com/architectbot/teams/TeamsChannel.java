package com.architectbot.teams;

import com.architectbot.conversation.Surface;
import com.architectbot.core.FileSource;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.queue.Replier;
import com.architectbot.server.Channel;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.UnauthorizedResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Teams: {@code POST /api/messages} (the Bot Framework messaging endpoint), the replier that
 * posts answers back, and the file source for manifests sent in personal chats. Every
 * {@code com.microsoft.bot} type stays inside this package.
 */
public final class TeamsChannel implements Channel {

    public static final String MESSAGING_PATH = "/api/messages";
    /** The turn only queues and sends a typing indicator; Teams re-sends after about 15 s. */
    static final Duration TURN_BUDGET = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(TeamsChannel.class);

    private final TeamsSettings settings;
    private final TeamsAdapter adapter;
    private final TeamsTokenValidator tokens;
    private final ActivityAdmission admission;
    private final TeamsTurns turns;
    private final TeamsMessages messages = new TeamsMessages();
    private final TeamsReplier replier;
    private final TeamsFiles files;
    private final FileConsents consents;

    /**
     * The channel, or empty (with one log line saying how to turn it on) when Teams is not configured:
     * neither {@code MICROSOFT_APP_ID} nor {@code TEAMS_ENABLED=true} (the Emulator, unauthenticated).
     *
     * @param exports where exports wait for the user's consent (shared by the replicas: the consent may
     *     reach another one), kept for {@link TeamsSettings#exportTtl()}
     */
    public static Optional<TeamsChannel> create(
            TeamsSettings settings, InquiryQueue queue, InquiryRules rules, PendingExports exports) {
        if (!settings.enabled()) {
            LOG.info("Teams is off: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to turn "
                    + "it on, or TEAMS_ENABLED=true for the Bot Framework Emulator without authentication");
            return Optional.empty();
        }
        return Optional.of(new TeamsChannel(settings, queue, rules, exports));
    }

    public TeamsChannel(TeamsSettings settings, InquiryQueue queue, InquiryRules rules, PendingExports exports) {
        this.settings = settings;
        this.adapter = new TeamsAdapter(settings);
        this.files = new TeamsFiles(settings.fileHosts());
        this.tokens = settings.authenticationEnabled() ? new TeamsTokenValidator(settings) : null;
        this.admission = new ActivityAdmission(settings);
        java.util.Objects.requireNonNull(exports, "exports");
        this.replier = new TeamsReplier(adapter, messages, exports, settings.replyTimeout());
        // plain http uploads only to this machine, and only with authentication off (the Emulator, tests)
        this.consents = new FileConsents(
                exports, new ExportUploads(settings.uploadTimeout(), settings.fileHosts()), messages, replier);
        this.turns = new TeamsTurns(queue, rules, messages, settings.adminIds(), consents);
        if (settings.authenticationEnabled()) {
            LOG.info("Teams channel on {}: {}", MESSAGING_PATH, settings);
        } else {
            LOG.warn(
                    "Teams authentication is OFF (MICROSOFT_APP_ID is not set): {} accepts unsigned requests; "
                            + "use this only with the Bot Framework Emulator or the Agents Playground",
                    MESSAGING_PATH);
        }
    }

    @Override
    public Surface surface() {
        return Surface.TEAMS;
    }

    /** Delivers queued replies into the conversation (and reply chain) they were asked in. */
    @Override
    public Replier replier() {
        return replier;
    }

    @Override
    public FileSource files() {
        return files;
    }

    /** Lets accepted exports that are uploading finish. */
    @Override
    public void close() {
        consents.close();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(MESSAGING_PATH, this::receive);
    }

    private void receive(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (tokens != null && (authorization == null || authorization.isBlank())) {
            throw unauthorized("no Authorization header");
        }
        Activity activity = parse(ctx.body());
        admitted(() -> admission.checkChannel(activity), activity);
        TeamsTokenValidator.Verified caller = authenticate(authorization, activity);
        admitted(() -> admission.admit(activity, caller.tenant()), activity);
        InvokeResponse response = runTurn(caller.identity(), activity);
        if (response == null) {
            ctx.status(HttpStatus.OK);
        } else {
            ctx.status(response.getStatus());
            if (response.getBody() != null) {
                ctx.json(response.getBody());
            }
        }
    }

    private static Activity parse(String body) {
        try {
            return ActivityParser.parse(body);
        } catch (ActivityParser.Malformed e) {
            LOG.warn("rejected a Teams request: {}", e.getMessage());
            throw new BadRequestResponse(e.getMessage());
        }
    }

    private TeamsTokenValidator.Verified authenticate(String authorization, Activity activity) {
        if (tokens == null) {
            return new TeamsTokenValidator.Verified(
                    new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE, new HashMap<>()), Optional.empty());
        }
        try {
            return tokens.validate(authorization, activity.getChannelId(), activity.getServiceUrl());
        } catch (TeamsTokenValidator.Rejected e) {
            throw unauthorized(e.getMessage());
        }
    }

    private static void admitted(Runnable check, Activity activity) {
        try {
            check.run();
        } catch (ActivityAdmission.Refused e) {
            if (e.status() == HttpStatus.UNAUTHORIZED.getCode()) {
                throw unauthorized(e.getMessage());
            }
            LOG.warn("refused a Teams {} activity: {}", activity.getType(), e.getMessage());
            throw new ForbiddenResponse("forbidden");
        }
    }

    private InvokeResponse runTurn(ClaimsIdentity identity, Activity activity) {
        try {
            return adapter.processActivity(identity, activity, turns::onTurn)
                    .get(TURN_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw turnFailed(activity, e.getCause());
        } catch (CompletionException e) { // the SDK sometimes throws instead of failing the future
            throw turnFailed(activity, e.getCause());
        } catch (RetryableFailure e) {
            throw turnFailed(activity, e);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableResponse("turn took longer than " + TURN_BUDGET.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableResponse("shutting down");
        }
    }

    private static RuntimeException turnFailed(Activity activity, Throwable cause) {
        Throwable root = cause;
        while (root instanceof CompletionException && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof RetryableFailure failure) {
            LOG.warn("Teams activity not queued, Teams will re-send it: {}", failure.getMessage());
            return new ServiceUnavailableResponse("try again shortly");
        }
        return new IllegalStateException("Teams turn failed for a " + activity.getType() + " activity", root);
    }

    private static UnauthorizedResponse unauthorized(String reason) {
        LOG.warn("rejected an unauthenticated Teams request: {}", reason);
        return new UnauthorizedResponse("unauthorized");
    }
}
