package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code T} per surface, each registered once at start-up by the composition root, then looked up by the
 * surface a job or file came from. What {@code Repliers} and {@link FileSources} keep.
 *
 * @param <T> what each surface has one of (a replier, a file source)
 */
public final class PerSurface<T> {

    private final String what;
    private final Map<Surface, T> bySurface = new ConcurrentHashMap<>();

    /** @param what the name of a {@code T} in messages, e.g. "replier" */
    public PerSurface(String what) {
        this.what = requireNonNull(what, "what");
    }

    /**
     * @throws IllegalStateException when the surface already has one: two channels claiming a surface is a
     *     wiring mistake, better found at start-up than by a user
     */
    public void register(Surface surface, T one) {
        requireNonNull(surface, "surface");
        requireNonNull(one, what);
        if (bySurface.putIfAbsent(surface, one) != null) {
            throw new IllegalStateException("a " + what + " for " + surface.id() + " is already registered");
        }
    }

    /** The one registered for the surface, if any. */
    public Optional<T> of(Surface surface) {
        return Optional.ofNullable(bySurface.get(surface));
    }

    /** The surfaces with one registered, for messages saying what is there. */
    public Set<Surface> registered() {
        return Set.copyOf(bySurface.keySet());
    }
}
