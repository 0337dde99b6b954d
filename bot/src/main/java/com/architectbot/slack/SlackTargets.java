package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.ReplyTarget;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The address of a Slack reply, in the plain strings a job carries: team, channel, thread. */
final class SlackTargets {

    static final String TEAM = "team";
    static final String CHANNEL = "channel";
    static final String THREAD_TS = "thread_ts";
    /** A direct message to this user, for replies only they may see (usage, exports); no channel, no thread. */
    static final String DIRECT_TO = "direct_to";
    /** Present for Slack's AI app threads, whose "is thinking..." status the replier clears. */
    static final String ASSISTANT = "assistant";
    /** A slash command's thread, whose root the worker has yet to post in the channel (see SlackCommandJobs). */
    static final String NEW_THREAD = "new_thread";
    /** Where a slash command can still be answered privately when its thread root cannot be posted. */
    static final String RESPONSE_URL = "response_url";
    /** A private command's reply, whose asker's role the worker has yet to ask Slack for. */
    static final String ROLE_UNCHECKED = "role_unchecked";
    /** A follow-up click's asker, shown in the thread before the answer. */
    static final String ASKED_BY = "asked_by";

    private SlackTargets() {}

    /**
     * Where a message was said: its thread's root ({@code ts} itself when it starts one), and the message's own ts.
     */
    record Place(String team, String channel, String user, String root, String ts) {

        ThreadKey thread() {
            return new ThreadKey(Surface.SLACK, team, channel, root);
        }
    }

    static ReplyTarget thread(String team, String channel, String threadTs) {
        return new ReplyTarget(Surface.SLACK, Map.of(TEAM, team, CHANNEL, channel, THREAD_TS, threadTs));
    }

    /** A follow-up click's thread: the worker first shows who asked what there ({@link SlackFollowUps#asked}). */
    static ReplyTarget followUp(String team, String channel, String threadTs, String user) {
        Map<String, String> address =
                new HashMap<>(thread(team, channel, threadTs).address());
        address.put(ASKED_BY, user);
        return new ReplyTarget(Surface.SLACK, address);
    }

    /** Who clicked the follow-up the job asks, when it is one. */
    static Optional<String> askedBy(ReplyTarget target) {
        return Optional.ofNullable(target.address().get(ASKED_BY));
    }

    static ReplyTarget direct(String team, String user) {
        return new ReplyTarget(Surface.SLACK, Map.of(TEAM, team, DIRECT_TO, user));
    }

    static ReplyTarget assistantThread(String team, String channel, String threadTs) {
        Map<String, String> address =
                new HashMap<>(thread(team, channel, threadTs).address());
        address.put(ASSISTANT, "true");
        return new ReplyTarget(Surface.SLACK, address);
    }

    static ReplyTarget newThread(String team, String channel, String responseUrl) {
        return new ReplyTarget(
                Surface.SLACK, Map.of(TEAM, team, CHANNEL, channel, NEW_THREAD, "true", RESPONSE_URL, responseUrl));
    }

    static ReplyTarget directWithRoleUnchecked(String team, String user) {
        return new ReplyTarget(Surface.SLACK, Map.of(TEAM, team, DIRECT_TO, user, ROLE_UNCHECKED, "true"));
    }

    static boolean isRoleUnchecked(ReplyTarget target) {
        return "true".equals(target.address().get(ROLE_UNCHECKED));
    }

    static boolean isNewThread(ReplyTarget target) {
        return "true".equals(target.address().get(NEW_THREAD));
    }

    static boolean isAssistant(ReplyTarget target) {
        return "true".equals(target.address().get(ASSISTANT));
    }
}
