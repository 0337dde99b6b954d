package com.architectbot.licence;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link LicenceRegistry} for tests: answers from a function, and records who asked for what, on which thread. */
public final class FixedRegistry implements LicenceRegistry {

    private final Function<PackageRef, Lookup> answers;
    private final List<PackageRef> asked = new CopyOnWriteArrayList<>();
    private final Map<PackageRef, Thread> threads = new ConcurrentHashMap<>();

    public FixedRegistry(Function<PackageRef, Lookup> answers) {
        this.answers = answers;
    }

    public static FixedRegistry of(Map<PackageRef, Lookup> answers) {
        return new FixedRegistry(pkg -> answers.getOrDefault(pkg, new Lookup.Unknown("not in the test registry")));
    }

    public static Lookup found(String text) {
        return new Lookup.Found(new DeclaredLicence(List.of(new LicenceStatement(text, null)), null));
    }

    public List<PackageRef> asked() {
        return List.copyOf(asked);
    }

    public Map<PackageRef, Thread> threads() {
        return Map.copyOf(threads);
    }

    @Override
    public Lookup lookup(PackageRef pkg) {
        asked.add(pkg);
        threads.put(pkg, Thread.currentThread());
        return answers.apply(pkg);
    }
}
