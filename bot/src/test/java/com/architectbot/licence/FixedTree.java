package com.architectbot.licence;

import com.architectbot.core.PermanentFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link DependencyResolver} for tests: each package spec resolves to the dependencies given for it; a
 * manifest whose content is {@code MALFORMED} is rejected as the real resolvers reject bad input.
 */
public final class FixedTree implements DependencyResolver {

    public static final String MALFORMED = "MALFORMED";

    private final Map<String, List<Dependency>> bySpec;
    private final List<String> problems;
    private final List<ResolveOptions> optionsSeen = new ArrayList<>();

    public FixedTree(Map<String, List<Dependency>> bySpec, List<String> problems) {
        this.bySpec = Map.copyOf(bySpec);
        this.problems = List.copyOf(problems);
    }

    public static Dependency direct(PackageRef pkg, DeclaredLicence declared) {
        return new Dependency(pkg, true, List.of(), declared);
    }

    public static Dependency via(PackageRef pkg, PackageRef parent) {
        return new Dependency(pkg, false, List.of(parent), null);
    }

    public List<ResolveOptions> optionsSeen() {
        return List.copyOf(optionsSeen);
    }

    @Override
    public Resolution resolve(List<CheckInput> inputs, ResolveOptions options) {
        optionsSeen.add(options);
        List<Dependency> dependencies = new ArrayList<>();
        for (CheckInput input : inputs) {
            switch (input) {
                case CheckInput.PackageSpec spec -> {
                    List<Dependency> tree = bySpec.get(spec.spec());
                    if (tree == null) {
                        throw new PermanentFailure(
                                "'" + spec.spec() + "' is not a package URL, g:a:v or name@version.");
                    }
                    dependencies.addAll(tree);
                }
                case CheckInput.Manifest manifest -> {
                    if (manifest.content().strip().equals(MALFORMED)) {
                        throw new PermanentFailure(manifest.fileName() + " is not a manifest we can read (line 1).");
                    }
                    dependencies.addAll(bySpec.getOrDefault(manifest.fileName(), List.of()));
                }
            }
        }
        return new Resolution(dependencies, problems);
    }
}
