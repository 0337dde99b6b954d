package com.architectbot.queue;

import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.answer.AnswerProgress;

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

    /**
     * The live view of the job's answer while it is written (a streamed message), shown where the reply will go.
     * Its messages are parts of {@code parts}, the same parts {@link #deliver} is given: delivering the reply then
     * finishes or replaces what was shown, and a reclaimed job's delivery finds its predecessor's stream and
     * replaces it, so no half answer stays beside a whole one. Surfaces that cannot show progress show none.
     */
    default AnswerProgress progress(Job job, ReplyParts parts) {
        return AnswerProgress.NONE;
    }
}
