package com.architectbot.licence;

import java.util.List;
import java.util.Objects;

/** Turns what the user gave into the dependency tree to check. */
public interface DependencyResolver {

    /**
     * @throws com.architectbot.core.PermanentFailure when an input cannot be read (a malformed
     *     manifest, an unparseable coordinate); its user message says which input and why
     */
    Resolution resolve(List<CheckInput> inputs, ResolveOptions options);

    /** How much of the tree to take. */
    record ResolveOptions(boolean directOnly, boolean includeTestScopes) {
        public static final ResolveOptions DEFAULT = new ResolveOptions(false, false);
    }

    /**
     * The tree, plus what could not be resolved (a registry away): a partial tree, never a crash.
     *
     * @param stability whether the same inputs would give the same tree later: said by the reader that
     *     resolved them, which alone knows what it asked the registry
     */
    record Resolution(List<Dependency> dependencies, List<String> problems, Stability stability) {
        public Resolution {
            dependencies = List.copyOf(dependencies);
            problems = List.copyOf(problems);
            Objects.requireNonNull(stability, "stability");
        }

        /** A tree read from the inputs alone, without asking a registry (a lockfile, an SBOM). */
        public Resolution(List<Dependency> dependencies, List<String> problems) {
            this(dependencies, problems, Stability.OFFLINE);
        }
    }

    /**
     * Whether the same inputs resolve to the same tree later, from the most stable to the least; inputs
     * resolved together are as stable as the least stable of them ({@link #and}).
     */
    enum Stability {
        /** Read from the inputs alone, no registry asked: the same tree every time, and cheap to read again. */
        OFFLINE,
        /** Resolved against a registry, every version a plain release, all found: a new release changes nothing. */
        PINNED,
        /**
         * Resolved against a registry through something a new publication can change: a version range, a
         * SNAPSHOT, LATEST or RELEASE, an npm range, or a package the registry does not have (yet).
         */
        FLOATING,
        /** A registry did not answer (away, an error, a timeout): the tree is partial until it does. */
        REGISTRY_FAILED;

        /** The stability of two resolutions taken together: the less stable of the two. */
        public Stability and(Stability other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }
}
