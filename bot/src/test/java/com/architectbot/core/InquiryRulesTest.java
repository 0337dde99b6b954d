package com.architectbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.licence.manifest.ManifestResolver;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InquiryRulesTest {

    private final InquiryRules rules = new InquiryRules(ManifestResolver.names());

    private InquiryRules.Decision decide(String text, boolean privately, InquiryFile... files) {
        return rules.decide(new InquiryRules.Message(Surface.SLACK, text, List.of(files), privately));
    }

    private static InquiryFile file(String name) {
        return new InquiryFile(name, URI.create("slack-file:F" + Math.abs(name.hashCode())));
    }

    @Test
    void a_licence_check_naming_nothing_gets_the_help_not_a_failed_check() {
        assertThat(decide("license-check", false)).isEqualTo(new InquiryRules.Accept(InquiryKind.HELP, "", List.of()));
        assertThat(decide("/licence-check   ", true))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.HELP, "", List.of()));
        assertThat(decide("license-check", false, file("pom.xml")))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.LICENCE_CHECK, "", List.of(file("pom.xml"))));
    }

    @ParameterizedTest
    @EnumSource(
            value = Surface.class,
            names = {"SLACK", "TEAMS"})
    void an_empty_message_gets_the_help_on_every_surface(Surface surface) {
        assertThat(rules.decide(new InquiryRules.Message(surface, "  ", List.of(), false)))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.HELP, "", List.of()));
    }

    @Test
    void help_forget_and_license_check_are_commands_and_the_rest_is_a_question() {
        assertThat(decide(" HELP ", false)).isEqualTo(new InquiryRules.Accept(InquiryKind.HELP, "", List.of()));
        assertThat(decide("forget", false)).isEqualTo(new InquiryRules.Accept(InquiryKind.FORGET, "", List.of()));
        assertThat(decide("license-check pkg:npm/left-pad@1.3.0 --policy saas", false))
                .isEqualTo(new InquiryRules.Accept(
                        InquiryKind.LICENCE_CHECK, "pkg:npm/left-pad@1.3.0 --policy saas", List.of()));
        assertThat(decide("/licence-check a:b:1", false))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.LICENCE_CHECK, "a:b:1", List.of()));
        assertThat(decide("should we forget about Kafka?", false))
                .isEqualTo(
                        new InquiryRules.Accept(InquiryKind.CONSULTATION, "should we forget about Kafka?", List.of()));
        assertThat(decide("license-checking is next week", false))
                .isEqualTo(
                        new InquiryRules.Accept(InquiryKind.CONSULTATION, "license-checking is next week", List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"usage", "settings licence-policy saas", "export", "forget-me", "erase-all-data confirm"})
    void a_private_command_where_others_read_along_is_refused_and_pointed_to_a_private_place(String text) {
        var decision = decide(text, false);

        assertThat(decision).isInstanceOf(InquiryRules.Refuse.class);
        assertThat(((InquiryRules.Refuse) decision).userMessage())
                .contains("only answer it in private")
                .contains("/architect " + text.split(" ")[0]);
    }

    @Test
    void a_private_command_in_a_private_conversation_is_taken_with_its_arguments() {
        assertThat(decide("settings licence-policy saas", true))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.SETTINGS, "licence-policy saas", List.of()));
        assertThat(decide("export", true)).isEqualTo(new InquiryRules.Accept(InquiryKind.EXPORT, "", List.of()));
    }

    @Test
    void a_teams_refusal_points_to_the_personal_chat() {
        var decision = rules.decide(new InquiryRules.Message(Surface.TEAMS, "usage", List.of(), false));

        assertThat(((InquiryRules.Refuse) decision).userMessage())
                .endsWith("open a personal chat with me and type usage.");
    }

    @Test
    void a_manifest_means_a_licence_check_of_the_manifests_only_whatever_the_text() {
        var pom = file("pom.xml");

        assertThat(decide("--policy distributed", true, pom, file("screenshot.png")))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.LICENCE_CHECK, "--policy distributed", List.of(pom)));
        assertThat(decide("help", false, pom))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.LICENCE_CHECK, "help", List.of(pom)));
        assertThat(decide("license-check --policy saas", false, pom))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.LICENCE_CHECK, "--policy saas", List.of(pom)));
    }

    @Test
    void at_most_five_manifests_are_checked_from_one_message() {
        var files = IntStream.range(0, 7)
                .mapToObj(i -> file("requirements-" + i + ".txt"))
                .toArray(InquiryFile[]::new);

        var decision = (InquiryRules.Accept) decide("", true, files);

        assertThat(decision.files())
                .hasSize(InquiryRules.MAX_FILES)
                .containsExactly(List.of(files).subList(0, 5).toArray(InquiryFile[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yarn.lock", "poetry.lock", "composer.json", "composer.lock", "notes.txt", ""})
    void files_no_reader_understands_get_the_list_of_supported_files(String name) {
        for (String text : List.of("", "license-check", "/licence-check --policy saas")) {
            var decision = decide(text, true, file(name));

            assertThat(decision).isInstanceOf(InquiryRules.Refuse.class);
            assertThat(((InquiryRules.Refuse) decision).userMessage())
                    .contains("pom.xml, package.json, package-lock.json, requirements.txt, go.mod");
        }
    }

    @Test
    void a_question_sent_with_a_file_that_is_no_manifest_or_picture_is_answered_as_the_question() {
        assertThat(decide("How should we scale this design?", false, file("notes.txt")))
                .isEqualTo(new InquiryRules.Accept(
                        InquiryKind.CONSULTATION, "How should we scale this design?", List.of()));
        assertThat(decide("help", true, file("notes.txt")))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.HELP, "", List.of()));
    }

    @Test
    void a_question_sent_with_pictures_is_a_consultation_about_them() {
        assertThat(decide("How should we scale this design?", false, file("diagram.png"), file("notes.txt")))
                .isEqualTo(new InquiryRules.Accept(
                        InquiryKind.CONSULTATION, "How should we scale this design?", List.of(file("diagram.png"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"diagram.PNG", "photo.jpeg", "c4.webp", "flow.gif", "design.pdf", "orders.svg"})
    void pictures_sent_alone_are_a_request_to_review_them(String name) {
        assertThat(decide("", false, file(name)))
                .isEqualTo(new InquiryRules.Accept(
                        InquiryKind.CONSULTATION, InquiryRules.REVIEW_PICTURES, List.of(file(name))));
    }

    @Test
    void a_pasted_image_without_a_name_is_known_by_the_type_the_platform_claims() {
        var pasted = new InquiryFile("", URI.create("https://smba.trafficmanager.net/a/1"), "image/*");

        assertThat(decide("what breaks first?", false, pasted))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.CONSULTATION, "what breaks first?", List.of(pasted)));
    }

    @Test
    void a_manifest_beside_pictures_still_means_a_licence_check_and_a_command_beside_them_the_command() {
        assertThat(decide("", false, file("diagram.png"), file("pom.xml")))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.LICENCE_CHECK, "", List.of(file("pom.xml"))));
        assertThat(decide("forget", false, file("diagram.png")))
                .isEqualTo(new InquiryRules.Accept(InquiryKind.FORGET, "", List.of()));
        assertThat(decide("license-check", false, file("diagram.png"))).isInstanceOf(InquiryRules.Refuse.class);
    }

    @Test
    void a_flood_of_pictures_records_a_bounded_number_of_references() {
        InquiryFile[] files = IntStream.range(0, 500)
                .mapToObj(i -> file("shot-" + i + ".png"))
                .toArray(InquiryFile[]::new);

        var accepted = (InquiryRules.Accept) decide("", false, files);

        assertThat(accepted.files()).hasSize(InquiryRules.MAX_PICTURE_FILES);
        assertThat(accepted.files().getFirst()).isEqualTo(files[0]);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pom.xml",
                "package.json",
                "package-lock.json",
                "requirements-dev.txt",
                "go.mod",
                "Cargo.toml",
                "Cargo.lock",
                "build.gradle.kts",
                "bom.cdx.json",
                "sbom.spdx.json"
            })
    void every_file_a_reader_understands_is_a_manifest(String name) {
        assertThat(decide("", false, file(name))).isInstanceOf(InquiryRules.Accept.class);
    }
}
