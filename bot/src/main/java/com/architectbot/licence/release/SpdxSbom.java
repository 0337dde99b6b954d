package com.architectbot.licence.release;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.architectbot.licence.spdx.LicenceExpression;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A licence report as an SPDX 2.3 JSON document. The document DESCRIBES the checked subject, which
 * DEPENDS_ON its direct dependencies, and so on down the findings' paths. Each package has its declared
 * expression ({@code licenseDeclared}), the option the verdict rests on ({@code licenseConcluded}), its purl
 * as a PACKAGE-MANAGER reference and the verdict as a REVIEW annotation; an unknown or unreadable licence is
 * NOASSERTION. Every {@code LicenseRef-} used is declared in {@code hasExtractedLicensingInfos} with the
 * registry's words when the report has them. Output is sorted by purl; only the stamp differs between runs.
 */
public final class SpdxSbom {

    static final String NOASSERTION = "NOASSERTION";
    static final String SUBJECT_ID = "SPDXRef-Subject";
    static final String TOOL = "Tool: architect-bot";
    static final String NAMESPACE_BASE = "https://spdx.org/spdxdocs/architect-bot-";
    static final String TEXT_NOT_AVAILABLE = "The package's metadata names this licence without its text.";

    private SpdxSbom() {}

    /** The report as a new document, made now, of an unnamed subject. */
    public static String render(LicenceReport report) {
        return render(report, SbomStamp.now(null));
    }

    public static String render(LicenceReport report, SbomStamp stamp) {
        SbomContents contents = SbomContents.of(report);
        Map<String, String> ids = SpdxIds.forPackages(contents.entries());
        ObjectNode document = SbomJson.mapper().createObjectNode();
        document.put("spdxVersion", "SPDX-2.3");
        document.put("dataLicense", "CC0-1.0");
        document.put("SPDXID", "SPDXRef-DOCUMENT");
        document.put("name", "Licence check of " + stamp.subject());
        document.put(
                "documentNamespace",
                NAMESPACE_BASE + SpdxIds.idString(stamp.subject(), "check") + "-" + stamp.serial());
        creationInfo(document.putObject("creationInfo"), report, stamp);
        ArrayNode packages = document.putArray("packages");
        subject(packages.addObject(), stamp);
        contents.entries()
                .forEach(entry ->
                        pkg(packages.addObject(), entry, ids.get(entry.pkg().purl()), report, stamp));
        extractedLicences(document, contents);
        relationships(document.putArray("relationships"), contents, ids);
        return SbomJson.write(document);
    }

    private static void creationInfo(ObjectNode info, LicenceReport report, SbomStamp stamp) {
        info.put("created", stamp.created().toString());
        info.putArray("creators").add(TOOL);
        if (report.listVersion() != null) {
            info.put("licenseListVersion", report.listVersion().replaceFirst("^(\\d+\\.\\d+)\\..*$", "$1"));
        }
    }

    private static void subject(ObjectNode pkg, SbomStamp stamp) {
        pkg.put("SPDXID", SUBJECT_ID);
        pkg.put("name", stamp.subject());
        unknownOrigin(pkg);
        pkg.put("licenseConcluded", NOASSERTION);
        pkg.put("licenseDeclared", NOASSERTION);
    }

    private static void pkg(
            ObjectNode pkg, SbomContents.Entry entry, String id, LicenceReport report, SbomStamp stamp) {
        pkg.put("SPDXID", id);
        pkg.put("name", entry.pkg().fullName());
        if (entry.pkg().version() != null) {
            pkg.put("versionInfo", entry.pkg().version());
        }
        unknownOrigin(pkg);
        pkg.put("licenseConcluded", expression(entry.licence().chosen()));
        pkg.put("licenseDeclared", expression(entry.licence().declared()));
        comment(pkg, entry);
        pkg.put("primaryPackagePurpose", "LIBRARY");
        if (entry.pkg().validPurl()) {
            pkg.putArray("externalRefs")
                    .addObject()
                    .put("referenceCategory", "PACKAGE-MANAGER")
                    .put("referenceType", "purl")
                    .put("referenceLocator", entry.pkg().purl());
        }
        pkg.putArray("annotations")
                .addObject()
                .put("annotationDate", stamp.created().toString())
                .put("annotationType", "REVIEW")
                .put("annotator", TOOL)
                .put("comment", verdict(entry.finding(), report));
    }

    /** We read registries' metadata, not the packages: where they come from and their files are not asserted. */
    private static void unknownOrigin(ObjectNode pkg) {
        pkg.put("downloadLocation", NOASSERTION);
        pkg.put("filesAnalyzed", false);
        pkg.put("copyrightText", NOASSERTION);
    }

    private static String expression(LicenceExpression expression) {
        return expression != null && SbomLicence.fitsSpdx2(expression) ? expression.toString() : NOASSERTION;
    }

    private static void comment(ObjectNode pkg, SbomContents.Entry entry) {
        String unreadable = entry.licence().unreadable();
        String detail = entry.finding().provenanceDetail();
        if (unreadable != null) {
            pkg.put("licenseComments", "Stated as: " + unreadable);
        } else if (!detail.isEmpty()) {
            pkg.put("licenseComments", detail);
        }
    }

    private static String verdict(LicenceFinding finding, LicenceReport report) {
        String obligations = finding.obligations().stream().map(Obligation::id).collect(Collectors.joining(", "));
        return "architect-bot verdict: " + finding.verdict().id() + "; category: "
                + finding.category().id()
                + "; provenance: " + finding.provenance().id() + "; policy: "
                + report.model().id()
                + (obligations.isEmpty() ? "" : "; obligations: " + obligations);
    }

    private static void extractedLicences(ObjectNode document, SbomContents contents) {
        SortedMap<String, String> words = new TreeMap<>();
        for (SbomContents.Entry entry : contents.entries()) {
            entry.licence()
                    .references()
                    .forEach(id -> words.putIfAbsent(id, entry.licence().originalText()));
        }
        if (words.isEmpty()) {
            return;
        }
        ArrayNode infos = document.putArray("hasExtractedLicensingInfos");
        words.forEach((id, text) -> infos.addObject()
                .put("licenseId", id)
                .put("name", text != null ? text : id)
                .put("extractedText", text != null ? text : TEXT_NOT_AVAILABLE));
    }

    private static void relationships(ArrayNode relationships, SbomContents contents, Map<String, String> ids) {
        relationship(relationships, "SPDXRef-DOCUMENT", "DESCRIBES", SUBJECT_ID);
        contents.direct().forEach(purl -> relationship(relationships, SUBJECT_ID, "DEPENDS_ON", ids.get(purl)));
        contents.children()
                .forEach((parent, children) -> children.forEach(
                        child -> relationship(relationships, ids.get(parent), "DEPENDS_ON", ids.get(child))));
    }

    private static void relationship(ArrayNode relationships, String from, String type, String to) {
        relationships
                .addObject()
                .put("spdxElementId", from)
                .put("relationshipType", type)
                .put("relatedSpdxElement", to);
    }
}
