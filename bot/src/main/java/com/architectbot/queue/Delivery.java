package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

/**
 * One delivery of a queued job to a worker.
 *
 * @param entryId the queue's id of the job's entry, used to acknowledge it
 * @param attempt how many times the job has been handed to a worker, this time included (1 for the first)
 */
public record Delivery(String entryId, Job job, long attempt) {

    public Delivery {
        requireNonNull(entryId, "entryId");
        requireNonNull(job, "job");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }
}
