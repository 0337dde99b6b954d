package com.architectbot.licence.policy;

import com.architectbot.core.report.LicenceCategory;
import com.architectbot.licence.spdx.TsvResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The category of every licence id, from {@code licence-categories.tsv}: exact ids first, then the
 * longest matching prefix ({@code GPL-*}); an id the table does not know is {@link LicenceCategory#UNKNOWN}.
 * What an exception does to a category is {@link LicenceExceptions}' job.
 */
public final class LicenceCategories {

    static final String RESOURCE = "/licence/licence-categories.tsv";

    private final Map<String, LicenceCategory> exact;
    private final List<Map.Entry<String, LicenceCategory>> prefixes;

    private LicenceCategories(Map<String, LicenceCategory> exact, List<Map.Entry<String, LicenceCategory>> prefixes) {
        this.exact = Map.copyOf(exact);
        this.prefixes = prefixes.stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, LicenceCategory> e) ->
                                e.getKey().length())
                        .reversed())
                .toList();
    }

    private static final class Holder {
        private static final LicenceCategories INSTANCE = load();
    }

    public static LicenceCategories bundled() {
        return Holder.INSTANCE;
    }

    public LicenceCategory of(String licenceId) {
        String key = lower(licenceId);
        LicenceCategory known = exact.get(key);
        if (known != null) {
            return known;
        }
        return prefixes.stream()
                .filter(prefix -> key.startsWith(prefix.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(LicenceCategory.UNKNOWN);
    }

    /** The ids the table names exactly (lower case): for consistency checks. */
    Set<String> exactIds() {
        return exact.keySet();
    }

    private static LicenceCategories load() {
        Map<String, LicenceCategory> exact = new HashMap<>();
        List<Map.Entry<String, LicenceCategory>> prefixes = new ArrayList<>();
        TsvResource.read(RESOURCE, (lineNumber, columns) -> {
            String pattern = lower(columns[0].strip());
            boolean prefix = pattern.endsWith("*");
            String key = prefix ? pattern.substring(0, pattern.length() - 1) : pattern;
            String value = columns.length == 2 ? columns[1].strip() : "";
            LicenceCategory category = LicenceCategory.fromId(value)
                    .orElseThrow(() -> new IllegalStateException(
                            RESOURCE + " line " + lineNumber + ": unknown category '" + value + "'"));
            if (prefix) {
                prefixes.add(Map.entry(key, category));
            } else {
                exact.put(key, category);
            }
        });
        return new LicenceCategories(exact, prefixes);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
