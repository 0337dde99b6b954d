package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link FileSource} per surface, registered by each channel at start-up (as repliers are). A file is
 * fetched through the source of the surface its inquiry came from.
 */
public final class FileSources implements FileSource {

    private final Map<Surface, FileSource> bySurface = new ConcurrentHashMap<>();

    /**
     * @throws IllegalStateException when the surface already has a source: a wiring mistake
     */
    public FileSources register(Surface surface, FileSource source) {
        requireNonNull(surface, "surface");
        requireNonNull(source, "source");
        if (bySurface.putIfAbsent(surface, source) != null) {
            throw new IllegalStateException("a file source for " + surface.id() + " is already registered");
        }
        return this;
    }

    /**
     * @throws PermanentFailure when no source is registered for the thread's surface (the channel that
     *     recorded the file is not running here): the user is asked to send the file again
     */
    @Override
    public FileText fetch(InquiryFile file, ThreadKey thread) {
        FileSource source = bySurface.get(thread.surface());
        if (source == null) {
            throw new PermanentFailure(
                    "I can't read files sent on " + thread.surface().id() + " right now. "
                            + "Please paste the package names instead.",
                    "no file source is registered for " + thread.surface().id() + " (registered: " + bySurface.keySet()
                            + ")",
                    null);
        }
        return source.fetch(file, thread);
    }
}
