package com.architectbot.licence.release;

import static com.architectbot.licence.release.SbomReports.AGPL;
import static com.architectbot.licence.release.SbomReports.CUSTOM;
import static com.architectbot.licence.release.SbomReports.DUAL;
import static com.architectbot.licence.release.SbomReports.JCL;
import static com.architectbot.licence.release.SbomReports.SCOPED;
import static com.architectbot.licence.release.SbomReports.SPRING;
import static com.architectbot.licence.release.SbomReports.STAMP;
import static com.architectbot.licence.release.SbomReports.UNKNOWN;
import static com.architectbot.licence.release.SbomReports.WORDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Provenance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpdxSbomTest {

    static final Pattern SPDX_ID = Pattern.compile("SPDXRef-[A-Za-z0-9.-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_report_becomes_an_spdx_2_3_document_that_the_official_schema_accepts() throws Exception {
        String document = SpdxSbom.render(SbomReports.mixed(), STAMP);

        assertThat(SbomSchemas.spdxErrors(document)).isEmpty();
        JsonNode root = JSON.readTree(document);
        assertThat(root.get("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(root.get("dataLicense").asText()).isEqualTo("CC0-1.0");
        assertThat(root.get("SPDXID").asText()).isEqualTo("SPDXRef-DOCUMENT");
        assertThat(root.get("documentNamespace").asText())
                .isEqualTo("https://spdx.org/spdxdocs/architect-bot-pom.xml-3e671687-395b-41f5-a30f-a58921a69b79");
        assertThat(root.at("/creationInfo/created").asText()).isEqualTo("2026-12-03T10:15:30Z");
        assertThat(root.at("/creationInfo/creators/0").asText()).isEqualTo("Tool: architect-bot");
        assertThat(root.at("/creationInfo/licenseListVersion").asText()).isEqualTo("3.28");
        assertThat(root.get("packages")).hasSize(9);
    }

    @Test
    void the_schema_check_can_fail_a_document_without_its_namespace() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(SpdxSbom.render(SbomReports.mixed(), STAMP));
        document.remove("documentNamespace");
        ((ObjectNode) document.get("packages").get(1)).put("filesAnalyzed", "no");

        assertThat(SbomSchemas.spdxErrors(document.toString())).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void packages_carry_name_version_purl_and_noassertion_for_what_was_not_looked_at() throws Exception {
        Map<String, JsonNode> packages = packages(SpdxSbom.render(SbomReports.mixed(), STAMP));

        JsonNode spring = packages.get(SPRING);
        assertThat(spring.get("name").asText()).isEqualTo("org.springframework:spring-core");
        assertThat(spring.get("versionInfo").asText()).isEqualTo("6.1.3");
        assertThat(spring.get("downloadLocation").asText()).isEqualTo("NOASSERTION");
        assertThat(spring.get("filesAnalyzed").asBoolean(true)).isFalse();
        assertThat(spring.at("/externalRefs/0/referenceCategory").asText()).isEqualTo("PACKAGE-MANAGER");
        assertThat(spring.at("/externalRefs/0/referenceType").asText()).isEqualTo("purl");
        assertThat(packages.get(SCOPED).get("name").asText()).isEqualTo("@acme/widget");
    }

    @Test
    void declared_is_the_whole_expression_concluded_the_chosen_option_and_unknown_is_noassertion() throws Exception {
        Map<String, JsonNode> packages = packages(SpdxSbom.render(SbomReports.mixed(), STAMP));

        assertThat(packages.get(DUAL).get("licenseDeclared").asText()).isEqualTo("MIT OR GPL-3.0-only");
        assertThat(packages.get(DUAL).get("licenseConcluded").asText()).isEqualTo("MIT");
        assertThat(packages.get(UNKNOWN).get("licenseDeclared").asText()).isEqualTo("NOASSERTION");
        assertThat(packages.get(UNKNOWN).get("licenseConcluded").asText()).isEqualTo("NOASSERTION");
        assertThat(packages.get(UNKNOWN).get("licenseComments").asText())
                .isEqualTo("the registry declares no licence for it");
        assertThat(packages.get(AGPL).at("/annotations/0/annotationType").asText())
                .isEqualTo("REVIEW");
        assertThat(packages.get(AGPL).at("/annotations/0/comment").asText())
                .startsWith("architect-bot verdict: blocker; category: network-copyleft; provenance: declared;"
                        + " policy: distributed");
    }

    @Test
    void every_licence_ref_used_is_declared_with_the_registrys_words_when_known() throws Exception {
        JsonNode root = JSON.readTree(SpdxSbom.render(SbomReports.mixed(), STAMP));

        Map<String, JsonNode> declared = new HashMap<>();
        root.get("hasExtractedLicensingInfos")
                .forEach(info -> declared.put(info.get("licenseId").asText(), info));
        assertThat(declared).containsOnlyKeys("LicenseRef-Apache-style", "LicenseRef-Custom");
        assertThat(declared.get("LicenseRef-Apache-style").get("name").asText()).isEqualTo("Apache-style");
        assertThat(declared.get("LicenseRef-Apache-style").get("extractedText").asText())
                .isEqualTo("Apache-style");
        assertThat(declared.get("LicenseRef-Custom").get("extractedText").asText())
                .isEqualTo(SpdxSbom.TEXT_NOT_AVAILABLE);
        assertThat(licenceRefsUsed(root)).isEqualTo(declared.keySet());
    }

    @Test
    void the_document_describes_the_subject_which_depends_on_the_direct_dependencies() throws Exception {
        String document = SpdxSbom.render(SbomReports.mixed(), STAMP);
        Map<String, JsonNode> packages = packages(document);
        List<String> relationships = new ArrayList<>();
        JSON.readTree(document)
                .get("relationships")
                .forEach(r -> relationships.add(r.get("spdxElementId").asText() + " "
                        + r.get("relationshipType").asText() + " "
                        + r.get("relatedSpdxElement").asText()));

        assertThat(relationships)
                .contains(
                        "SPDXRef-DOCUMENT DESCRIBES SPDXRef-Subject",
                        "SPDXRef-Subject DEPENDS_ON " + id(packages, SPRING),
                        id(packages, SPRING) + " DEPENDS_ON " + id(packages, JCL),
                        id(packages, SCOPED) + " DEPENDS_ON " + id(packages, DUAL),
                        id(packages, SCOPED) + " DEPENDS_ON " + id(packages, AGPL))
                .hasSize(1 + 5 + 3);
        assertThat(id(packages, CUSTOM)).isEqualTo("SPDXRef-Package-custom-3.0.0");
        assertThat(id(packages, WORDS)).isEqualTo("SPDXRef-Package-com.example-styled-0.9");
    }

    @Test
    void names_that_reduce_to_the_same_id_get_distinct_ids() throws Exception {
        LicenceReport report = SbomReports.report(List.of(
                SbomReports.ok("pkg:npm/a_b@1.0.0", "MIT", "MIT", Provenance.DECLARED, "", List.of()),
                SbomReports.ok("pkg:npm/a%2Bb@1.0.0", "MIT", "MIT", Provenance.DECLARED, "", List.of())));

        Map<String, JsonNode> packages = packages(SpdxSbom.render(report, STAMP));

        assertThat(id(packages, "pkg:npm/a%2Bb@1.0.0")).isEqualTo("SPDXRef-Package-a-b-1.0.0");
        assertThat(id(packages, "pkg:npm/a_b@1.0.0")).isEqualTo("SPDXRef-Package-a-b-1.0.0-2");
    }

    @Test
    void a_licence_naming_another_document_is_noassertion_in_spdx_2_3() throws Exception {
        String external = "DocumentRef-other:LicenseRef-theirs";
        LicenceReport report = SbomReports.report(
                List.of(SbomReports.ok("pkg:npm/x@1.0.0", external, external, Provenance.DECLARED, "", List.of())));

        String document = SpdxSbom.render(report, STAMP);

        assertThat(SbomSchemas.spdxErrors(document)).isEmpty();
        assertThat(packages(document)
                        .get("pkg:npm/x@1.0.0")
                        .get("licenseDeclared")
                        .asText())
                .isEqualTo("NOASSERTION");
        assertThat(JSON.readTree(document).has("hasExtractedLicensingInfos")).isFalse();
        assertThat(CycloneDxSbomTest.components(CycloneDxSbom.render(report, STAMP))
                        .get("pkg:npm/x@1.0.0")
                        .at("/licenses/0/expression")
                        .asText())
                .isEqualTo(external);
    }

    @Test
    void the_same_report_gives_the_same_document_apart_from_its_stamp() {
        LicenceReport report = SbomReports.mixed();
        List<LicenceFinding> reversed = new ArrayList<>(report.dependencies()).reversed();
        LicenceReport reordered = new LicenceReport(
                report.model(), report.policySource(), report.listVersion(), reversed, report.problems());
        UUID other = UUID.randomUUID();

        String first = SpdxSbom.render(report, STAMP);
        String second =
                SpdxSbom.render(reordered, new SbomStamp("pom.xml", Instant.parse("2027-01-01T00:00:00Z"), other));

        assertThat(second.replace(other.toString(), STAMP.serial().toString())
                        .replace("2027-01-01T00:00:00Z", "2026-12-03T10:15:30Z"))
                .isEqualTo(first);
    }

    static Map<String, JsonNode> packages(String document) throws Exception {
        Map<String, JsonNode> byPurl = new HashMap<>();
        for (JsonNode pkg : JSON.readTree(document).get("packages")) {
            String purl = pkg.at("/externalRefs/0/referenceLocator")
                    .asText(pkg.get("SPDXID").asText());
            byPurl.put(purl.isEmpty() ? pkg.get("SPDXID").asText() : purl, pkg);
        }
        return byPurl;
    }

    /** Every LicenseRef in a package's declared or concluded licence. */
    static Set<String> licenceRefsUsed(JsonNode document) {
        Set<String> used = new HashSet<>();
        Pattern ref = Pattern.compile("LicenseRef-[A-Za-z0-9.-]+");
        for (JsonNode pkg : document.get("packages")) {
            for (String field : List.of("licenseDeclared", "licenseConcluded")) {
                ref.matcher(pkg.get(field).asText()).results().forEach(m -> used.add(m.group()));
            }
        }
        return used;
    }

    private static String id(Map<String, JsonNode> packages, String purl) {
        return packages.get(purl).get("SPDXID").asText();
    }
}
