package com.architectbot.core;

import static java.util.Objects.requireNonNull;

/**
 * An image the user sent with a question (a diagram, a screenshot), read on the worker and passed to the model as
 * image content. It lives only for the consultation: never queued, never kept in Redis.
 *
 * @param name the file's name as the user gave it, for the thread's memory ("shown: orders.png")
 * @param mediaType the type its bytes were recognised as ({@code image/png} and friends), never the type claimed
 */
public record Picture(String name, String mediaType, byte[] bytes) {

    public Picture {
        requireNonNull(name, "name");
        requireNonNull(mediaType, "mediaType");
        requireNonNull(bytes, "bytes");
    }

    @Override
    public String toString() {
        return "Picture[" + name + ", " + mediaType + ", " + bytes.length + " bytes]";
    }
}
