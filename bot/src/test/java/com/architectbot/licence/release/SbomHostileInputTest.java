package com.architectbot.licence.release;

import static com.architectbot.licence.release.SbomReports.STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Provenance;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Names, versions and licence texts come from manifests and registries: whatever they hold, both SBOMs stay
 * valid JSON that their schemas accept, carry the text as it was, and no text becomes structure or an id.
 */
class SbomHostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NASTY = "q\"uote' back\\slash\nnew\rline\t</script><img src=x onerror=alert(1)>"
            + " \u2028\u2029 \u202Eevil ünïcødé 😀 SPDXRef-DOCUMENT \u0000\u001f";
    private static final String LONG = "x".repeat(10_000);
    /** A name as a hostile manifest could make one; PackageRef encodes only %, @ and spaces. */
    private static final String HOSTILE_PURL =
            new PackageRef(Ecosystem.NPM, "@sc\"ope", "n" + NASTY + LONG, "1.0.0" + NASTY).purl();
    /** Not even a Package URL, and written to close the JSON around it. */
    private static final String BROKEN_PURL = "pkg:npm/x@1\"}],\"evil\":{\"a\":\"</script>";

    /** Nested past what the expression parser takes, and longer than any expression may be. */
    private static final String DEEP = "(".repeat(3_000) + "MIT" + ")".repeat(3_000);

    private static final String LICENCE_WORDS = "Licence '" + NASTY + "' " + LONG;

    @Test
    void hostile_names_and_licence_texts_give_a_cyclonedx_bom_its_schema_accepts_with_the_text_intact()
            throws Exception {
        String bom = CycloneDxSbom.render(hostileReport(), STAMP);

        assertThat(SbomSchemas.cycloneDxErrors(bom)).isEmpty();
        assertSafeForHtml(bom);
        JsonNode root = JSON.readTree(bom);
        assertThat(root.properties()).extracting(e -> e.getKey()).doesNotContain("evil");
        assertThat(root.get("components")).hasSize(4);
        var components = CycloneDxSbomTest.components(bom);
        assertThat(components.get(HOSTILE_PURL).get("bom-ref").asText()).isEqualTo(HOSTILE_PURL);
        assertThat(components.get(HOSTILE_PURL).at("/licenses/0/license/name").asText())
                .isEqualTo(LICENCE_WORDS);
        assertThat(components.get(BROKEN_PURL).has("purl")).isFalse();
        assertThat(components.get(BROKEN_PURL).get("name").asText()).isEqualTo(BROKEN_PURL);
    }

    @Test
    void a_licence_that_is_no_spdx_expression_is_never_written_as_one() throws Exception {
        var components = CycloneDxSbomTest.components(CycloneDxSbom.render(hostileReport(), STAMP));
        var packages = SpdxSbomTest.packages(SpdxSbom.render(hostileReport(), STAMP));

        assertThat(components.get(BROKEN_PURL).at("/licenses/0/license/name").asText())
                .isEqualTo("MIT) OR (\"x\" AND " + NASTY);
        assertThat(components.get(BROKEN_PURL).at("/licenses/0").has("expression"))
                .isFalse();
        JsonNode broken = packages.values().stream()
                .filter(p -> p.get("name").asText().equals(BROKEN_PURL))
                .findFirst()
                .orElseThrow();
        assertThat(broken.get("licenseDeclared").asText()).isEqualTo("NOASSERTION");
        assertThat(broken.get("licenseComments").asText()).isEqualTo("Stated as: MIT) OR (\"x\" AND " + NASTY);
        assertThat(broken.has("externalRefs")).isFalse();
    }

    @Test
    void hostile_names_give_an_spdx_document_its_schema_accepts_with_safe_unique_ids() throws Exception {
        String document = SpdxSbom.render(hostileReport(), STAMP);

        assertThat(SbomSchemas.spdxErrors(document)).isEmpty();
        assertSafeForHtml(document);
        JsonNode root = JSON.readTree(document);
        Set<String> ids = new HashSet<>();
        List<String> idList = new ArrayList<>();
        root.get("packages").forEach(p -> {
            ids.add(p.get("SPDXID").asText());
            idList.add(p.get("SPDXID").asText());
        });
        assertThat(idList)
                .hasSize(ids.size())
                .allMatch(id -> SpdxSbomTest.SPDX_ID.matcher(id).matches());
        assertThat(idList).allMatch(id -> id.length() <= "SPDXRef-Package-".length() + SpdxIds.MAX_ID_STRING + 3);
        ids.add("SPDXRef-DOCUMENT");
        root.get("relationships").forEach(r -> {
            assertThat(ids).contains(r.get("relatedSpdxElement").asText());
            assertThat(r.get("spdxElementId").asText())
                    .isIn(ids.toArray())
                    .isNotEqualTo(r.get("relatedSpdxElement").asText());
        });
        assertThat(root.get("documentNamespace").asText()).doesNotContain(" ", "\n", "\"");
        // the name as the purl gives it, or the purl itself when a Package URL parser refuses it
        assertThat(root.get("packages"))
                .anySatisfy(p -> assertThat(p.get("name").asText()).isIn("@sc\"ope/n" + NASTY + LONG, HOSTILE_PURL));
        assertThat(root.at("/hasExtractedLicensingInfos/0/extractedText").asText())
                .isEqualTo(LICENCE_WORDS);
    }

    @Test
    void a_hostile_subject_stays_a_name_and_a_safe_namespace() throws Exception {
        SbomStamp stamp = new SbomStamp("pom.xml\"/../" + NASTY + LONG, STAMP.created(), STAMP.serial());

        String document = SpdxSbom.render(hostileReport(), stamp);
        String bom = CycloneDxSbom.render(hostileReport(), stamp);

        assertThat(SbomSchemas.spdxErrors(document)).isEmpty();
        assertThat(SbomSchemas.cycloneDxErrors(bom)).isEmpty();
        assertThat(JSON.readTree(bom).at("/metadata/component/name").asText()).isEqualTo(stamp.subject());
        assertThat(JSON.readTree(document).get("documentNamespace").asText())
                .matches("https://spdx\\.org/spdxdocs/architect-bot-[A-Za-z0-9.-]{1,80}-" + STAMP.serial());
    }

    private static void assertSafeForHtml(String json) {
        assertThat(json).doesNotContain("</script>", "<img", "\u2028", "\u2029");
    }

    private static LicenceReport hostileReport() {
        return SbomReports.report(List.of(
                SbomReports.finding(
                        HOSTILE_PURL,
                        "LicenseRef-Evil",
                        "LicenseRef-Evil",
                        LicenceCategory.UNKNOWN,
                        Verdict.REVIEW,
                        Provenance.MAPPED,
                        "mapped from '" + LICENCE_WORDS + "'",
                        List.of()),
                SbomReports.finding(
                        BROKEN_PURL,
                        "MIT) OR (\"x\" AND " + NASTY,
                        null,
                        LicenceCategory.UNKNOWN,
                        Verdict.REVIEW,
                        Provenance.MAPPED,
                        "",
                        List.of(HOSTILE_PURL)),
                SbomReports.ok("pkg:npm/fine@1.0.0", "MIT", "MIT", Provenance.DECLARED, "", List.of(BROKEN_PURL)),
                SbomReports.ok("pkg:npm/deep@1.0.0", DEEP, DEEP, Provenance.DECLARED, "", List.of())));
    }
}
