package com.architectbot.licence.manifest;

import eu.maveniverse.maven.mima.context.Lookup;
import eu.maveniverse.maven.mima.runtime.shared.PreBoot;
import eu.maveniverse.maven.mima.runtime.standalonestatic.MemoizingRepositorySystemSupplierLookup;
import eu.maveniverse.maven.mima.runtime.standalonestatic.StandaloneStaticRuntime;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.model.building.ModelBuilder;
import org.eclipse.aether.impl.RepositorySystemLifecycle;
import org.eclipse.aether.spi.connector.filter.RemoteRepositoryFilterSource;
import org.eclipse.aether.spi.connector.layout.RepositoryLayoutProvider;

/**
 * MIMA's standalone runtime with two parts swapped: the {@link PomModelBuilder}, which reads POMs as
 * data, and the {@link UnresolvedExpressions} filter in front of every remote request.
 */
final class DataOnlyMavenRuntime extends StandaloneStaticRuntime {

    private final Path cacheDir;

    DataOnlyMavenRuntime(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    @Override
    protected Lookup createRepositorySystemLookup(PreBoot preBoot) {
        return new MemoizingRepositorySystemSupplierLookup() {
            @Override
            protected ModelBuilder getModelBuilder() {
                return memoize(ModelBuilder.class, new PomModelBuilder(cacheDir));
            }

            @Override
            protected Map<String, RemoteRepositoryFilterSource> getRemoteRepositoryFilterSources(
                    RepositorySystemLifecycle lifecycle, RepositoryLayoutProvider layouts) {
                Map<String, RemoteRepositoryFilterSource> sources =
                        new HashMap<>(super.getRemoteRepositoryFilterSources(lifecycle, layouts));
                sources.put(UnresolvedExpressions.NAME, new UnresolvedExpressions());
                return memoize(RemoteRepositoryFilterSource.class, sources);
            }
        };
    }
}
