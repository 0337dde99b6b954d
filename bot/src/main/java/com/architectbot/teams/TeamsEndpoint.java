package com.architectbot.teams;

import com.architectbot.core.RetryableFailure;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
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
 * One {@code POST /api/messages}: the body read strictly, the channel checked, the token validated, the
 * activity admitted, then the turn run within {@link #TURN_BUDGET}. Every refusal is a 4xx with a reason in
 * the log, never in the response.
 */
final class TeamsEndpoint {

    /** The turn only queues and sends a typing indicator; Teams re-sends after about 15 s. */
    static final Duration TURN_BUDGET = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(TeamsEndpoint.class);

    private final TeamsAdapter adapter;
    private final TeamsTokenValidator tokens;
    private final ActivityAdmission admission;
    private final TeamsTurns turns;

    /** @param tokens null when authentication is off (the Emulator, on loopback only) */
    TeamsEndpoint(TeamsAdapter adapter, TeamsTokenValidator tokens, ActivityAdmission admission, TeamsTurns turns) {
        this.adapter = adapter;
        this.tokens = tokens;
        this.admission = admission;
        this.turns = turns;
    }

    void receive(Context ctx) {
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
