package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.PackageRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code build.gradle} / {@code build.gradle.kts}, best effort: a build script is a program, so only
 * string coordinates in dependency configurations are read, with {@code $name} versions taken from
 * simple {@code def}/{@code val}/{@code ext} string assignments in the same file. Whatever needs
 * Gradle itself (catalogs, platforms, plugins, transitive dependencies) becomes a problem line.
 */
final class GradleReader implements ManifestReader {

    private static final Set<String> RUNTIME = Set.of("implementation", "api", "runtimeOnly", "compile", "runtime");
    private static final Set<String> TEST = Set.of(
            "testImplementation",
            "testRuntimeOnly",
            "testCompileOnly",
            "compileOnly",
            "compileOnlyApi",
            "annotationProcessor",
            "kapt",
            "ksp",
            "testCompile",
            "androidTestImplementation");
    private static final Pattern STRING_NOTATION = Pattern.compile(
            "(?m)^\\s*(\\w+)\\s*\\(?\\s*[\"']([^\"':\\s]+):([^\"':\\s]+)(?::([^\"'@\\s]+))?(?:@\\w+)?[\"']");
    private static final Pattern MAP_NOTATION = Pattern.compile(
            "(?m)^\\s*(\\w+)\\s*\\(?\\s*group\\s*[:=]\\s*[\"']([^\"']+)[\"']\\s*,\\s*name\\s*[:=]\\s*[\"']([^\"']+)[\"']"
                    + "(?:\\s*,\\s*version\\s*[:=]\\s*[\"']([^\"']+)[\"'])?");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?m)^\\s*(?:def|val|var|ext\\.|set\\()?\\s*[\"']?([A-Za-z_][\\w.]*)[\"']?\\s*(?:=|,)\\s*[\"']([^\"'$]+)[\"']");
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{?([A-Za-z_][\\w.]*)}?$");

    @Override
    public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        String file = Malformed.label(manifest);
        if (!manifest.content().contains("dependencies")) {
            throw Malformed.manifest(manifest, "it has no dependencies block");
        }
        Map<String, String> variables = variables(manifest.content());
        Map<PackageRef, Dependency> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        problems.add(file + ": read best effort: only string coordinates in dependency blocks; "
                + "transitive dependencies need Gradle itself to resolve");
        for (Pattern notation : List.of(STRING_NOTATION, MAP_NOTATION)) {
            Matcher m = notation.matcher(manifest.content());
            while (m.find()) {
                String configuration = m.group(1);
                if (RUNTIME.contains(configuration) || TEST.contains(configuration) && options.includeTestScopes()) {
                    add(file, m.group(2), m.group(3), m.group(4), variables, found, problems);
                }
            }
        }
        return new Resolution(List.copyOf(found.values()), problems);
    }

    private static void add(
            String file,
            String group,
            String artifact,
            String version,
            Map<String, String> variables,
            Map<PackageRef, Dependency> found,
            List<String> problems) {
        String coordinates = group + ":" + artifact;
        if (version == null) {
            problems.add(file + ": best effort: " + coordinates
                    + " has no version here (a platform, catalog or plugin sets it); it is not checked");
            return;
        }
        Matcher variable = VARIABLE.matcher(version);
        if (variable.matches() || version.contains("$")) {
            String value = variable.matches() ? variables.get(variable.group(1)) : null;
            if (value == null) {
                problems.add(file + ": best effort: the version of " + coordinates + " is the variable " + version
                        + ", set outside this file; it is not checked");
                return;
            }
            problems.add(file + ": best effort: the version of " + coordinates + " is the variable " + version
                    + ", read as " + value);
            version = value;
        }
        if (version.contains("+")
                || version.startsWith("[")
                || version.startsWith("(")
                || version.startsWith("latest.")) {
            problems.add(file + ": best effort: " + coordinates + ":" + version
                    + " is a dynamic version; it is not checked");
            return;
        }
        PackageRef pkg = Packages.maven(group, artifact, version);
        found.putIfAbsent(pkg, new Dependency(pkg, true, List.of(), null));
    }

    private static Map<String, String> variables(String script) {
        Map<String, String> variables = new HashMap<>();
        Matcher m = ASSIGNMENT.matcher(script);
        while (m.find()) {
            String name = m.group(1);
            variables.putIfAbsent(name.substring(name.lastIndexOf('.') + 1), m.group(2));
            variables.putIfAbsent(name, m.group(2));
        }
        return variables;
    }
}
