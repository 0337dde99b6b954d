package com.architectbot.core;

import static java.util.Objects.requireNonNull;

/**
 * An image the user sent with a question (a diagram, a screenshot), read on the worker and passed to the model as
 * image content. It lives only for the consultation: never queued, never kept in Redis.
 *
 * @param name the file's name as the user gave it, for the thread's memory ("shown: orders.png")
 * @param mediaType the type its bytes were recognised as ({@link PictureFormat}), never the type claimed; a
 *     downloaded PDF is {@code application/pdf} until the consultation renders its first page to {@code image/png}
 */
public record Picture(String name, String mediaType, byte[] bytes) {

    public Picture {
        requireNonNull(name, "name");
        requireNonNull(mediaType, "mediaType");
        requireNonNull(bytes, "bytes");
    }

    /** The name for the thread's memory and for messages: the user's, or a neutral one when it came without. */
    public String displayName() {
        return name.isBlank() ? "an image" : name;
    }

    @Override
    public String toString() {
        return "Picture[" + name + ", " + mediaType + ", " + bytes.length + " bytes]";
    }
}
