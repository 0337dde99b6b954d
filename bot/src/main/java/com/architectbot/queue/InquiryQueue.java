package com.architectbot.queue;

/** Where request threads leave work for the workers. */
public interface InquiryQueue {

    /**
     * Durably records the job for a worker, at most once per {@link com.architectbot.core.InquiryId}.
     * Returns quickly, so a channel can call it before it acknowledges the platform's event.
     *
     * <p>Slack and Teams redeliver an event they did not see acknowledged in time. The queue remembers each
     * inquiry id it accepted for a while, so a redelivery is not queued a second time.
     *
     * @return {@code true} when the job was newly queued; {@code false} when a job with the same inquiry id
     *     was already queued (a redelivery: acknowledge it and do nothing else)
     * @throws com.architectbot.core.RetryableFailure when the queue cannot be reached; do not
     *     acknowledge the event, so the platform redelivers it
     */
    boolean enqueue(Job job);
}
