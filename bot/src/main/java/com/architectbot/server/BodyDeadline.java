package com.architectbot.server;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body must have arrived in full within a deadline counted from its headers. The connection's idle
 * timeout alone does not bound a body trickled a byte at a time (each byte resets it), and every such
 * request holds a connection and a thread; past the deadline the body fails with {@link Late}, which
 * {@link BotServer} answers with 408.
 */
final class BodyDeadline extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(BodyDeadline.class);

    private final Duration deadline;

    BodyDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getLength() == 0) { // no body to wait for (GET, HEAD, an empty POST)
            return super.handle(request, response, callback);
        }
        Scheduler.Task timer = request.getComponents()
                .getScheduler()
                .schedule(
                        () -> {
                            LOG.warn(
                                    "{} {}: the request body did not arrive within {} s; the request is failed",
                                    request.getMethod(),
                                    Request.getPathInContext(request),
                                    deadline.toSeconds());
                            request.fail(new Late(deadline));
                        },
                        deadline);
        return super.handle(new Watched(request, timer), response, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                timer.cancel(); // answered without reading the whole body: nothing left to time
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                timer.cancel();
                super.failed(failure);
            }
        });
    }

    /** Stops the timer once the last chunk of the body has been read. */
    private static final class Watched extends Request.Wrapper {

        private final Scheduler.Task timer;

        Watched(Request request, Scheduler.Task timer) {
            super(request);
            this.timer = timer;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.isLast()) {
                timer.cancel();
            }
            return chunk;
        }
    }

    /** The body was not complete when the deadline passed. */
    static final class Late extends TimeoutException {

        Late(Duration deadline) {
            super("the request body did not arrive within " + deadline.toSeconds() + " s");
        }
    }
}
