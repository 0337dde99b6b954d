package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.PackageRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code go.mod}: {@code require} lines and blocks, with {@code // indirect} marking what the module
 * does not import itself. Since Go 1.17 go.mod lists the whole build list, so nothing needs fetching;
 * the path of an indirect module is not in the file, so it is left empty. {@code replace} with a
 * module version is applied; a replacement by a local folder drops the module with a problem.
 */
final class GoModReader implements ManifestReader {

    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+\\S+");
    private static final Pattern REQUIREMENT = Pattern.compile("^(\\S+)\\s+(v\\S+)\\s*(//.*)?$");
    private static final Pattern REPLACE =
            Pattern.compile("^(\\S+)(?:\\s+v\\S+)?\\s+=>\\s+(\\S+)(?:\\s+(v\\S+))?\\s*$");

    private record Requirement(String module, String version, boolean indirect) {}

    @Override
    public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        if (!MODULE.matcher(manifest.content()).find()) {
            throw Malformed.manifest(manifest, "it has no \"module\" line");
        }
        Map<String, Requirement> requirements = new LinkedHashMap<>();
        Map<String, String[]> replacements = new LinkedHashMap<>();
        String block = null;
        List<String> lines = manifest.content().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (block != null) {
                if (line.equals(")")) {
                    block = null;
                } else if (!line.isEmpty() && !line.startsWith("//")) {
                    directive(manifest, i + 1, block, line, requirements, replacements);
                }
            } else if (line.matches("^(require|replace|exclude|retract)\\s*\\($")) {
                block = line.substring(0, line.indexOf('(')).strip();
            } else if (line.matches("^(require|replace)\\s+.*")) {
                int space = line.indexOf(' ');
                directive(
                        manifest,
                        i + 1,
                        line.substring(0, space),
                        line.substring(space + 1).strip(),
                        requirements,
                        replacements);
            }
        }
        return resolve(Malformed.label(manifest), requirements, replacements, options);
    }

    private static void directive(
            CheckInput.Manifest manifest,
            int lineNumber,
            String kind,
            String line,
            Map<String, Requirement> requirements,
            Map<String, String[]> replacements) {
        if (kind.equals("require")) {
            Matcher m = REQUIREMENT.matcher(line);
            if (!m.matches()) {
                throw Malformed.manifest(
                        manifest, "line " + lineNumber + " is not a \"module version\" requirement: \"" + line + "\"");
            }
            boolean indirect = m.group(3) != null && m.group(3).contains("indirect");
            requirements.put(m.group(1), new Requirement(m.group(1), m.group(2), indirect));
        } else if (kind.equals("replace")) {
            Matcher m = REPLACE.matcher(line);
            if (!m.matches()) {
                throw Malformed.manifest(
                        manifest, "line " + lineNumber + " is not a replace directive: \"" + line + "\"");
            }
            replacements.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
    }

    private static Resolution resolve(
            String file,
            Map<String, Requirement> requirements,
            Map<String, String[]> replacements,
            ResolveOptions options) {
        List<Dependency> dependencies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Requirement requirement : requirements.values()) {
            if (requirement.indirect() && options.directOnly()) {
                continue;
            }
            String[] replacement = replacements.get(requirement.module());
            PackageRef pkg = Packages.go(requirement.module(), requirement.version());
            if (replacement != null && replacement[1] == null) {
                problems.add(file + ": " + requirement.module() + " is replaced by the local folder " + replacement[0]
                        + "; it is not checked");
                continue;
            }
            if (replacement != null) {
                pkg = Packages.go(replacement[0], replacement[1]);
            }
            dependencies.add(new Dependency(pkg, !requirement.indirect(), List.of(), null));
        }
        return new Resolution(dependencies, problems);
    }
}
