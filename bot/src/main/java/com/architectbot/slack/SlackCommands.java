package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.HelpText;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.Job;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /architect} and {@code /license-check}. A question is queued, then acked with an ephemeral
 * "working on it"; the worker posts it as a new thread root (the question quoted) and answers in that
 * thread, so the answer and any follow-up mentions share one thread and one context. Slack never retries
 * slash commands, so nothing that could be lost happens after the ack.
 */
final class SlackCommands {

    static final String ARCHITECT = "/architect";
    static final String LICENCE_CHECK = "/license-check";
    /** One bare word that is not a subcommand is a typo of one, not a question. */
    private static final Pattern SUBCOMMAND_LIKE = Pattern.compile("(?i)-{0,2}[a-z][a-z-]*");

    private static final Logger LOG = LoggerFactory.getLogger(SlackCommands.class);

    /** The thread name of a private command's inquiry: it has no thread of its own. */
    static final String COMMANDS_THREAD = "commands";
    /** The thread name of a queued command until its worker posts the thread root and the real thread exists. */
    static final String PENDING_THREAD = "pending:";

    private final SlackIntake intake;
    private final InquiryRules rules;

    SlackCommands(SlackIntake intake, InquiryRules rules) {
        this.intake = intake;
        this.rules = rules;
    }

    void register(App app) {
        app.command(ARCHITECT, (req, ctx) -> architect(req.getPayload(), ctx));
        app.command(LICENCE_CHECK, (req, ctx) -> licenceCheck(req.getPayload(), ctx));
    }

    /** The core decides what the text means; a slash command's answer is private, so private commands are taken. */
    Response architect(SlashCommandPayload command, SlashCommandContext ctx) {
        String text = Objects.requireNonNullElse(command.getText(), "").strip();
        return switch (rules.decide(new InquiryRules.Message(Surface.SLACK, text, List.of(), true))) {
            case InquiryRules.Refuse refuse -> ctx.ack(refuse.userMessage());
            case InquiryRules.Accept accept -> architect(command, ctx, accept, text);
        };
    }

    private Response architect(
            SlashCommandPayload command, SlashCommandContext ctx, InquiryRules.Accept accept, String text) {
        return switch (accept.kind()) {
            // answered in a direct message: what they show is for the asker only
            case USAGE, SETTINGS, EXPORT, FORGET_ME, ERASE_ALL_DATA, KNOWLEDGE ->
                privately(command, ctx, accept.kind(), accept.text());
            case DECISION_RECORD -> unknown(ctx, text);
            case HELP -> ctx.ack(HelpText.on(Surface.SLACK));
            case FORGET -> forget(command, ctx);
            case LICENCE_CHECK ->
                startThread(command, ctx, InquiryKind.LICENCE_CHECK, accept.text(), SlackFeedback.LICENCE_ACK);
            case CONSULTATION ->
                SUBCOMMAND_LIKE.matcher(text).matches()
                        ? unknown(ctx, text)
                        : startThread(command, ctx, InquiryKind.CONSULTATION, text, SlackFeedback.COMMAND_ACK);
        };
    }

    private static Response unknown(SlashCommandContext ctx, String text) {
        LOG.warn(
                "unknown {} subcommand '{}': answered with help; known: help, forget, usage, settings, export, "
                        + "forget-me, erase-all-data, license-check, or a question",
                ARCHITECT,
                text);
        return ctx.ack("I don't know `" + ARCHITECT + " " + text + "`.\n" + HelpText.on(Surface.SLACK));
    }

    Response licenceCheck(SlashCommandPayload command, SlashCommandContext ctx) {
        String text = Objects.requireNonNullElse(command.getText(), "").strip();
        if (text.isEmpty() || text.equalsIgnoreCase("help")) {
            return ctx.ack(HelpText.on(Surface.SLACK));
        }
        return startThread(command, ctx, InquiryKind.LICENCE_CHECK, text, SlackFeedback.LICENCE_ACK);
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
        intake.submit(
                new Inquiry(commandId(command), InquiryKind.FORGET, thread, command.getUserId(), ""),
                SlackTargets.thread(team, thread.channel(), thread.thread()));
        return ctx.ack("Forgetting our latest conversation in here; I'll confirm in its thread. "
                + "(To pick another thread, mention me in it with the word `forget`.)");
    }

    /**
     * Usage, settings, export, forget-me and erase-all-data, answered in a direct message: queued before the
     * ack; the worker asks Slack for the user's role ({@code users.info} is a Web API call, too slow for
     * the request thread) before the core decides what an admin may do.
     */
    private Response privately(
            SlashCommandPayload command, SlashCommandContext ctx, InquiryKind kind, String arguments) {
        String team = team(command, ctx);
        String user = command.getUserId();
        var thread = new ThreadKey(Surface.SLACK, team, command.getChannelId(), COMMANDS_THREAD);
        return queue(
                command,
                ctx,
                SlackCommandJobs.privately(new Inquiry(commandId(command), kind, thread, user, arguments), team),
                SlackFeedback.PRIVATE_ACK);
    }

    /** A question in a new thread, whose root the worker posts (see {@link SlackCommandJobs}). */
    private Response startThread(
            SlashCommandPayload command, SlashCommandContext ctx, InquiryKind kind, String text, String ack) {
        String team = team(command, ctx);
        String channel = command.getChannelId();
        InquiryId id = commandId(command);
        var pending = new ThreadKey(Surface.SLACK, team, channel, PENDING_THREAD + id.value());
        return queue(
                command,
                ctx,
                SlackCommandJobs.inNewThread(
                        new Inquiry(id, kind, pending, command.getUserId(), text),
                        team,
                        channel,
                        command.getResponseUrl()),
                ack);
    }

    /**
     * Queued before the ack, since Slack never sends a slash command twice: one lost after the ack would be
     * lost for good. A queue that is away gets an honest ack instead of Slack's error page.
     */
    private Response queue(SlashCommandPayload command, SlashCommandContext ctx, Job job, String ack) {
        try {
            intake.submit(job);
        } catch (RetryableFailure e) {
            LOG.warn("{} not queued: {}", command.getCommand(), e.getMessage());
            return ctx.ack("Sorry, I couldn't queue that just now. Please try again in a minute.");
        }
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
