package com.architectbot.licence.source;

import static com.architectbot.licence.source.MavenRegistryTest.found;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.LicenceRegistry.Lookup;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.architectbot.testing.FakeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PypiRegistryTest {

    private final FakeRegistry pypi = FakeRegistry.serving("pypi");
    private final Registries registries = new Registries(TestSettings.allAt(pypi.baseUri()));

    @AfterEach
    void stop() {
        pypi.close();
    }

    @Test
    void the_licence_expression_comes_first() {
        // when
        Lookup lookup = registries.lookup(pypi("packaging", "24.2"));
        // then
        assertThat(found(lookup).statements())
                .containsExactly(new LicenceStatement("Apache-2.0 OR BSD-2-Clause", null));
        assertThat(pypi.requests()).containsExactly("/pypi/packaging/24.2/json");
    }

    @Test
    void a_short_licence_field_is_taken_before_the_classifiers() {
        // when
        Lookup lookup = registries.lookup(pypi("Requests", "2.31.0"));
        // then
        assertThat(found(lookup).statements()).containsExactly(new LicenceStatement("Apache 2.0", null));
        assertThat(pypi.requests()).containsExactly("/pypi/requests/2.31.0/json");
    }

    @Test
    void a_licence_field_holding_the_whole_text_gives_way_to_the_classifiers() {
        // when
        Lookup lookup = registries.lookup(pypi("numpy", "1.26.4"));
        // then
        assertThat(found(lookup).statements()).containsExactly(new LicenceStatement("BSD License", null));
    }

    @Test
    void classifiers_are_read_when_the_licence_field_says_unknown() {
        // when
        Lookup lookup = registries.lookup(pypi("example_classifiers.only", "1.0.0"));
        // then
        assertThat(found(lookup).statements())
                .containsExactly(new LicenceStatement("GNU General Public License v3 or later (GPLv3+)", null));
    }

    @Test
    void the_first_line_of_a_pasted_licence_text_is_kept_when_nothing_else_is_declared() {
        // given a document with the whole licence text and no classifiers
        String json = """
                {"info": {"license": "Copyright (c) 2024 Someone\\n\\nPermission is hereby granted, free of charge, to any person obtaining a copy\\nof this software...", "classifiers": []}}""";
        // when
        var licence = PypiRegistry.licence(readTree(json));
        // then
        assertThat(licence.statements()).containsExactly(new LicenceStatement("Copyright (c) 2024 Someone", null));
    }

    @Test
    void an_unknown_release_is_unknown_with_the_reason() {
        // when
        Lookup lookup = registries.lookup(pypi("requests", "0.0.1"));
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("not found in PyPI"));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JsonDocuments.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static PackageRef pypi(String name, String version) {
        return new PackageRef(Ecosystem.PYPI, null, name, version);
    }
}
