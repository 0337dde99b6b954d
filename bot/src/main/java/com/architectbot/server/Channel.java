package com.architectbot.server;

import com.architectbot.conversation.Surface;
import com.architectbot.core.FileSource;
import com.architectbot.queue.Replier;

/**
 * A chat platform the bot is reachable on: its HTTP routes (if any), the replier the workers deliver its
 * answers through, the file source they fetch its users' files from, and anything it runs on its own (a
 * Socket Mode connection).
 */
public interface Channel extends HttpRoutes, AutoCloseable {

    /**
     * What the queue's workers use of this channel: the surface its inquiries come from, the replier that
     * delivers their answers and the file source their users' files are fetched from.
     */
    record ForWorkers(Surface surface, Replier replier, FileSource files) {}

    ForWorkers forWorkers();

    /** Starts whatever the channel runs besides its routes; called once the server is up. */
    default void start() {}

    /** Stops taking new requests (a socket connection) and finishes its own after-ack chores. */
    @Override
    default void close() {}
}
