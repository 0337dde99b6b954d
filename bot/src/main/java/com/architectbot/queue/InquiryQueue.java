package com.architectbot.queue;

/** Where request threads leave work for the workers. */
public interface InquiryQueue {

    /**
     * Durably records the job for a worker. Returns quickly.
     *
     * @throws com.architectbot.consultation.RetryableFailure when the queue cannot be reached
     */
    void enqueue(Job job);
}
