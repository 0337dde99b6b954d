package com.architectbot.teams;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.InquiryRules;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.server.Channel;
import io.javalin.config.RoutesConfig;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Teams: {@code POST /api/messages} (the Bot Framework messaging endpoint), the replier that
 * posts answers back, and the file source for manifests sent in personal chats. Every
 * {@code com.microsoft.bot} type stays inside this package.
 */
public final class TeamsChannel implements Channel {

    public static final String MESSAGING_PATH = "/api/messages";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsChannel.class);

    private final TeamsEndpoint endpoint;
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
     * @param answers which answer each of the bot's answer messages was, for the feedback loop
     * @param feedback where the thumbs up and down on answers are recorded
     */
    public static Optional<TeamsChannel> create(
            TeamsSettings settings,
            InquiryQueue queue,
            InquiryRules rules,
            PendingExports exports,
            AnswerActivities answers,
            AnswerFeedback feedback) {
        if (!settings.enabled()) {
            LOG.info("Teams is off: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to turn "
                    + "it on, or TEAMS_ENABLED=true for the Bot Framework Emulator without authentication");
            return Optional.empty();
        }
        return Optional.of(new TeamsChannel(settings, queue, rules, exports, answers, feedback));
    }

    public TeamsChannel(
            TeamsSettings settings,
            InquiryQueue queue,
            InquiryRules rules,
            PendingExports exports,
            AnswerActivities answers,
            AnswerFeedback feedback) {
        var adapter = new TeamsAdapter(settings);
        this.files = new TeamsFiles(settings.fileHosts(), TeamsFiles.ConnectorFiles.of(settings));
        requireNonNull(exports, "exports");
        this.replier =
                new TeamsReplier(adapter, messages, exports, settings.replyTimeout(), new TeamsFeedbackLoop(answers));
        // plain http uploads only to this machine, and only with authentication off (the Emulator, tests)
        this.consents = new FileConsents(
                exports, new ExportUploads(settings.uploadTimeout(), settings.fileHosts()), messages, replier);
        this.endpoint = new TeamsEndpoint(
                adapter,
                settings.authenticationEnabled() ? new TeamsTokenValidator(settings) : null,
                new ActivityAdmission(settings),
                new TeamsTurns(
                        queue,
                        rules,
                        messages,
                        settings.adminIds(),
                        consents,
                        new TeamsAnswerRatings(answers, feedback)));
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
    public ForWorkers forWorkers() {
        return new ForWorkers(Surface.TEAMS, replier, files);
    }

    /** Lets accepted exports that are uploading finish. */
    @Override
    public void close() {
        consents.close();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(MESSAGING_PATH, endpoint::receive);
    }
}
