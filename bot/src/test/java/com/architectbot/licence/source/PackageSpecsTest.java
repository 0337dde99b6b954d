package com.architectbot.licence.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.PackageRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageSpecsTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "pkg:maven/org.apache.commons/commons-lang3@3.14.0, MAVEN, org.apache.commons, commons-lang3, 3.14.0",
                "pkg:npm/react@18.2.0,                              NPM,   null,               react,         18.2.0",
                "pkg:npm/%40scope/name@1.0.0,                       NPM,   @scope,             name,          1.0.0",
                "pkg:pypi/requests@2.31.0,                          PYPI,  null,               requests,      2.31.0",
                "pkg:cargo/serde@1.0.197,                           CARGO, null,               serde,         1.0.197",
                "pkg:golang/github.com/gorilla/mux@v1.8.0,          GOLANG, github.com/gorilla, mux,          v1.8.0",
                "pkg:nuget/Newtonsoft.Json@13.0.3,                  NUGET, null,               Newtonsoft.Json, 13.0.3",
                "org.apache.commons:commons-lang3:3.14.0,           MAVEN, org.apache.commons, commons-lang3, 3.14.0",
                "org.example:lib:jar:tests:1.2,                     MAVEN, org.example,        lib,           1.2",
                "react@18.2.0,                                      NPM,   null,               react,         18.2.0",
                "@anthropic-ai/claude-code@1.0.0,                   NPM,   @anthropic-ai,      claude-code,   1.0.0",
            })
    void accepted_forms_become_package_refs(
            String spec, Ecosystem ecosystem, String namespace, String name, String version) {
        // when
        PackageRef ref = PackageSpecs.parse(spec);
        // then
        assertThat(ref).isEqualTo(new PackageRef(ecosystem, namespace, name, version));
    }

    @Test
    void a_scoped_npm_ref_round_trips_through_its_purl() {
        // given
        PackageRef ref = PackageSpecs.parse("@scope/name@1.0.0");
        // when
        PackageRef again = PackageSpecs.parse(ref.purl());
        // then
        assertThat(ref.purl()).isEqualTo("pkg:npm/%40scope/name@1.0.0");
        assertThat(again).isEqualTo(ref);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "react",
                "react@",
                "@scope/name",
                "org.example:lib",
                "org.example::1.0",
                "a:b:c:d:e:f",
                "pkg:npm/react",
                "pkg:rubygems/rails@7.1.0",
                "pkg:",
                "pkg:maven/",
                "two words@1.0",
                "a/b@1.0",
                "..@1.0.0",
                "_private@1.0.0",
                "pkg:npm/%2e%2e@1.0.0",
                "@scope/<script>@1.0.0",
                "pkg:npm/a%3Fb@1.0.0"
            })
    void a_bad_spec_is_a_permanent_failure_that_shows_the_accepted_forms(String spec) {
        assertThatThrownBy(() -> PackageSpecs.parse(spec))
                .isInstanceOf(PermanentFailure.class)
                .satisfies(e -> assertThat(((PermanentFailure) e).userMessage())
                        .contains("Cannot read")
                        .contains("pkg:maven/org.apache.commons/commons-lang3@3.14.0")
                        .contains("org.apache.commons:commons-lang3:3.14.0")
                        .contains("@scope/name@1.0.0"));
    }

    @Test
    void an_unsupported_purl_type_names_the_supported_ones() {
        assertThatThrownBy(() -> PackageSpecs.parse("pkg:gem/rails@7.1.0"))
                .isInstanceOf(PermanentFailure.class)
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .asString()
                .contains("'gem' is not supported")
                .contains("maven, npm, pypi, cargo, golang, nuget");
    }
}
