package com.architectbot.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a body declared larger than the limit with 413 before anything reads it, and reads the body to its
 * end first. Refusing it unread would close the socket with the body still arriving: the kernel then resets the
 * connection, and the reset can discard the 413 before the client reads it, so the client (still writing) sees
 * the connection drop without a status. Draining costs at most {@link #drainLimit} bytes, within the body deadline
 * ({@link BodyDeadline}, which wraps this); a body declared larger still is refused at once, reset or not.
 * Bodies of unknown length (chunked) are left to Javalin's own limit.
 */
final class OversizedBody extends Handler.Wrapper {

    private static final byte[] REFUSAL = "{\"error\":\"Content Too Large\"}".getBytes(StandardCharsets.UTF_8);

    private final long limit;
    private final long drainLimit;

    /**
     * @param limit the largest body accepted
     * @param drainLimit the largest refused body read to its end before the refusal
     */
    OversizedBody(long limit, long drainLimit) {
        this.limit = limit;
        this.drainLimit = drainLimit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        if (length <= limit) {
            return super.handle(request, response, callback);
        }
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE_413);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        Runnable refuse = () -> response.write(true, ByteBuffer.wrap(REFUSAL), callback);
        if (length <= drainLimit) { // refused either way; a body cut short or too late just ends the draining
            Content.Source.consumeAll(request, Callback.from(refuse, failure -> refuse.run()));
        } else {
            refuse.run();
        }
        return true;
    }
}
