package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.InquiryRules;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.server.Channel;
import com.architectbot.slack.blockkit.BlockKitRenderer;
import com.architectbot.slack.redis.SlackStores;
import com.architectbot.tenancy.TenantEraser;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack channel, assembled: one Bolt app with our handlers, reached over HTTP ({@link #addTo}) or
 * Socket Mode, the replier that posts answers and the file source that workers read shared
 * manifests through.
 */
public final class SlackChannel implements Channel {

    private static final Logger LOG = LoggerFactory.getLogger(SlackChannel.class);

    private final SlackSettings settings;
    private final App app;
    private final SlackReplier replier;
    private final SlackFiles files;
    private final ExecutorService background;
    private SocketModeApp socketMode;

    private SlackChannel(
            SlackSettings settings, App app, SlackReplier replier, SlackFiles files, ExecutorService background) {
        this.settings = settings;
        this.app = app;
        this.replier = replier;
        this.files = files;
        this.background = background;
    }

    /**
     * The channel, or empty (with one log line saying how to turn it on) when Slack is not configured.
     *
     * @param stores the installations, OAuth states and recent threads, in Redis
     * @param rules what messages mean, the same on every surface
     * @param eraser erases a workspace's data when it uninstalls the app
     * @param feedback where the thumbs up and down under answers are recorded
     */
    public static Optional<SlackChannel> create(
            SlackSettings settings,
            InquiryQueue queue,
            SlackStores stores,
            InquiryRules rules,
            TenantEraser eraser,
            AnswerFeedback feedback) {
        if (!settings.enabled()) {
            LOG.info("Slack is off: set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
                    + "(installable by OAuth) to turn it on");
            return Optional.empty();
        }
        LOG.info("Slack is on: {}", settings);
        Slack slack = SlackClients.create(settings);
        var installations = stores.installations();
        App app = SlackClients.app(settings, slack, installations, stores.oauthStates());
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        var recent = stores.recentThreads();
        var intake = new SlackIntake(queue, recent, background, rules);
        var api = new SlackWebApi(settings.deliveryBudget());
        new SlackMentions(intake).register(app);
        new SlackDirectMessages(intake).register(app);
        new SlackAssistant(intake).register(app);
        new SlackCommands(intake, rules).register(app);
        new SlackFollowUps(intake).register(app);
        new SlackAnswerRatings(feedback, intake).register(app);
        if (settings.oauth()) {
            new SlackWorkspaces(installations, eraser).register(app);
        } else {
            SlackWorkspaces.registerSingleWorkspace(app, eraser);
        }
        BotTokens tokens = settings.oauth()
                ? BotTokens.installed(installations)
                : BotTokens.single(settings.botToken().orElseThrow());
        var replier = new SlackReplier(
                slack,
                tokens,
                api,
                new BlockKitRenderer(),
                new SlackCommandJobs(
                        slack, recent, new SlackAdmins(api, Clock.systemUTC()), settings.responseUrlHosts()));
        var files = new SlackFiles(slack, tokens, api, settings.httpTimeout(), settings.fileHosts());
        return Optional.of(new SlackChannel(settings, app, replier, files, background));
    }

    /**
     * Starts the app: in single-workspace mode this calls {@code auth.test}, so a wrong token fails here,
     * at start-up, not on the first mention. With {@code SLACK_APP_TOKEN} it also connects Socket Mode.
     */
    @Override
    public void start() {
        app.start();
        if (settings.socketMode()) {
            try {
                socketMode = new SocketModeApp(
                        settings.appToken().orElseThrow(),
                        app,
                        SocketModeClient.Backend.Tyrus,
                        settings.socketConcurrency());
                socketMode.startAsync();
            } catch (IOException e) {
                throw new UncheckedIOException("could not open the Slack Socket Mode connection", e);
            } catch (Exception e) {
                throw new IllegalStateException("could not start Slack Socket Mode: " + e.getMessage(), e);
            }
        }
    }

    /** The HTTP endpoints: events (unless Socket Mode carries them) and, with OAuth, install and redirect. */
    @Override
    public void addTo(RoutesConfig routes) {
        SlackHttpRoutes http = new SlackHttpRoutes(app, settings.signingSecret(), settings.oauth());
        if (!settings.socketMode()) {
            http.addEvents(routes);
        }
        http.addOAuth(routes);
    }

    @Override
    public ForWorkers forWorkers() {
        return new ForWorkers(Surface.SLACK, replier, files);
    }

    /** Closes Socket Mode (no new events) and waits for the after-ack chores (reactions, thread roots). */
    @Override
    public void close() {
        if (socketMode != null) {
            closeSocketMode(socketMode);
            socketMode = null;
        }
        app.stop();
        background.close();
    }

    /**
     * {@code SocketModeApp.close()} disconnects and stops its handlers but leaves the client's message
     * poller and session monitor threads running (and forgets the client), so the client is closed here too.
     */
    private static void closeSocketMode(SocketModeApp socketMode) {
        SocketModeClient client = socketMode.getClient();
        try {
            socketMode.close();
            if (client != null) {
                client.close();
            }
        } catch (Exception e) {
            LOG.warn("closing Slack Socket Mode failed: {}", e.toString());
        }
    }
}
