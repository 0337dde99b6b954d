package com.architectbot.licence.source;

/** A package archive that cannot be read as it claims to be; the message is user-facing evidence. */
final class UnreadableArchive extends RuntimeException {

    UnreadableArchive(String message) {
        super(message);
    }
}
