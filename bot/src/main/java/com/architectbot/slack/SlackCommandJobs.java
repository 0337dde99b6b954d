package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.RetryableFailure;
import com.architectbot.core.UserRole;
import com.architectbot.queue.Job;
import com.architectbot.queue.ReplyParts;
import com.architectbot.server.AllowedHosts;
import com.architectbot.slack.blockkit.SlackMessage;
import com.architectbot.slack.redis.RecentThreads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a slash command's job still needs from Slack when a worker takes it. A command is queued before it is
 * acked (Slack never sends a slash command twice, so one lost after the ack is lost for good), and the
 * request thread has time for nothing slower. So the worker posts a question's thread root, the question
 * quoted, and answers in that thread, so the answer and any follow-up mention share one thread and one
 * context; the root is a part of the job like any answer message, posted once however often the job runs.
 * For a private command, the worker asks Slack for the asker's role.
 */
final class SlackCommandJobs {

    static final String ROOT = "root";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Posts the root text in the channel, once, and returns its ts. */
    @FunctionalInterface
    interface RootPoster {
        String post(String channel, String text);
    }

    private final Slack slack;
    private final RecentThreads recent;
    private final SlackAdmins admins;
    private final AllowedHosts responseHosts;

    SlackCommandJobs(Slack slack, RecentThreads recent, SlackAdmins admins, AllowedHosts responseHosts) {
        this.slack = slack;
        this.recent = recent;
        this.admins = admins;
        this.responseHosts = responseHosts;
    }

    /** A question queued until its worker has posted the thread root. */
    static Job inNewThread(Inquiry inquiry, String team, String channel, String responseUrl) {
        return new Job(inquiry, SlackTargets.newThread(team, channel, responseUrl));
    }

    /** A private command queued until its worker has asked Slack for the asker's role. */
    static Job privately(Inquiry inquiry, String team) {
        return new Job(inquiry, SlackTargets.directWithRoleUnchecked(team, inquiry.user()));
    }

    /** Whether the job still needs something from Slack before it is processed. */
    static boolean isUnprepared(Job job) {
        return SlackTargets.isNewThread(job.replyTo()) || SlackTargets.isRoleUnchecked(job.replyTo());
    }

    /** The job as the core should see it: in its own thread, or with the asker's role as Slack tells it. */
    Job prepare(Job job, ReplyParts parts, MethodsClient client, RootPoster poster) {
        if (SlackTargets.isRoleUnchecked(job.replyTo())) {
            Inquiry inquiry = job.inquiry();
            String team = job.replyTo().get(SlackTargets.TEAM);
            UserRole role = admins.roleOf(client, team, inquiry.user());
            return new Job(
                    new Inquiry(
                            inquiry.id(),
                            inquiry.kind(),
                            inquiry.thread(),
                            inquiry.user(),
                            inquiry.text(),
                            inquiry.files(),
                            role),
                    SlackTargets.direct(team, inquiry.user()));
        }
        return open(job, parts, poster);
    }

    /** Posts the root (or finds the one an earlier attempt posted) and returns the job addressed to its thread. */
    private Job open(Job job, ReplyParts parts, RootPoster poster) {
        Inquiry inquiry = job.inquiry();
        String team = job.replyTo().get(SlackTargets.TEAM);
        String channel = job.replyTo().get(SlackTargets.CHANNEL);
        String ts;
        try {
            ts = poster.post(channel, rootText(inquiry));
        } catch (PermanentFailure e) {
            throw new PermanentFailure(
                    "I can't post in this conversation (" + e.userMessage() + "). Invite me with "
                            + "`/invite @Architect Bot`, or message me directly.",
                    e.getMessage(),
                    e);
        }
        ThreadKey thread = new ThreadKey(Surface.SLACK, team, channel, ts);
        recent.record(thread, inquiry.user());
        return new Job(inquiry.inThread(thread), SlackTargets.thread(team, channel, ts));
    }

    /** Tells the asker privately, through the command's response URL: the root, and so the thread, never came to be. */
    void respond(ReplyTarget target, List<SlackMessage> messages, ReplyParts parts) {
        URI url = slackUrl(target.get(SlackTargets.RESPONSE_URL));
        String text = messages.stream().map(SlackMessage::text).collect(Collectors.joining("\n\n"));
        parts.once("response", ReplyParts.Lookup.NONE, () -> send(url, text));
    }

    static String rootText(Inquiry inquiry) {
        String verb = inquiry.kind() == InquiryKind.LICENCE_CHECK ? "asked for a licence check of" : "asked";
        return "<@" + inquiry.user() + "> " + verb + ":\n" + SlackText.quote(inquiry.text());
    }

    private String send(URI url, String text) {
        try {
            var response = slack.send(
                    url.toString(), JSON.writeValueAsString(Map.of("response_type", "ephemeral", "text", text)));
            if (response.getCode() == 200) {
                return "response_url";
            }
            if (response.getCode() == 429 || response.getCode() >= 500) {
                throw new RetryableFailure("the response URL answered HTTP " + response.getCode(), null);
            }
            throw new PermanentFailure(
                    "Slack refused the reply.",
                    "the response URL answered HTTP " + response.getCode()
                            + " (it expires 30 minutes after the command)",
                    null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a response", e);
        } catch (IOException e) {
            throw new RetryableFailure(
                    "the response URL could not be reached: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The response URL comes in the command: it is used only on Slack's hooks host (or the configured API host). */
    private URI slackUrl(String value) {
        URI url;
        try {
            url = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("I could not answer this command.", "the response URL is not a URL", null);
        }
        responseHosts.refusalByName(url).ifPresent(reason -> {
            throw new PermanentFailure("I could not answer this command.", "response URL refused: " + reason, null);
        });
        return url;
    }
}
