package com.architectbot.queue;

import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;

/** Delivers replies on one surface; each channel registers one. */
public interface Replier {

    /**
     * Delivers the reply, returning only once the platform accepted all of it. Every platform message goes
     * out through {@link ReplyParts#once}, so delivering the same reply again (a reclaimed job) posts only
     * the parts that are not on the platform yet.
     *
     * @throws com.architectbot.core.RetryableFailure when the platform could not be reached
     *     or asked us to slow down past the delivery budget
     */
    void deliver(ReplyTarget target, Reply reply, ReplyParts parts);

    /**
     * Creates the place the job's reply goes, when the job asks for one that does not exist yet (a Slack
     * slash command's thread, whose root the worker posts), and returns the job addressed to it. Runs
     * before the job is processed; posts through {@code parts} like {@link #deliver}, so a reclaimed job
     * finds the place its predecessor made. Most jobs already name their place and come back unchanged.
     */
    default Job prepare(Job job, ReplyParts parts) {
        return job;
    }
}
