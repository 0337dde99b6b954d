package com.architectbot.queue;

import com.architectbot.conversation.Surface;
import com.architectbot.core.PerSurface;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.answer.AnswerProgress;

/**
 * One {@link Replier} per surface. The composition root registers each channel's replier when it builds the
 * channels; workers then deliver every reply through this registry, which picks the replier of the reply target's
 * surface.
 */
public final class Repliers implements Replier {

    private final PerSurface<Replier> bySurface = new PerSurface<>("replier");

    /**
     * Registers the replier of one surface.
     *
     * @throws IllegalStateException when the surface already has one: a wiring mistake
     */
    public Repliers register(Surface surface, Replier replier) {
        bySurface.register(surface, replier);
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

    /** The live view the replier of the job's surface shows. */
    @Override
    public AnswerProgress progress(Job job, ReplyParts parts) {
        return of(job.replyTo()).progress(job, parts);
    }

    private Replier of(ReplyTarget target) {
        return bySurface
                .of(target.surface())
                .orElseThrow(() -> new IllegalStateException("no replier is registered for "
                        + target.surface().id() + " (registered: " + bySurface.registered()
                        + "); the composition root registers each channel's replier at start-up"));
    }
}
