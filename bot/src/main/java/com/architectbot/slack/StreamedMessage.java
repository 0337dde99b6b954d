package com.architectbot.slack;

import static java.util.Objects.requireNonNull;

/**
 * The message an answer is shown in while it is written, as its reply part records it: its ts, and whether Slack
 * streams it ({@code chat.startStream}: it must be stopped before it is replaced) or it was posted and is edited.
 */
record StreamedMessage(String ts, Kind kind) {

    enum Kind {
        STREAM,
        POST
    }

    StreamedMessage {
        requireNonNull(ts, "ts");
        requireNonNull(kind, "kind");
    }

    /** The part's message id: the kind, then the ts. */
    String id() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + ts;
    }

    /** Reads a recorded message id back; an id without a kind is a posted message. */
    static StreamedMessage of(String id) {
        for (Kind kind : Kind.values()) {
            String prefix = kind.name().toLowerCase(java.util.Locale.ROOT) + ":";
            if (id.startsWith(prefix)) {
                return new StreamedMessage(id.substring(prefix.length()), kind);
            }
        }
        return new StreamedMessage(id, Kind.POST);
    }
}
