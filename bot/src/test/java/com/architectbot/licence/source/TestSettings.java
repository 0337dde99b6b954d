package com.architectbot.licence.source;

import java.net.URI;
import java.time.Duration;

/** Settings aiming every registry at one loopback fake, with short waits so failures are quick. */
public final class TestSettings {

    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private TestSettings() {}

    public static RegistrySettings allAt(URI base) {
        return allAt(base, TIMEOUT, 8, 1);
    }

    public static RegistrySettings allAt(URI base, Duration timeout, int perHost, int retries) {
        return new RegistrySettings(
                base,
                base,
                base,
                base,
                base,
                base,
                timeout,
                perHost,
                retries,
                Duration.ofMillis(10),
                RegistrySettings.DEFAULT_MAX_BODY_BYTES);
    }
}
