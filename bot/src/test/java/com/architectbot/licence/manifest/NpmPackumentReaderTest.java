package com.architectbot.licence.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.source.JsonDocuments;
import com.architectbot.licence.source.RegistryHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A packument is reduced as it streams in: only dist-tags, requirements and licences are kept. */
class NpmPackumentReaderTest {

    @Test
    void a_full_packument_with_a_huge_readme_and_many_versions_is_kept_small() throws IOException {
        // given: 2,000 versions, each with a 1 KB description and tarball data, and a 5 MB README
        String packument = NpmDocuments.packument("big", 2_000, 5 * 1024 * 1024);
        // when
        NpmPackument reduced = read(packument);
        // then: every version, with its requirements and licence, and nothing else
        assertThat(reduced.versions()).hasSize(2_000);
        assertThat(reduced.distTags()).containsEntry("latest", "1.1999.0");
        NpmPackument.Release release = reduced.versions().get("1.5.0");
        assertThat(release.dependencies()).containsExactly(Map.entry("ms", "^2.1.0"));
        assertThat(release.optionalDependencies()).containsExactly(Map.entry("fsevents", "~2.3.0"));
        assertThat(release.licence()).containsExactly(new LicenceStatement("MIT", null));
        String kept = JsonDocuments.MAPPER.writeValueAsString(reduced);
        assertThat(packument.length()).isGreaterThan(7_000_000);
        assertThat(kept.length()).isLessThan(packument.length() / 20);
        assertThat(kept).doesNotContain("README", "tarball", "integrity", "ddd");
    }

    @Test
    void the_licence_is_read_from_a_string_an_object_or_the_legacy_array() throws IOException {
        // given
        String packument = """
                {"dist-tags": {"latest": "3.0.0"}, "versions": {
                  "1.0.0": {"licenses": [{"type": "MIT", "url": "https://x/MIT"}, {"type": "Apache-2.0"}]},
                  "2.0.0": {"license": {"type": "ISC", "url": "https://x/ISC"}},
                  "3.0.0": {"license": "BSD-3-Clause"},
                  "4.0.0": {"name": "none declared"}}}""";
        // when
        NpmPackument reduced = read(packument);
        // then
        assertThat(reduced.versions().get("1.0.0").licence())
                .containsExactly(
                        new LicenceStatement("MIT", "https://x/MIT"), new LicenceStatement("Apache-2.0", null));
        assertThat(reduced.versions().get("2.0.0").licence())
                .containsExactly(new LicenceStatement("ISC", "https://x/ISC"));
        assertThat(reduced.versions().get("3.0.0").declared().statements())
                .containsExactly(new LicenceStatement("BSD-3-Clause", null));
        assertThat(reduced.versions().get("4.0.0").declared()).isNull();
    }

    @Test
    void a_licence_of_a_megabyte_is_cut_and_marked() throws IOException {
        // given
        String packument = "{\"versions\": {\"1.0.0\": {\"license\": \"" + "GPL ".repeat(256 * 1024) + "\"}}}";
        // when
        NpmPackument.Release release = read(packument).versions().get("1.0.0");
        // then
        assertThat(release.licence().getFirst().text()).hasSizeLessThanOrEqualTo(NpmPackument.MAX_LICENCE_CHARS);
        assertThat(release.licenceCut()).isTrue();
    }

    @Test
    void deeply_nested_junk_inside_versions_is_skipped_or_refused_never_a_crash() throws IOException {
        // given: junk 400 levels deep in one version, 100,000 levels deep in another packument
        String shallow = "{\"versions\": {\"1.0.0\": {\"junk\": " + "[".repeat(400) + "]".repeat(400)
                + ", \"dependencies\": {\"ms\": \"^2.0.0\"}, \"license\": {\"type\": " + "{\"a\":".repeat(50) + "1"
                + "}".repeat(50) + "}}}}";
        String deep = "{\"versions\": {\"1.0.0\": {\"junk\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}}}";
        // when
        NpmPackument.Release release = read(shallow).versions().get("1.0.0");
        // then
        assertThat(release.dependencies()).containsEntry("ms", "^2.0.0");
        assertThat(release.licence()).isEmpty();
        assertThatThrownBy(() -> read(deep))
                .isInstanceOf(RegistryHttp.Unreadable.class)
                .hasMessage("the answer was not valid JSON");
    }

    @Test
    void an_answer_that_is_not_a_json_object_is_unreadable() {
        assertThatThrownBy(() -> read("<html>rate limited</html>"))
                .isInstanceOf(RegistryHttp.Unreadable.class)
                .hasMessage("the answer was not valid JSON");
        assertThatThrownBy(() -> read("[1, 2]"))
                .isInstanceOf(RegistryHttp.Unreadable.class)
                .hasMessage("the answer was not a JSON object");
    }

    private static NpmPackument read(String packument) throws IOException {
        return NpmPackumentReader.read(new ByteArrayInputStream(packument.getBytes(StandardCharsets.UTF_8)));
    }
}
