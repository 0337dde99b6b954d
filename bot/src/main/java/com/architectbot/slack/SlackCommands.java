package com.architectbot.slack;

import com.architectbot.consultation.HelpText;
import com.architectbot.consultation.Inquiry;
import com.architectbot.consultation.InquiryId;
import com.architectbot.consultation.InquiryKind;
import com.architectbot.consultation.TypedCommand;
import com.architectbot.consultation.PermanentFailure;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.architectbot.consultation.UserRole;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /architect} and {@code /license-check}. A slash command is acked at once with an ephemeral
 * "working on it"; then, off the request thread, the bot posts the request as a new thread root (the
 * question quoted) and queues the inquiry for that thread, so the answer and any follow-up mentions
 * share one thread and one context. Slack never retries slash commands, so failures after the ack are
 * told to the user through the command's response URL.
 */
final class SlackCommands {

    static final String ARCHITECT = "/architect";
    static final String LICENCE_CHECK = "/license-check";
    /** One bare word that is not a subcommand is a typo of one, not a question. */
    private static final Pattern SUBCOMMAND_LIKE = Pattern.compile("(?i)-{0,2}[a-z][a-z-]*");
    private static final Logger LOG = LoggerFactory.getLogger(SlackCommands.class);

    /** The thread name of a private command's inquiry: it has no thread of its own. */
    static final String COMMANDS_THREAD = "commands";

    private final SlackIntake intake;
    private final SlackWebApi api;
    private final SlackAdmins admins;

    SlackCommands(SlackIntake intake, SlackWebApi api, SlackAdmins admins) {
        this.intake = intake;
        this.api = api;
        this.admins = admins;
    }

    void register(App app) {
        app.command(ARCHITECT, (req, ctx) -> architect(req.getPayload(), ctx));
        app.command(LICENCE_CHECK, (req, ctx) -> licenceCheck(req.getPayload(), ctx));
    }

    Response architect(SlashCommandPayload command, SlashCommandContext ctx) {
        String text = Objects.requireNonNullElse(command.getText(), "").strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("help")) {
            return ctx.ack(HelpText.on(Surface.SLACK));
        }
        if (lower.equals("forget")) {
            return forget(command, ctx);
        }
        Optional<TypedCommand> typed = TypedCommand.parse(text).filter(TypedCommand::isPrivate);
        if (typed.isPresent()) { // answered in a direct message: what they show is for the asker only
            return privately(command, ctx, typed.get().kind(), typed.get().arguments());
        }
        if (SUBCOMMAND_LIKE.matcher(text).matches()) {
            LOG.warn("unknown {} subcommand '{}': answered with help; known: help, forget, usage, settings, export, "
                    + "forget-me, erase-all-data, or a question", ARCHITECT, lower);
            return ctx.ack("I don't know `" + ARCHITECT + " " + text + "`.\n" + HelpText.on(Surface.SLACK));
        }
        return startThread(command, ctx, InquiryKind.CONSULTATION, text, "asked", SlackFeedback.COMMAND_ACK);
    }

    Response licenceCheck(SlashCommandPayload command, SlashCommandContext ctx) {
        String text = Objects.requireNonNullElse(command.getText(), "").strip();
        if (text.isEmpty() || text.equalsIgnoreCase("help")) {
            return ctx.ack(HelpText.on(Surface.SLACK));
        }
        return startThread(command, ctx, InquiryKind.LICENCE_CHECK, text, "asked for a licence check of",
                SlackFeedback.LICENCE_ACK);
    }

    /**
     * "This conversation" for a slash command, which carries no thread: the thread in this channel (or
     * DM) where the user last talked to the bot. Mentioning the bot with "forget" inside a thread is the
     * precise way, and the reply says so.
     */
    private Response forget(SlashCommandPayload command, SlashCommandContext ctx) {
        String team = team(command, ctx);
        Optional<ThreadKey> last = intake.recent().last(team, command.getChannelId(), command.getUserId());
        if (last.isEmpty()) {
            return ctx.ack("I have no conversation with you in here to forget. To erase one thread's context, "
                    + "mention me in that thread with the word `forget`.");
        }
        ThreadKey thread = last.get();
        intake.submit(new Inquiry(commandId(command), InquiryKind.FORGET, thread, command.getUserId(), ""),
                SlackTargets.thread(team, thread.channel(), thread.thread()));
        return ctx.ack("Forgetting our latest conversation in here; I'll confirm in its thread. "
                + "(To pick another thread, mention me in it with the word `forget`.)");
    }

    /**
     * Usage, settings, export, forget-me and erase-all-data: acked at once, then (off the request thread, since
     * {@code users.info} is a Web API call) queued with the user's role, to be answered in a direct message.
     */
    private Response privately(SlashCommandPayload command, SlashCommandContext ctx, InquiryKind kind, String arguments) {
        String team = team(command, ctx);
        String user = command.getUserId();
        var thread = new ThreadKey(Surface.SLACK, team, command.getChannelId(), COMMANDS_THREAD);
        intake.later("queueing " + ARCHITECT + " " + kind, () -> {
            UserRole role = admins.roleOf(ctx.client(), team, user);
            intake.submit(new Inquiry(commandId(command), kind, thread, user, arguments, List.of(), role),
                    SlackTargets.direct(team, user));
        });
        return ctx.ack(SlackFeedback.PRIVATE_ACK);
    }

    private Response startThread(SlashCommandPayload command, SlashCommandContext ctx, InquiryKind kind, String text,
                                 String verb, String ack) {
        String team = team(command, ctx);
        String channel = command.getChannelId();
        String user = command.getUserId();
        // built before the quote is posted, so the channel sees the redacted text
        var inquiry = new Inquiry(commandId(command), kind,
                new ThreadKey(Surface.SLACK, team, channel, COMMANDS_THREAD), user, text);
        intake.later("starting a thread for " + command.getCommand(), () -> {
            try {
                var root = api.call("chat.postMessage", () -> ctx.client().chatPostMessage(r -> r.channel(channel)
                        .text("<@" + user + "> " + verb + ":\n" + SlackText.quote(inquiry.text()))));
                intake.submit(inquiry.inThread(new ThreadKey(Surface.SLACK, team, channel, root.getTs())),
                        SlackTargets.thread(team, channel, root.getTs()));
            } catch (PermanentFailure e) {
                ctx.respond("I can't post in this conversation (" + e.userMessage() + "). Invite me with "
                        + "`/invite @Architect Bot`, or message me directly.");
            } catch (RuntimeException e) {
                ctx.respond("Sorry, I couldn't queue that just now. Please try again in a minute.");
                throw e;
            }
        });
        return ctx.ack(ack);
    }

    /** Slash commands have no event id; the trigger id is unique per invocation. */
    private static InquiryId commandId(SlashCommandPayload command) {
        return new InquiryId("slack:cmd:" + command.getTriggerId());
    }

    private static String team(SlashCommandPayload command, SlashCommandContext ctx) {
        return Objects.requireNonNullElse(ctx.getTeamId(), command.getTeamId());
    }
}
