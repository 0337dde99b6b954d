package com.architectbot.licence;

import java.util.List;

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

    /** The tree, plus what could not be resolved (a registry away): a partial tree, never a crash. */
    record Resolution(List<Dependency> dependencies, List<String> problems) {
        public Resolution {
            dependencies = List.copyOf(dependencies);
            problems = List.copyOf(problems);
        }
    }
}
