package com.architectbot.licence;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The licence report as JSON: a public contract (CI pipelines parse it), so the shape is written out
 * here field by field rather than derived from the records:
 * <pre>{@code
 * {"policy": "saas",
 *  "dependencies": [{"purl": "...", "license": "MIT OR Apache-2.0" | null, "category": "permissive",
 *                    "verdict": "ok" | "review" | "blocker", "obligations": ["attribution"],
 *                    "provenance": "declared" | "inherited" | "mapped" | "unknown",
 *                    "direct": true, "path": ["pkg:..."]}],
 *  "summary": {"total": 1, "ok": 1, "review": 0, "blocker": 0, "unknown": 0,
 *              "problems": [{"subject": "pkg:...", "reason": "..."}]}}
 * }</pre>
 * {@code license} is the package's whole SPDX expression; {@code path} runs from the direct dependency
 * down to the package's parent and is empty for a direct dependency.
 */
public final class LicenceReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LicenceReportJson() {}

    public static String render(LicenceReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("policy", report.model().id());
        ArrayNode dependencies = root.putArray("dependencies");
        report.dependencies().forEach(finding -> dependency(dependencies.addObject(), finding));
        summary(root.putObject("summary"), report);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static void dependency(ObjectNode node, LicenceFinding finding) {
        node.put("purl", finding.purl());
        node.put("license", finding.licence());
        node.put("category", finding.category().id());
        node.put("verdict", finding.verdict().id());
        ArrayNode obligations = node.putArray("obligations");
        finding.obligations().stream().map(Obligation::id).forEach(obligations::add);
        node.put("provenance", finding.provenance().id());
        node.put("direct", finding.direct());
        ArrayNode path = node.putArray("path");
        finding.path().forEach(path::add);
    }

    private static void summary(ObjectNode node, LicenceReport report) {
        LicenceReport.Summary summary = report.summary();
        node.put("total", summary.total());
        node.put("ok", summary.ok());
        node.put("review", summary.review());
        node.put("blocker", summary.blocker());
        node.put("unknown", summary.unknown());
        ArrayNode problems = node.putArray("problems");
        report.problems()
                .forEach(p -> problems.addObject().put("subject", p.subject()).put("reason", p.reason()));
    }
}
