package com.architectbot.licence.manifest;

import com.architectbot.testing.FakeRegistry;
import java.nio.file.Path;

/**
 * A manifest resolver on loopback fakes of Maven Central and npm, with the recorded trees; declare it as an
 * {@code @AutoClose} field and ask for the resolver once the test's cache folder exists.
 */
final class ResolverOnFakes implements AutoCloseable {

    final FakeRegistry central = FakeRegistry.serving("maven-tree");
    final FakeRegistry npm = FakeRegistry.serving("npm-tree");
    private ManifestResolver resolver;

    /** The resolver, made on first use with its Maven cache in {@code cache}. */
    ManifestResolver resolver(Path cache) {
        if (resolver == null) {
            resolver = ManifestFixtures.resolver(central, npm, cache);
        }
        return resolver;
    }

    @Override
    public void close() {
        if (resolver != null) {
            resolver.close();
        }
        central.close();
        npm.close();
    }
}
