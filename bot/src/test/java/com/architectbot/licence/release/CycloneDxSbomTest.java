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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CycloneDxSbomTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_report_becomes_a_cyclonedx_1_6_bom_that_the_official_schema_accepts() throws Exception {
        String bom = CycloneDxSbom.render(SbomReports.mixed(), STAMP);

        assertThat(SbomSchemas.cycloneDxErrors(bom)).isEmpty();
        JsonNode root = JSON.readTree(bom);
        assertThat(root.get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(root.get("specVersion").asText()).isEqualTo("1.6");
        assertThat(root.get("serialNumber").asText()).isEqualTo("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        JsonNode metadata = root.get("metadata");
        assertThat(metadata.get("timestamp").asText()).isEqualTo("2026-12-03T10:15:30Z");
        assertThat(metadata.at("/tools/components/0/name").asText()).isEqualTo("Architect Bot");
        assertThat(metadata.at("/component/name").asText()).isEqualTo("pom.xml");
        assertThat(properties(metadata))
                .containsEntry("architect-bot:policy", List.of("distributed"))
                .containsEntry("architect-bot:problem", List.of("build.gradle: dynamic versions were skipped"));
    }

    @Test
    void the_schema_check_can_fail_a_licence_ref_in_the_enum_checked_id() throws Exception {
        ObjectNode bom = (ObjectNode) JSON.readTree(CycloneDxSbom.render(SbomReports.mixed(), STAMP));
        ObjectNode first = (ObjectNode) bom.get("components").get(0);
        first.putArray("licenses").addObject().putObject("license").put("id", "LicenseRef-Apache-style");

        assertThat(SbomSchemas.cycloneDxErrors(bom.toString())).isNotEmpty();
    }

    @Test
    void packages_are_libraries_with_group_name_version_purl_and_their_purl_as_bom_ref() throws Exception {
        Map<String, JsonNode> components = components(CycloneDxSbom.render(SbomReports.mixed(), STAMP));

        assertThat(components).hasSize(8);
        JsonNode spring = components.get(SPRING);
        assertThat(spring.get("type").asText()).isEqualTo("library");
        assertThat(spring.get("group").asText()).isEqualTo("org.springframework");
        assertThat(spring.get("name").asText()).isEqualTo("spring-core");
        assertThat(spring.get("version").asText()).isEqualTo("6.1.3");
        assertThat(spring.get("purl").asText()).isEqualTo(SPRING);
        JsonNode scoped = components.get(SCOPED);
        assertThat(scoped.get("group").asText()).isEqualTo("@acme");
        assertThat(scoped.get("name").asText()).isEqualTo("widget");
        assertThat(components.get(DUAL).has("group")).isFalse();
    }

    @Test
    void licences_are_spdx_expressions_words_stay_words_and_an_unknown_licence_has_none() throws Exception {
        Map<String, JsonNode> components = components(CycloneDxSbom.render(SbomReports.mixed(), STAMP));

        assertThat(components.get(SPRING).at("/licenses/0/expression").asText()).isEqualTo("Apache-2.0");
        assertThat(components.get(DUAL).get("licenses")).hasSize(1);
        assertThat(components.get(DUAL).at("/licenses/0/expression").asText()).isEqualTo("MIT OR GPL-3.0-only");
        assertThat(components.get(CUSTOM).at("/licenses/0/expression").asText()).isEqualTo("MIT AND LicenseRef-Custom");
        assertThat(components.get(WORDS).at("/licenses/0/license/name").asText())
                .isEqualTo("Apache-style");
        assertThat(components.get(WORDS).at("/licenses/0/license").has("id")).isFalse();
        assertThat(components.get(UNKNOWN).has("licenses")).isFalse();
    }

    @Test
    void a_licence_newer_than_the_schemas_own_spdx_list_still_validates() {
        // OSSP is in the SPDX list we bundle (3.28) but not in the id enum of the CycloneDX schema we validate with
        LicenceReport report = SbomReports.report(List.of(
                SbomReports.ok("pkg:npm/ossp-thing@1.0.0", "OSSP", "OSSP", Provenance.DECLARED, "", List.of())));

        String bom = CycloneDxSbom.render(report, STAMP);

        assertThat(SbomSchemas.cycloneDxErrors(bom)).isEmpty();
        assertThat(bom).contains("\"expression\" : \"OSSP\"");
    }

    @Test
    void verdict_category_provenance_and_policy_are_properties_of_each_component() throws Exception {
        Map<String, JsonNode> components = components(CycloneDxSbom.render(SbomReports.mixed(), STAMP));

        assertThat(properties(components.get(AGPL)))
                .containsEntry("architect-bot:verdict", List.of("blocker"))
                .containsEntry("architect-bot:category", List.of("network-copyleft"))
                .containsEntry("architect-bot:provenance", List.of("declared"))
                .containsEntry("architect-bot:policy", List.of("distributed"));
        assertThat(properties(components.get(DUAL))).containsEntry("architect-bot:chosen-licence", List.of("MIT"));
        assertThat(properties(components.get(UNKNOWN)))
                .containsEntry("architect-bot:provenance", List.of("unknown"))
                .containsEntry("architect-bot:provenance-detail", List.of("the registry declares no licence for it"));
    }

    @Test
    void direct_dependencies_hang_off_the_subject_and_the_others_off_their_parent() throws Exception {
        JsonNode dependencies =
                JSON.readTree(CycloneDxSbom.render(SbomReports.mixed(), STAMP)).get("dependencies");
        Map<String, List<String>> graph = new HashMap<>();
        dependencies.forEach(d -> graph.put(d.get("ref").asText(), texts(d.get("dependsOn"))));

        assertThat(graph.get(CycloneDxSbom.SUBJECT_REF))
                .containsExactly(WORDS, SPRING, SCOPED, CUSTOM, UNKNOWN); // sorted by purl
        assertThat(graph.get(SPRING)).containsExactly(JCL);
        assertThat(graph.get(SCOPED)).containsExactly(AGPL, DUAL);
        assertThat(graph.get(JCL)).isEmpty();
        assertThat(graph).hasSize(9);
    }

    @Test
    void the_same_report_gives_the_same_bom_apart_from_its_stamp() {
        LicenceReport report = SbomReports.mixed();
        List<LicenceFinding> reversed = new ArrayList<>(report.dependencies()).reversed();
        LicenceReport reordered = new LicenceReport(
                report.model(), report.policySource(), report.listVersion(), reversed, report.problems());

        String first = CycloneDxSbom.render(report, STAMP);
        String second = CycloneDxSbom.render(
                reordered, new SbomStamp("pom.xml", Instant.parse("2027-01-01T00:00:00Z"), UUID.randomUUID()));

        assertThat(withoutStamp(second)).isEqualTo(withoutStamp(first));
        assertThat(second).isNotEqualTo(first);
    }

    private static String withoutStamp(String bom) {
        return bom.replaceAll("urn:uuid:[0-9a-f-]+", "").replaceAll("\"timestamp\" : \"[^\"]+\"", "");
    }

    static Map<String, JsonNode> components(String bom) throws Exception {
        Map<String, JsonNode> byRef = new HashMap<>();
        JSON.readTree(bom)
                .get("components")
                .forEach(c -> byRef.put(c.get("bom-ref").asText(), c));
        return byRef;
    }

    static Map<String, List<String>> properties(JsonNode owner) {
        Map<String, List<String>> properties = new HashMap<>();
        owner.get("properties")
                .forEach(p -> properties
                        .computeIfAbsent(p.get("name").asText(), n -> new ArrayList<>())
                        .add(p.get("value").asText()));
        return properties;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
