package com.architectbot.queue.redis;

import com.architectbot.queue.Job;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/** A job as the JSON text of one stream field. The records map as they are. */
final class JobJson {

    /** Tolerates fields it does not know: during a rolling deploy, a newer replica may queue a richer job. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JobJson() {}

    static String write(Job job) {
        try {
            return MAPPER.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(
                    "could not serialise the job of " + job.inquiry().id(), e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a job; the message names no content */
    static Job read(String json) {
        if (json == null) {
            throw new IllegalArgumentException("entry has no job field");
        }
        try {
            return MAPPER.readValue(json, Job.class);
        } catch (JsonProcessingException | RuntimeException e) {
            // Jackson's message quotes the input, which holds the user's text: name the failure kind only.
            throw new IllegalArgumentException(
                    "job JSON is unreadable (" + e.getClass().getSimpleName() + ")");
        }
    }
}
