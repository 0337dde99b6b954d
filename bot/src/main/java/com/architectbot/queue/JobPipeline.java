package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

/**
 * What every job passes through, in order: the stream it is read from and acknowledged on, the processor that
 * works out its reply, the replier that delivers it part by part, and the mark that it was answered.
 *
 * @param parts what was delivered of each reply, so a job delivered again posts only what is missing
 * @param marks which inquiries were answered, so a job whose worker died after replying is not answered twice
 */
public record JobPipeline(
        JobStream stream, AnsweredMarks marks, DeliveredParts parts, JobProcessor processor, Replier replier) {

    public JobPipeline {
        requireNonNull(stream, "stream");
        requireNonNull(marks, "marks");
        requireNonNull(parts, "parts");
        requireNonNull(processor, "processor");
        requireNonNull(replier, "replier");
    }
}
