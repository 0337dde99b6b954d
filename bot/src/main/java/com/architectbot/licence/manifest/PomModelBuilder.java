package com.architectbot.licence.manifest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.DefaultModelProcessor;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelBuildingResult;
import org.apache.maven.model.building.ModelProblemCollector;
import org.apache.maven.model.building.ModelProcessor;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.building.Result;
import org.apache.maven.model.interpolation.ModelInterpolator;
import org.apache.maven.model.interpolation.StringVisitorModelInterpolator;
import org.apache.maven.model.profile.activation.FileProfileActivator;
import org.apache.maven.model.profile.activation.ProfileActivator;

/**
 * Maven's model builder with POMs read as data. A POM (the user's, or any fetched from the repository)
 * sees only its own properties, its parents' and {@code project.*}: no environment variables, no JVM
 * system properties, no user properties, so {@code ${env.SLACK_BOT_TOKEN}} stays literal. Parents come
 * from the repository only: {@code <relativePath>} never reads a file outside the bot's Maven cache,
 * and profiles are never activated by files on the bot's disk.
 */
final class PomModelBuilder implements ModelBuilder {

    /**
     * Profiles with {@code <jdk>} activation are judged as for this Java release, whatever the bot runs
     * on: Maven fails a build whose {@code java.version} is unknown. Profile activation sees it;
     * interpolation does not, so {@code ${java.version}} stays literal.
     */
    static final String PROFILE_JAVA_VERSION = "21";

    private final ModelBuilder delegate;

    PomModelBuilder(Path cacheDir) {
        this.delegate = new DataOnlyFactory(cacheDir.toAbsolutePath().normalize()).newInstance();
    }

    @Override
    public ModelBuildingResult build(ModelBuildingRequest request) throws ModelBuildingException {
        return delegate.build(asData(request));
    }

    @Override
    public ModelBuildingResult build(ModelBuildingRequest request, ModelBuildingResult result)
            throws ModelBuildingException {
        return delegate.build(asData(request), result);
    }

    @Override
    public Result<? extends Model> buildRawModel(File pomFile, int validationLevel, boolean locationTracking) {
        return delegate.buildRawModel(pomFile, validationLevel, locationTracking);
    }

    /** The POM as bytes with no folder around it: nothing relative to it can be found on disk. */
    private static ModelBuildingRequest asData(ModelBuildingRequest request) {
        ModelSource source = request.getModelSource() != null
                ? request.getModelSource()
                : request.getPomFile() != null ? new FileModelSource(request.getPomFile()) : null;
        Properties profileOnly = new Properties();
        profileOnly.setProperty("java.version", PROFILE_JAVA_VERSION);
        DefaultModelBuildingRequest copy = new DefaultModelBuildingRequest(request);
        copy.setPomFile(null);
        copy.setModelSource(source == null ? null : new DataOnlySource(source));
        copy.setSystemProperties(profileOnly);
        copy.setUserProperties(new Properties());
        return copy;
    }

    /** Deliberately not a {@code ModelSource2}: Maven asks that for related POMs by relative path. */
    private record DataOnlySource(ModelSource source) implements ModelSource {
        @Override
        public InputStream getInputStream() throws IOException {
            return source.getInputStream();
        }

        /** The file name alone: where the bot keeps files is nobody's business in a problem line. */
        @Override
        public String getLocation() {
            String location = String.valueOf(source.getLocation());
            return location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
        }
    }

    private static final class DataOnlyFactory extends DefaultModelBuilderFactory {
        private final Path cacheDir;

        DataOnlyFactory(Path cacheDir) {
            this.cacheDir = cacheDir;
        }

        @Override
        protected ModelInterpolator newModelInterpolator() {
            return new OwnPropertiesInterpolator()
                    .setPathTranslator(newPathTranslator())
                    .setUrlNormalizer(newUrlNormalizer())
                    .setVersionPropertiesProcessor(newModelVersionPropertiesProcessor());
        }

        @Override
        protected ProfileActivator[] newProfileActivators() {
            return Arrays.stream(super.newProfileActivators())
                    .filter(activator -> !(activator instanceof FileProfileActivator))
                    .toArray(ProfileActivator[]::new);
        }

        @Override
        protected ModelProcessor newModelProcessor() {
            return new CacheOnlyProcessor(cacheDir)
                    .setModelLocator(newModelLocator())
                    .setModelReader(newModelReader());
        }
    }

    /** Interpolates with the model alone: system and user properties are hidden, the project has no folder. */
    private static final class OwnPropertiesInterpolator extends StringVisitorModelInterpolator {
        @Override
        public Model interpolateModel(
                Model model, File projectDir, ModelBuildingRequest request, ModelProblemCollector problems) {
            DefaultModelBuildingRequest ownOnly = new DefaultModelBuildingRequest(request);
            ownOnly.setSystemProperties(new Properties());
            ownOnly.setUserProperties(new Properties());
            return super.interpolateModel(model, null, ownOnly, problems);
        }
    }

    /**
     * Reads a POM file only from the Maven cache, where the repository's POMs are stored: Maven would
     * follow a fetched POM's {@code <relativePath>} anywhere on disk.
     */
    private static final class CacheOnlyProcessor extends DefaultModelProcessor {
        private final Path cacheDir;

        CacheOnlyProcessor(Path cacheDir) {
            this.cacheDir = cacheDir;
        }

        @Override
        public Model read(InputStream input, Map<String, ?> options) throws IOException {
            if (options.get(ModelProcessor.SOURCE) instanceof FileModelSource file
                    && !file.getPomFile().toPath().toAbsolutePath().normalize().startsWith(cacheDir)) {
                input.close();
                throw new IOException("a parent POM is read from the repository only, never from a relative path");
            }
            return super.read(input, options);
        }
    }
}
