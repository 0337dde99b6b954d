package com.architectbot.core;

import static java.util.Objects.requireNonNull;

/**
 * Identifies one user request across redeliveries: {@code slack:<event id>}, {@code teams:<activity id>},
 * {@code cli:<uuid>}. The queue and the memory use it to answer a request exactly once.
 */
public record InquiryId(String value) {

    public InquiryId {
        requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 256) {
            throw new IllegalArgumentException("inquiry id must be 1 to 256 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
