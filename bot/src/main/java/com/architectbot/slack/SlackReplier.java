package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.queue.Job;
import com.architectbot.queue.Replier;
import com.architectbot.queue.ReplyParts;
import com.architectbot.render.Renderer;
import com.architectbot.slack.blockkit.BlockKitFeedback;
import com.architectbot.slack.blockkit.SlackMessage;
import com.architectbot.slack.blockkit.SlackUpload;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts replies in the Slack thread they belong to (or in a direct message, for private replies), as Block Kit
 * messages in order, then the reply's files (a licence report's table as CSV and release files, an export) in
 * one {@code files.uploadV2} call. While the answer is written it is shown live ({@link #progress}), and the
 * reply's first message then replaces the live one. Rate limits are waited out by
 * {@link SlackWebApi}; a platform that keeps failing surfaces as a retryable failure, and the queue
 * delivers the job again later.
 */
public final class SlackReplier implements Replier {

    private static final Logger LOG = LoggerFactory.getLogger(SlackReplier.class);
    /** The part that shows a follow-up click's question in the thread. */
    private static final String ASKED = "asked";

    private final Slack slack;
    private final BotTokens tokens;
    private final SlackWebApi api;
    private final Renderer<SlackMessage> renderer;
    private final SlackSentMessages sent;
    private final SlackCommandJobs commands;
    private final SlackStreams streams;

    SlackReplier(
            Slack slack,
            BotTokens tokens,
            SlackWebApi api,
            Renderer<SlackMessage> renderer,
            SlackCommandJobs commands) {
        this.slack = slack;
        this.tokens = tokens;
        this.api = api;
        this.renderer = renderer;
        this.sent = new SlackSentMessages(api);
        this.commands = commands;
        this.streams = new SlackStreams(api);
    }

    @Override
    public void deliver(ReplyTarget target, Reply reply, ReplyParts parts) {
        if (target.surface() != Surface.SLACK) {
            throw new IllegalArgumentException("not a Slack reply target: " + target.surface());
        }
        if (SlackTargets.isNewThread(target)) { // its thread root could not be posted: tell the asker privately
            commands.respond(target, renderer.render(reply), parts);
            return;
        }
        MethodsClient client = slack.methods(tokens.forTeam(target.get(SlackTargets.TEAM)));
        String directTo = target.address().get(SlackTargets.DIRECT_TO);
        String channel = directTo != null ? openDirectMessage(client, directTo) : target.get(SlackTargets.CHANNEL);
        String threadTs = directTo != null ? null : target.get(SlackTargets.THREAD_TS);
        List<SlackMessage> messages = BlockKitFeedback.appendTo(renderer.render(reply), reply, parts.inquiry());
        Optional<String> live =
                threadTs == null ? Optional.empty() : streams.finish(client, channel, threadTs, parts, part(0));
        for (int i = 0; i < messages.size(); i++) {
            SlackMessage message = messages.get(i);
            if (i > 0
                    || live.isEmpty()
                    || !streams.replace(client, channel, threadTs, live.get(), message, parts, part(0))) {
                post(client, channel, threadTs, message.text(), message.blocks(), parts, part(i));
            }
        }
        if (SlackUpload.expected(reply)) { // the report is out: only now are its files made
            share(client, channel, threadTs, reply, parts);
        }
        if (SlackTargets.isAssistant(target)) {
            clearStatus(client, channel, threadTs);
        }
    }

    /**
     * The answer shown live in the thread it will be posted in (a mention's, a DM's, an AI app thread, a slash
     * command's once its root is out). A reply with no thread (a private reply, a direct message to a user) shows
     * none: Slack streams only replies in a thread. Never throws: without a live view the answer still arrives.
     */
    @Override
    public AnswerProgress progress(Job job, ReplyParts parts) {
        ReplyTarget target = job.replyTo();
        if (target.surface() != Surface.SLACK || target.address().get(SlackTargets.THREAD_TS) == null) {
            return AnswerProgress.NONE;
        }
        try {
            String team = target.get(SlackTargets.TEAM);
            var place = new SlackLiveCalls.Place(
                    slack.methods(tokens.forTeam(team)),
                    target.get(SlackTargets.CHANNEL),
                    target.get(SlackTargets.THREAD_TS),
                    team,
                    job.inquiry().user(),
                    SlackTargets.isAssistant(target));
            return streams.open(place, parts);
        } catch (RuntimeException e) {
            LOG.info("no live answer for {}: {}", parts.inquiry(), e.getMessage());
            return AnswerProgress.NONE;
        }
    }

    /**
     * A slash command's job: its thread root posted once and the job addressed to it, or the asker's role. A follow-up
     * click's job: who asked what, shown once in the thread before the answer.
     */
    @Override
    public Job prepare(Job job, ReplyParts parts) {
        Optional<String> askedBy = SlackTargets.askedBy(job.replyTo());
        if (askedBy.isPresent()) {
            ReplyTarget target = job.replyTo();
            MethodsClient client = slack.methods(tokens.forTeam(target.get(SlackTargets.TEAM)));
            String channel = target.get(SlackTargets.CHANNEL);
            String thread = target.get(SlackTargets.THREAD_TS);
            post(
                    client,
                    channel,
                    thread,
                    SlackFollowUps.asked(askedBy.get(), job.inquiry().text()),
                    null,
                    parts,
                    ASKED);
            return job;
        }
        if (!SlackCommandJobs.isUnprepared(job)) {
            return job;
        }
        MethodsClient client = slack.methods(tokens.forTeam(job.replyTo().get(SlackTargets.TEAM)));
        return commands.prepare(
                job,
                parts,
                client,
                (channel, text) -> post(client, channel, null, text, null, parts, SlackCommandJobs.ROOT));
    }

    /** Posts one message of a reply, marked with its part so a successor can find it; returns its ts. */
    private String post(
            MethodsClient client,
            String channel,
            String threadTs,
            String text,
            List<LayoutBlock> blocks,
            ReplyParts parts,
            String part) {
        return parts.once(
                part,
                () -> sent.find(client, channel, threadTs, parts, part),
                () -> api.call(
                                "chat.postMessage",
                                () -> client.chatPostMessage(r -> r.channel(channel)
                                        .threadTs(threadTs)
                                        .text(text)
                                        .blocks(blocks)
                                        .metadata(SlackSentMessages.metadata(parts, part))
                                        .unfurlLinks(false)
                                        .unfurlMedia(false)))
                        .getTs());
    }

    private static String part(int index) {
        return "message-" + (index + 1);
    }

    private String openDirectMessage(MethodsClient client, String user) {
        return api.call("conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(user))))
                .getChannel()
                .getId();
    }

    /**
     * All of a reply's files in one upload, one recorded part: a retried job whose upload is recorded as done
     * neither makes nor uploads its files again. The messages are out by now: a failed upload is told in the
     * thread instead of failing the job, whose retry would post the whole report a second time. An upload cut
     * short by a crash is uploaded again (Slack's file shares carry no metadata to look for), so the files,
     * unlike the messages, are at least once. A licence check whose files all failed says so instead.
     */
    private void share(MethodsClient client, String channel, String threadTs, Reply reply, ReplyParts parts) {
        var made = new AtomicReference<SlackUpload>();
        try {
            parts.once("file", ReplyParts.Lookup.NONE, () -> {
                Optional<SlackUpload> upload = SlackUpload.of(reply);
                if (upload.isEmpty()) {
                    return SlackUpload.notMade(reply)
                            .map(line -> post(client, channel, threadTs, line, null, parts, "file-missing"))
                            .orElse("none");
                }
                made.set(upload.get());
                return SlackFilesUploadV2.fileId(api.call(
                        "files.uploadV2", () -> SlackFilesUploadV2.upload(client, channel, threadTs, upload.get())));
            });
        } catch (RuntimeException e) {
            String names =
                    made.get() == null ? "the files of this check" : made.get().names();
            LOG.warn("sharing {} in {} failed: {}", names, channel, e.getMessage());
            post(
                    client,
                    channel,
                    threadTs,
                    "I couldn't attach " + names + ". Please ask again in a minute.",
                    null,
                    parts,
                    "file-failed");
        }
    }

    /** Slack clears the status when the app replies; saying so explicitly costs one call and covers a slow client. */
    private static void clearStatus(MethodsClient client, String channel, String threadTs) {
        try {
            var response = client.assistantThreadsSetStatus(
                    r -> r.channelId(channel).threadTs(threadTs).status(""));
            if (!response.isOk()) {
                LOG.debug("clearing the assistant status in {} failed: {}", channel, response.getError());
            }
        } catch (Exception e) {
            LOG.debug("clearing the assistant status in {} failed", channel, e); // cosmetic: the answer is posted
        }
    }
}
