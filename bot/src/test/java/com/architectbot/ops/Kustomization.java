package com.architectbot.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the features {@code deploy/k8s} uses: resources
 * (files and other kustomizations), a namespace, labels on objects and pod templates, ConfigMaps generated from
 * literals (merged by overlays, named with a content hash that every reference follows), image names and tags,
 * and strategic-merge patches, including {@code $patch: delete}. Anything else fails, naming the field, so a
 * manifest change the renderer does not understand cannot pass unnoticed.
 */
final class Kustomization {

    private static final String[] FIELDS = {
        "apiVersion", "kind", "resources", "namespace", "labels", "configMapGenerator", "images", "patches"
    };
    /** The strategic-merge keys of the lists in our pod specs; other lists are replaced whole, as Kubernetes does. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers",
            "name",
            "env",
            "name",
            "ports",
            "name",
            "volumes",
            "name",
            "volumeMounts",
            "mountPath",
            "topologySpreadConstraints",
            "topologyKey");

    private final List<Map<String, Object>> objects = new ArrayList<>();
    private final Set<String> generated = new HashSet<>();

    private Kustomization() {}

    /** The objects the kustomization in {@code dir} renders to, generated ConfigMaps named with their hash. */
    static List<Map<String, Object>> render(Path dir) {
        Kustomization rendered = load(dir);
        rendered.nameGeneratedConfigMaps();
        return List.copyOf(rendered.objects);
    }

    private static Kustomization load(Path dir) {
        Map<String, Object> file = YamlTree.map(new Yaml().load(read(dir.resolve("kustomization.yaml"))));
        only(file, dir + "/kustomization.yaml", FIELDS);
        check("Kustomization".equals(file.get("kind")), dir + "/kustomization.yaml is not a Kustomization");
        Kustomization result = new Kustomization();
        for (String resource : YamlTree.strings(file.get("resources"))) {
            result.addResource(dir.resolve(resource).normalize());
        }
        YamlTree.maps(file.get("configMapGenerator")).forEach(result::generate);
        YamlTree.maps(file.get("patches")).forEach(patch -> result.patch(dir, patch));
        YamlTree.maps(file.get("labels")).forEach(result::label);
        if (file.get("namespace") instanceof String namespace) {
            result.objects.forEach(object -> YamlTree.child(object, "metadata").put("namespace", namespace));
        }
        YamlTree.maps(file.get("images")).forEach(result::retag);
        return result;
    }

    private void addResource(Path path) {
        if (Files.isDirectory(path)) {
            Kustomization base = load(path);
            objects.addAll(base.objects);
            generated.addAll(base.generated);
            return;
        }
        for (Object document : new Yaml().loadAll(read(path))) {
            objects.add(YamlTree.map(document));
        }
    }

    private void generate(Map<String, Object> generator) {
        only(generator, "configMapGenerator", "name", "literals", "behavior");
        String name = (String) generator.get("name");
        Map<String, Object> data = new TreeMap<>();
        for (String literal : YamlTree.strings(generator.get("literals"))) {
            int equals = literal.indexOf('=');
            check(equals > 0, "ConfigMap literal without a name: " + literal);
            data.put(literal.substring(0, equals), literal.substring(equals + 1));
        }
        String behavior = (String) generator.getOrDefault("behavior", "create");
        switch (behavior) {
            case "create" -> {
                check(find("ConfigMap", name) == null, "ConfigMap " + name + " is generated twice");
                objects.add(new LinkedHashMap<>(Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ConfigMap",
                        "metadata",
                        new LinkedHashMap<>(Map.of("name", name)),
                        "data",
                        data)));
                generated.add(name);
            }
            case "merge" -> {
                Map<String, Object> base = find("ConfigMap", name);
                check(base != null && generated.contains(name), "merge into ConfigMap " + name + ", never generated");
                YamlTree.child(base, "data").putAll(data);
            }
            default -> throw new IllegalStateException("configMapGenerator behavior " + behavior + " is unknown here");
        }
    }

    private void patch(Path dir, Map<String, Object> entry) {
        only(entry, "patches", "path", "patch");
        String text = entry.get("path") instanceof String path ? read(dir.resolve(path)) : (String) entry.get("patch");
        Map<String, Object> patch = YamlTree.map(new Yaml().load(text));
        String kind = (String) patch.get("kind");
        String name = (String) YamlTree.child(patch, "metadata").get("name");
        Map<String, Object> target = find(kind, name);
        check(target != null, "a patch for " + kind + " " + name + ", which the resources lack");
        if ("delete".equals(patch.get("$patch"))) {
            objects.remove(target);
        } else {
            StrategicMerge.into(target, patch, MERGE_KEYS);
        }
    }

    private void label(Map<String, Object> labels) {
        only(labels, "labels", "pairs", "includeSelectors", "includeTemplates");
        check(Boolean.FALSE.equals(labels.getOrDefault("includeSelectors", false)), "labels on selectors");
        Map<String, Object> pairs = YamlTree.child(labels, "pairs");
        boolean templates = Boolean.TRUE.equals(labels.get("includeTemplates"));
        for (Map<String, Object> object : objects) {
            YamlTree.child(YamlTree.child(object, "metadata"), "labels").putAll(pairs);
            if (templates && object.get("spec") instanceof Map<?, ?> spec && spec.get("template") != null) {
                Map<String, Object> template = YamlTree.child(YamlTree.map(spec), "template");
                YamlTree.child(YamlTree.child(template, "metadata"), "labels").putAll(pairs);
            }
        }
    }

    private void retag(Map<String, Object> image) {
        only(image, "images", "name", "newName", "newTag");
        String name = (String) image.get("name");
        if (image.get("newTag") == null) { // kustomize would keep the old tag; we pin every image explicitly
            throw new IllegalArgumentException("images entry " + name + " has no newTag");
        }
        String renamed = image.getOrDefault("newName", name) + ":" + image.get("newTag");
        for (Map<String, Object> container : containers()) {
            String current = (String) container.get("image");
            if (name.equals(current) || current.startsWith(name + ":")) {
                container.put("image", renamed);
            }
        }
    }

    /** A generated ConfigMap's name ends in a hash of its data, so that a changed value rolls the pods. */
    private void nameGeneratedConfigMaps() {
        Map<String, String> renamed = new TreeMap<>();
        for (String name : generated) {
            Map<String, Object> configMap = find("ConfigMap", name);
            String hashed = name + "-" + hash(String.valueOf(configMap.get("data")));
            YamlTree.child(configMap, "metadata").put("name", hashed);
            renamed.put(name, hashed);
        }
        for (Map<String, Object> container : containers()) {
            for (Map<String, Object> from : YamlTree.maps(container.get("envFrom"))) {
                if (from.get("configMapRef") instanceof Map<?, ?> ref && renamed.containsKey(ref.get("name"))) {
                    YamlTree.map(ref).put("name", renamed.get(ref.get("name")));
                }
            }
        }
    }

    private List<Map<String, Object>> containers() {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            if (object.get("spec") instanceof Map<?, ?> spec && spec.get("template") instanceof Map<?, ?> template) {
                containers.addAll(YamlTree.maps(
                        YamlTree.child(YamlTree.map(template), "spec").get("containers")));
            }
        }
        return containers;
    }

    private Map<String, Object> find(String kind, String name) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind")))
                .filter(object -> name.equals(YamlTree.child(object, "metadata").get("name")))
                .findFirst()
                .orElse(null);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Fails on a field of a {@code section} entry that the renderer would otherwise ignore. */
    private static void only(Map<String, Object> entry, String section, String... known) {
        Set<String> unknown = new HashSet<>(entry.keySet());
        unknown.removeAll(Set.of(known));
        check(unknown.isEmpty(), section + " uses fields this renderer does not know: " + unknown);
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
