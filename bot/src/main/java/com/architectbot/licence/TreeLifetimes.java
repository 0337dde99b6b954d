package com.architectbot.licence;

import static java.util.Objects.requireNonNull;

import com.architectbot.licence.DependencyResolver.Stability;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a resolved dependency tree may be reused, by its {@link Stability}: the licence check's rule,
 * which a cache of trees applies and does not make up. A pinned tree stays right until a release is deleted;
 * a floating one only until the next publication, so it is kept briefly; a tree a registry failed to
 * complete is not kept at all, so an outage never outlives itself.
 */
public record TreeLifetimes(Duration pinned, Duration floating) {

    public static final Duration PINNED_TTL = Duration.ofDays(7);
    public static final Duration FLOATING_TTL = Duration.ofHours(1);
    public static final TreeLifetimes DEFAULT = new TreeLifetimes(PINNED_TTL, FLOATING_TTL);

    public TreeLifetimes {
        requirePositive(pinned, "pinned");
        requirePositive(floating, "floating");
    }

    /** How long to keep a tree of this stability; empty when it is not to be kept. */
    public Optional<Duration> of(Stability stability) {
        return switch (stability) {
            case OFFLINE -> Optional.empty(); // reading the input again costs less than a round trip
            case PINNED -> Optional.of(pinned);
            case FLOATING -> Optional.of(floating);
            case REGISTRY_FAILED -> Optional.empty();
        };
    }

    private static void requirePositive(Duration ttl, String name) {
        requireNonNull(ttl, name);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(name + " lifetime must be positive, got " + ttl);
        }
    }
}
