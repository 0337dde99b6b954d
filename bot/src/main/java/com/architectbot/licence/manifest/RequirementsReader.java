package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code requirements.txt}: pinned ({@code ==}) requirements only. An unpinned line names no version
 * to look up, so it becomes a problem asking for the pin rather than a guess at the latest release.
 */
final class RequirementsReader implements ManifestReader {

    private static final Pattern PINNED = Pattern.compile(
            "^([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^]]*])?\\s*===?\\s*([A-Za-z0-9._+!-]+)\\s*(?:;[^-]*)?(?:\\s+--hash[=\\s]\\S+)*\\s*$");
    private static final Pattern NAMED = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^]]*])?\\s*(.*)$");

    @Override
    public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        String file = Malformed.label(manifest);
        List<Dependency> dependencies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        // a trailing backslash continues the line (pip-compile puts --hash options there)
        List<String> lines =
                List.of(manifest.content().replaceAll("\\\\\\R", " ").split("\\R", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceAll("(^|\\s)#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + " line " + (i + 1) + ": ";
            Matcher pinned = PINNED.matcher(line);
            Matcher named = NAMED.matcher(line);
            if (pinned.matches()) {
                dependencies.add(
                        new Dependency(Packages.pypi(pinned.group(1), pinned.group(2)), true, List.of(), null));
            } else if (line.startsWith("-")) {
                problems.add(where + "option \"" + line
                        + "\" is not followed; list those requirements here with == versions");
            } else if (named.matches() && !line.contains("://") && !line.contains(" @ ")) {
                problems.add(where + "\"" + line + "\" has no pinned version; pin it as " + named.group(1)
                        + "==<version> (pip freeze or pip-compile give them) so it can be checked");
            } else if (named.matches() || line.contains("://") || isLocalPath(line)) {
                problems.add(where + "\"" + line + "\" installs from a URL or path, not from PyPI; it is not checked");
            } else {
                throw Malformed.manifest(manifest, "line " + (i + 1) + " is not a requirement: \"" + line + "\"");
            }
        }
        return new Resolution(dependencies, problems);
    }

    /** {@code ./pkg}, {@code ../pkg}, {@code /abs/pkg}, {@code ~/pkg}: a folder on the user's machine, never read here. */
    private static boolean isLocalPath(String line) {
        return line.startsWith(".") || line.startsWith("/") || line.startsWith("~");
    }
}
