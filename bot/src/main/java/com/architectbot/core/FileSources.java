package com.architectbot.core;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;

/**
 * One {@link FileSource} per surface, registered by the composition root when it builds the channels. A file is
 * fetched through the source of the surface its inquiry came from.
 */
public final class FileSources implements FileSource {

    private final PerSurface<FileSource> bySurface = new PerSurface<>("file source");

    /**
     * @throws IllegalStateException when the surface already has a source: a wiring mistake
     */
    public FileSources register(Surface surface, FileSource source) {
        bySurface.register(surface, source);
        return this;
    }

    /**
     * @throws PermanentFailure when no source is registered for the thread's surface (the channel that
     *     recorded the file is not running here): the user is asked to send the file again
     */
    @Override
    public FileText fetch(InquiryFile file, ThreadKey thread) {
        return source(thread, "Please paste the package names instead.").fetch(file, thread);
    }

    /** The same rule for pictures: fetched through the source of the inquiry's surface. */
    @Override
    public Picture picture(InquiryFile file, ThreadKey thread) {
        return source(thread, "Please describe the diagram in words instead.").picture(file, thread);
    }

    private FileSource source(ThreadKey thread, String instead) {
        return bySurface
                .of(thread.surface())
                .orElseThrow(() -> new PermanentFailure(
                        "I can't read files sent on " + thread.surface().id() + " right now. " + instead,
                        "no file source is registered for " + thread.surface().id() + " (registered: "
                                + bySurface.registered() + ")",
                        null));
    }
}
