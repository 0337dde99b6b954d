package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.source.NpmNames;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A name and range to resolve, after an {@code npm:} alias is followed. */
record NpmRequirement(String name, String range) {

    static NpmRequirement of(String key, String spec) {
        if (spec.startsWith("npm:")) { // an alias: "npm:real-name@range"
            String target = spec.substring(4);
            int at = target.lastIndexOf('@');
            return at > 0
                    ? new NpmRequirement(target.substring(0, at), target.substring(at + 1))
                    : new NpmRequirement(target, "latest");
        }
        return new NpmRequirement(key, spec);
    }

    boolean resolvable() {
        return NpmNames.valid(name) && NpmVersions.fromRegistry(range);
    }

    /** What a version requires at run time, in its order; with {@code onlyResolvable}, what can be fetched. */
    static List<NpmRequirement> ofRelease(NpmPackument.Release release) {
        return ofRelease(release, true);
    }

    static List<NpmRequirement> ofRelease(NpmPackument.Release release, boolean onlyResolvable) {
        List<NpmRequirement> requirements = new ArrayList<>();
        for (Map<String, String> kind : List.of(release.dependencies(), release.optionalDependencies())) {
            kind.forEach((key, spec) -> {
                if (requirements.size()
                        < NpmRangeReader.MAX_DEPENDENCIES_PER_RELEASE) { // a registry's document is not trusted
                    requirements.add(of(key, spec));
                }
            });
        }
        return onlyResolvable
                ? requirements.stream().filter(NpmRequirement::resolvable).toList()
                : requirements;
    }

    /** The file's own requirements of one kind; an invalid name is bad input, as npm itself refuses the file. */
    static List<NpmRequirement> ofManifest(CheckInput.Manifest manifest, JsonNode root, String kind) {
        List<NpmRequirement> requirements = new ArrayList<>();
        for (Map.Entry<String, JsonNode> dependency : JsonManifest.fields(root.get(kind))) {
            NpmRequirement requirement =
                    of(dependency.getKey(), dependency.getValue().asText(""));
            if (!NpmNames.valid(requirement.name())) {
                throw Malformed.manifest(
                        manifest,
                        "\"" + Malformed.echo(requirement.name()) + "\" in " + kind
                                + " is not a valid npm package name (" + NpmNames.RULE + ")");
            }
            requirements.add(requirement);
        }
        return requirements;
    }
}
