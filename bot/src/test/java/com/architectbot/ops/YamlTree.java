package com.architectbot.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed views of the maps and lists SnakeYAML loads a manifest into. */
final class YamlTree {

    private YamlTree() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    /** A list of mappings; an absent list is empty. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node) {
        return node == null ? List.of() : (List<Map<String, Object>>) node;
    }

    /** A list of strings; an absent list is empty. */
    @SuppressWarnings("unchecked")
    static List<String> strings(Object node) {
        return node == null ? List.of() : (List<String>) node;
    }

    /** The mapping under {@code key}, added empty when absent: for writing into a manifest. */
    static Map<String, Object> child(Map<String, Object> node, String key) {
        return map(node.computeIfAbsent(key, absent -> new LinkedHashMap<String, Object>()));
    }
}
