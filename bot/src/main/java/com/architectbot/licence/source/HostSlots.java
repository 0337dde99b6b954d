package com.architectbot.licence.source;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** At most a set number of registry requests in flight per host (and port); the rest queue, fairly, for a while. */
final class HostSlots {

    /** How long a look-up may queue for a free slot on a busy host before giving up. */
    static final Duration MAX_QUEUE_WAIT = Duration.ofMinutes(2);

    private final int perHost;
    private final Map<String, Semaphore> permitsByHost = new ConcurrentHashMap<>();

    HostSlots(int perHost) {
        this.perHost = perHost;
    }

    /** Takes a slot on the URI's host: empty when taken (release it), else why none was had. */
    Optional<String> acquire(URI uri) {
        try {
            return permits(uri).tryAcquire(MAX_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.empty()
                    : Optional.of("too busy: no free connection slot after " + MAX_QUEUE_WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    void release(URI uri) {
        permits(uri).release();
    }

    private Semaphore permits(URI uri) {
        return permitsByHost.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), host -> new Semaphore(perHost, true));
    }
}
