package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The manifest kinds we read, recognised by file name first and by content otherwise. */
enum ManifestFormat {
    POM,
    PACKAGE_JSON,
    PACKAGE_LOCK,
    REQUIREMENTS,
    GO_MOD,
    CARGO_TOML,
    CARGO_LOCK,
    GRADLE,
    CYCLONEDX,
    SPDX;

    static final String SUPPORTED = "pom.xml, package.json, package-lock.json, requirements.txt, go.mod, "
            + "Cargo.toml, Cargo.lock, build.gradle(.kts), CycloneDX JSON, SPDX JSON";

    private static final Pattern GO_MODULE = Pattern.compile("(?m)^module\\s+\\S+");
    private static final Pattern GO_DIRECTIVE = Pattern.compile("(?m)^(go\\s+\\d|require\\s)");
    private static final Pattern GRADLE_DEPENDENCY = Pattern.compile(
            "(?m)^\\s*(implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|classpath)\\s*[(\"']");
    private static final Pattern REQUIREMENT =
            Pattern.compile("(?m)^[A-Za-z0-9][A-Za-z0-9._-]*(\\[[^]]*])?\\s*(===|==|>=|<=|~=|!=|<|>)\\s*[0-9]");
    private static final Pattern CARGO_LOCK_PACKAGE = Pattern.compile("(?m)^\\[\\[package]]\\s*$");
    private static final Pattern CARGO_TABLE = Pattern.compile("(?m)^\\[(package|dependencies|workspace)]\\s*$");

    /** @throws com.architectbot.core.PermanentFailure when neither name nor content tells */
    static ManifestFormat detect(CheckInput.Manifest manifest) {
        return byName(manifest.fileName())
                .or(() -> byContent(manifest.content()))
                .orElseThrow(() ->
                        Malformed.manifest(manifest, "it is not a manifest we know (supported: " + SUPPORTED + ")"));
    }

    static Optional<ManifestFormat> byName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals("pom.xml") || name.endsWith(".pom")) {
            return Optional.of(POM);
        }
        if (name.equals("package.json")) {
            return Optional.of(PACKAGE_JSON);
        }
        if (name.equals("package-lock.json") || name.equals("npm-shrinkwrap.json")) {
            return Optional.of(PACKAGE_LOCK);
        }
        if (name.startsWith("requirements") && name.endsWith(".txt")) {
            return Optional.of(REQUIREMENTS);
        }
        if (name.equals("go.mod")) {
            return Optional.of(GO_MOD);
        }
        if (name.equals("cargo.toml")) {
            return Optional.of(CARGO_TOML);
        }
        if (name.equals("cargo.lock")) {
            return Optional.of(CARGO_LOCK);
        }
        if (name.equals("build.gradle") || name.equals("build.gradle.kts")) {
            return Optional.of(GRADLE);
        }
        if (name.endsWith(".cdx.json") || name.equals("bom.json")) {
            return Optional.of(CYCLONEDX);
        }
        return name.endsWith(".spdx.json") ? Optional.of(SPDX) : Optional.empty();
    }

    static Optional<ManifestFormat> byContent(String content) {
        String text = content.strip();
        if (text.startsWith("{")) {
            return byJsonContent(text);
        }
        if (text.startsWith("<") && text.contains("<project") && text.contains("<artifactId>")) {
            return Optional.of(POM);
        }
        if (CARGO_LOCK_PACKAGE.matcher(text).find()) {
            return Optional.of(CARGO_LOCK);
        }
        if (CARGO_TABLE.matcher(text).find()) {
            return Optional.of(CARGO_TOML);
        }
        if (GO_MODULE.matcher(text).find() && GO_DIRECTIVE.matcher(text).find()) {
            return Optional.of(GO_MOD);
        }
        if (text.contains("dependencies") && GRADLE_DEPENDENCY.matcher(text).find()) {
            return Optional.of(GRADLE);
        }
        return REQUIREMENT.matcher(text).find() ? Optional.of(REQUIREMENTS) : Optional.empty();
    }

    private static Optional<ManifestFormat> byJsonContent(String text) {
        if (text.contains("\"bomFormat\"") && text.contains("CycloneDX")) {
            return Optional.of(CYCLONEDX);
        }
        if (text.contains("\"spdxVersion\"")) {
            return Optional.of(SPDX);
        }
        if (text.contains("\"lockfileVersion\"")) {
            return Optional.of(PACKAGE_LOCK);
        }
        boolean npm = text.contains("\"dependencies\"")
                || text.contains("\"devDependencies\"")
                || text.contains("\"version\"");
        return npm && text.contains("\"name\"") ? Optional.of(PACKAGE_JSON) : Optional.empty();
    }
}
