package com.architectbot.licence.policy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file (JSON) over a base policy. Every key is optional:
 * <pre>{@code
 * {
 *   "model": "saas",
 *   "categories": { "weak-copyleft": "ok", "strong-copyleft": { "saas": "blocker" } },
 *   "licences":   { "allow": ["LGPL-2.1-*"], "review": ["MPL-2.0"], "deny": ["WTFPL"] },
 *   "packages":   { "allow": ["pkg:maven/com.mycorp/*"], "deny": ["pkg:npm/event-stream@3.3.6"] }
 * }
 * }</pre>
 * A category's verdict is one for every model or an object per model. {@code "licenses"} is accepted for
 * {@code "licences"}. Unknown keys and values are rejected with the path to fix, not ignored.
 */
public final class LicencePolicyFile {

    static final String DEFAULTS_RESOURCE = "/licence/licence-policy-defaults.json";
    private static final Set<String> TOP_LEVEL =
            Set.of("model", "categories", "licences", "licenses", "packages", "comment");
    private static final Map<String, Verdict> RULE_LISTS =
            Map.of("allow", Verdict.OK, "review", Verdict.REVIEW, "deny", Verdict.BLOCKER);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LicencePolicyFile() {}

    private static final class Holder {
        private static final LicencePolicy DEFAULTS = loadDefaults();
    }

    static LicencePolicy defaults() {
        return Holder.DEFAULTS;
    }

    /**
     * @throws PermanentFailure when the file cannot be read or says something we do not understand; the
     *     user message names the file and the key
     */
    public static LicencePolicy read(Path file, LicencePolicy base) {
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            throw new PermanentFailure(
                    "Cannot read the policy file " + file + ": " + e.getMessage(),
                    "cannot read policy file " + file,
                    e);
        }
        return parse(content, base, file.toString());
    }

    /** The same, from text; {@code source} names it in messages and reports. */
    public static LicencePolicy parse(String content, LicencePolicy base, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw invalid(source, "is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid(source, "must be a JSON object");
        }
        return overlay(root, base, source);
    }

    private static LicencePolicy overlay(JsonNode root, LicencePolicy base, String source) {
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!TOP_LEVEL.contains(key)) {
                throw invalid(source, "has an unknown key '" + key + "'; use model, categories, licences, packages");
            }
        }
        DistributionModel model = base == null ? DistributionModel.DISTRIBUTED : base.model();
        if (root.has("model")) {
            String id = root.get("model").asText();
            model = DistributionModel.fromId(id)
                    .orElseThrow(() ->
                            invalid(source, "model '" + id + "' is unknown; use one of " + DistributionModel.ids()));
        }
        Map<LicenceCategory, Map<DistributionModel, Verdict>> categories = new EnumMap<>(LicenceCategory.class);
        if (base != null) {
            base.categoryVerdicts().forEach((category, verdicts) -> categories.put(category, new HashMap<>(verdicts)));
        }
        readCategories(root.path("categories"), categories, source);
        List<LicencePolicy.Rule> licenceRules = new ArrayList<>(base == null ? List.of() : base.licenceRules());
        JsonNode licences = root.has("licences") ? root.get("licences") : root.path("licenses");
        licenceRules.addAll(readRules(licences, "licences", source));
        List<LicencePolicy.Rule> packageRules = new ArrayList<>(base == null ? List.of() : base.packageRules());
        packageRules.addAll(readRules(root.path("packages"), "packages", source));
        try {
            return new LicencePolicy(model, categories, licenceRules, packageRules, source);
        } catch (IllegalArgumentException e) {
            throw invalid(source, e.getMessage());
        }
    }

    private static void readCategories(
            JsonNode node, Map<LicenceCategory, Map<DistributionModel, Verdict>> into, String source) {
        if (node.isMissingNode()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            LicenceCategory category = LicenceCategory.fromId(entry.getKey())
                    .orElseThrow(() -> invalid(
                            source,
                            "categories." + entry.getKey() + " is not a category; use one of " + categoryIds()));
            Map<DistributionModel, Verdict> verdicts = into.computeIfAbsent(category, c -> new HashMap<>());
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                Verdict verdict = verdict(value.asText(), "categories." + entry.getKey(), source);
                for (DistributionModel model : DistributionModel.values()) {
                    verdicts.put(model, verdict);
                }
                continue;
            }
            for (Map.Entry<String, JsonNode> perModel : value.properties()) {
                String path = "categories." + entry.getKey() + "." + perModel.getKey();
                DistributionModel model = DistributionModel.fromId(perModel.getKey())
                        .orElseThrow(() -> invalid(
                                source,
                                path + ": '" + perModel.getKey() + "' is not a model; use one of "
                                        + DistributionModel.ids()));
                verdicts.put(model, verdict(perModel.getValue().asText(), path, source));
            }
        }
    }

    private static List<LicencePolicy.Rule> readRules(JsonNode node, String section, String source) {
        List<LicencePolicy.Rule> rules = new ArrayList<>();
        if (node.isMissingNode()) {
            return rules;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Verdict verdict = RULE_LISTS.get(entry.getKey());
            if (verdict == null || !entry.getValue().isArray()) {
                throw invalid(
                        source, section + "." + entry.getKey() + " must be one of allow, review, deny, each a list");
            }
            entry.getValue()
                    .forEach(pattern ->
                            rules.add(new LicencePolicy.Rule(pattern.asText().strip(), verdict)));
        }
        return rules;
    }

    private static Verdict verdict(String id, String path, String source) {
        return Verdict.fromId(id)
                .orElseThrow(
                        () -> invalid(source, path + ": '" + id + "' is not a verdict; use ok, review or blocker"));
    }

    private static String categoryIds() {
        return String.join(
                ", ",
                java.util.Arrays.stream(LicenceCategory.values())
                        .map(LicenceCategory::id)
                        .toList());
    }

    private static PermanentFailure invalid(String source, String problem) {
        String message = "Policy " + source + " " + problem + ".";
        return new PermanentFailure(message, message, null);
    }

    private static LicencePolicy loadDefaults() {
        try (InputStream in = LicencePolicyFile.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), null, "defaults");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }
}
