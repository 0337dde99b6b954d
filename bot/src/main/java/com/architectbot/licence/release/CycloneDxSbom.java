package com.architectbot.licence.release;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * A licence report as a CycloneDX 1.6 JSON SBOM. Each package is a {@code library} component keyed by its
 * purl, with its licence and the check's verdict as {@code architect-bot:*} properties; the dependency graph
 * starts at the checked subject ({@code metadata.component}). A licence is written as an SPDX
 * {@code expression}, a single id too: the schema checks a {@code license.id} against its own copy of the
 * SPDX list, which lags the list we bundle. A {@code LicenseRef-} the registry stated in words is written as
 * a {@code license.name} with those words. Output is sorted by purl; only the stamp differs between runs.
 */
public final class CycloneDxSbom {

    static final String SPEC_VERSION = "1.6";
    static final String SCHEMA = "http://cyclonedx.org/schema/bom-1.6.schema.json";
    /** The subject's bom-ref; every package's is its purl, which starts with {@code pkg:}. */
    static final String SUBJECT_REF = "architect-bot:subject";

    static final String PREFIX = "architect-bot:";

    private CycloneDxSbom() {}

    /** The report as a new SBOM, made now, of an unnamed subject. */
    public static String render(LicenceReport report) {
        return render(report, SbomStamp.now(null));
    }

    public static String render(LicenceReport report, SbomStamp stamp) {
        SbomContents contents = SbomContents.of(report);
        ObjectNode bom = SbomJson.mapper().createObjectNode();
        bom.put("$schema", SCHEMA);
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", SPEC_VERSION);
        bom.put("serialNumber", "urn:uuid:" + stamp.serial());
        bom.put("version", 1);
        metadata(bom.putObject("metadata"), report, stamp);
        ArrayNode components = bom.putArray("components");
        contents.entries().forEach(entry -> component(components.addObject(), entry, report));
        dependencies(bom.putArray("dependencies"), contents);
        return SbomJson.write(bom);
    }

    private static void metadata(ObjectNode metadata, LicenceReport report, SbomStamp stamp) {
        metadata.put("timestamp", stamp.created().toString());
        metadata.putObject("tools")
                .putArray("components")
                .addObject()
                .put("type", "application")
                .put("name", "Architect Bot");
        metadata.putObject("component")
                .put("type", "application")
                .put("bom-ref", SUBJECT_REF)
                .put("name", stamp.subject());
        ArrayNode properties = metadata.putArray("properties");
        property(properties, "policy", report.model().id());
        if (report.listVersion() != null) {
            property(properties, "spdx-licence-list", report.listVersion());
        }
        report.problems().stream()
                .filter(problem -> problem.subject().isEmpty())
                .forEach(problem -> property(properties, "problem", problem.reason()));
    }

    private static void component(ObjectNode component, SbomContents.Entry entry, LicenceReport report) {
        SbomPackage pkg = entry.pkg();
        component.put("type", "library");
        component.put("bom-ref", pkg.purl());
        if (pkg.group() != null) {
            component.put("group", pkg.group());
        }
        component.put("name", pkg.name());
        if (pkg.version() != null) {
            component.put("version", pkg.version());
        }
        licences(component, entry.licence());
        if (pkg.validPurl()) {
            component.put("purl", pkg.purl());
        }
        properties(component.putArray("properties"), entry.finding(), report);
    }

    private static void licences(ObjectNode component, SbomLicence licence) {
        if (licence.unreadable() != null) {
            component.putArray("licenses").addObject().putObject("license").put("name", licence.unreadable());
        } else if (licence.isNamedReference()) {
            component
                    .putArray("licenses")
                    .addObject()
                    .putObject("license")
                    .put("name", licence.originalText())
                    .put("acknowledgement", "declared");
        } else if (licence.declared() != null) {
            component
                    .putArray("licenses")
                    .addObject()
                    .put("expression", licence.declared().toString())
                    .put("acknowledgement", "declared");
        }
    }

    private static void properties(ArrayNode properties, LicenceFinding finding, LicenceReport report) {
        property(properties, "verdict", finding.verdict().id());
        property(properties, "category", finding.category().id());
        property(properties, "provenance", finding.provenance().id());
        if (!finding.provenanceDetail().isEmpty()) {
            property(properties, "provenance-detail", finding.provenanceDetail());
        }
        property(properties, "policy", report.model().id());
        if (finding.chosen() != null) {
            property(properties, "chosen-licence", finding.chosen());
        }
        finding.obligations().stream().map(Obligation::id).forEach(id -> property(properties, "obligation", id));
    }

    private static void dependencies(ArrayNode dependencies, SbomContents contents) {
        dependency(dependencies, SUBJECT_REF, contents.direct());
        contents.entries()
                .forEach(entry -> dependency(
                        dependencies,
                        entry.pkg().purl(),
                        contents.childrenOf(entry.pkg().purl())));
    }

    private static void dependency(ArrayNode dependencies, String ref, Collection<String> dependsOn) {
        ObjectNode dependency = dependencies.addObject().put("ref", ref);
        ArrayNode targets = dependency.putArray("dependsOn");
        dependsOn.forEach(targets::add);
    }

    private static void property(ArrayNode properties, String name, String value) {
        properties.addObject().put("name", PREFIX + name).put("value", value);
    }
}
