package com.architectbot.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' strategic merge of a patch into an object: mappings merge key by key, a null value removes its key,
 * lists of mappings with a merge key merge item by item, and other lists are replaced whole.
 */
final class StrategicMerge {

    private StrategicMerge() {}

    /** Merges {@code patch} into {@code target}; {@code mergeKeys} names the merge key of each list field. */
    static void into(Map<String, Object> target, Map<String, Object> patch, Map<String, String> mergeKeys) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.startsWith("$")) {
                throw new IllegalStateException("the patch directive " + key + " is unknown here");
            } else if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> current) {
                into(YamlTree.map(current), YamlTree.map(map), mergeKeys);
            } else if (value instanceof List<?> && mergeKeys.containsKey(key) && target.get(key) instanceof List<?>) {
                target.put(
                        key,
                        mergeLists(
                                YamlTree.maps(target.get(key)), YamlTree.maps(value), mergeKeys.get(key), mergeKeys));
            } else {
                target.put(key, value);
            }
        }
    }

    private static List<Map<String, Object>> mergeLists(
            List<Map<String, Object>> current,
            List<Map<String, Object>> patch,
            String mergeKey,
            Map<String, String> mergeKeys) {
        List<Map<String, Object>> merged = new ArrayList<>(current);
        for (Map<String, Object> item : patch) {
            Object id = item.get(mergeKey);
            if (id == null) {
                throw new IllegalStateException("a patched list item without its merge key " + mergeKey + ": " + item);
            }
            merged.stream()
                    .filter(existing -> id.equals(existing.get(mergeKey)))
                    .findFirst()
                    .ifPresentOrElse(existing -> into(existing, item, mergeKeys), () -> merged.add(item));
        }
        return merged;
    }
}
