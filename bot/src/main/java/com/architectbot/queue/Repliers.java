package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link Replier} per surface. Each channel registers its replier at start-up; workers then deliver every
 * reply through this registry, which picks the replier of the reply target's surface.
 */
public final class Repliers implements Replier {

    private final Map<Surface, Replier> bySurface = new ConcurrentHashMap<>();

    /**
     * Registers the replier of one surface.
     *
     * @throws IllegalStateException when the surface already has one: two channels claiming a surface is a
     *     wiring mistake, better found at start-up than by a user
     */
    public Repliers register(Surface surface, Replier replier) {
        requireNonNull(surface, "surface");
        requireNonNull(replier, "replier");
        if (bySurface.putIfAbsent(surface, replier) != null) {
            throw new IllegalStateException("a replier for " + surface.id() + " is already registered");
        }
        return this;
    }

    /**
     * Delivers through the replier of the target's surface.
     *
     * @throws IllegalStateException when no replier is registered for that surface
     */
    @Override
    public void deliver(ReplyTarget target, Reply reply, ReplyParts parts) {
        of(target).deliver(target, reply, parts);
    }

    /** Lets the replier of the job's surface prepare it. */
    @Override
    public Job prepare(Job job, ReplyParts parts) {
        return of(job.replyTo()).prepare(job, parts);
    }

    private Replier of(ReplyTarget target) {
        Replier replier = bySurface.get(target.surface());
        if (replier == null) {
            throw new IllegalStateException(
                    "no replier is registered for " + target.surface().id()
                            + " (registered: " + bySurface.keySet() + "); the "
                            + target.surface().id()
                            + " channel must call Repliers.register at start-up");
        }
        return replier;
    }
}
