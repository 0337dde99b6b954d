package com.architectbot.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One streamed reply of a fake model, in whatever framing its provider uses (server-sent events, JSON lines): the
 * frames in order, a pause after each one that carries a token, and optionally a connection that breaks off after
 * some tokens, as a dropped network does. Used by every streaming fake so they stream alike.
 */
public final class StreamedReply {

    /** Stream the whole reply. */
    public static final int WHOLE = -1;

    private final String contentType;
    private final List<byte[]> frames = new ArrayList<>();
    private final List<Boolean> tokens = new ArrayList<>();

    public StreamedReply(String contentType) {
        this.contentType = contentType;
    }

    /** A frame that carries no token (start, end, usage): sent without a pause. */
    public StreamedReply frame(String text) {
        return add(text, false);
    }

    /** A frame that carries one token: the pace's pause follows it. */
    public StreamedReply token(String text) {
        return add(text, true);
    }

    private StreamedReply add(String text, boolean token) {
        frames.add(text.getBytes(StandardCharsets.UTF_8));
        tokens.add(token);
        return this;
    }

    /**
     * Sends the frames. The length is announced up front, so a reply cut short ends in an error at the client (too
     * few bytes), not in a quiet, well-formed end.
     *
     * @param cutAfterTokens how many token frames to send before the connection drops; {@link #WHOLE} for all
     * @param pause waits one token's time; false when the fake is closing
     * @return whether every frame was sent: false when cut short, closed, or the client went away
     */
    public boolean send(HttpExchange exchange, int cutAfterTokens, BooleanSupplier pause) throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        frames.forEach(whole::writeBytes);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, whole.size());
        OutputStream out = exchange.getResponseBody();
        int sent = 0;
        try {
            for (int i = 0; i < frames.size(); i++) {
                if (tokens.get(i) && sent++ == cutAfterTokens) {
                    return false; // closing the exchange short of the announced length drops the connection
                }
                out.write(frames.get(i));
                out.flush();
                if (tokens.get(i) && !pause.getAsBoolean()) {
                    return false;
                }
            }
            return true;
        } catch (IOException clientWentAway) {
            return false; // the client cancelled the stream: nothing more to send
        }
    }
}
