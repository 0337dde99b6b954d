package com.architectbot.licence.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.LicenceRegistry.Lookup;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.architectbot.testing.FakeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenRegistryTest {

    private final FakeRegistry central = FakeRegistry.serving("maven");
    private final Registries registries = new Registries(TestSettings.allAt(central.baseUri()));

    @AfterEach
    void stop() {
        central.close();
    }

    @Test
    void licence_declared_only_in_the_grandparent_is_inherited_from_it() {
        // when
        Lookup lookup = registries.lookup(maven("org.apache.commons", "commons-lang3", "3.14.0"));
        // then
        assertThat(lookup)
                .isEqualTo(new Lookup.Found(new DeclaredLicence(
                        List.of(new LicenceStatement("Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0.txt")),
                        maven("org.apache", "apache", "30"))));
        assertThat(central.requests())
                .containsExactly(
                        "/org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom",
                        "/org/apache/commons/commons-parent/64/commons-parent-64.pom",
                        "/org/apache/apache/30/apache-30.pom");
    }

    @Test
    void poms_the_resolver_already_cached_are_read_locally_and_the_rest_fetched(@TempDir Path cache)
            throws IOException {
        // given: the resolver cached the artifact and its parent, not the grandparent
        copyToCache(cache, "org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom");
        copyToCache(cache, "org/apache/commons/commons-parent/64/commons-parent-64.pom");
        try (var withCache = new Registries(TestSettings.allAt(central.baseUri()), cache)) {
            // when
            Lookup lookup = withCache.lookup(maven("org.apache.commons", "commons-lang3", "3.14.0"));
            // then: the same answer, one request instead of three
            assertThat(lookup).isEqualTo(registries.lookup(maven("org.apache.commons", "commons-lang3", "3.14.0")));
            assertThat(central.requests())
                    .startsWith("/org/apache/apache/30/apache-30.pom")
                    .hasSize(4);
        }
    }

    @Test
    void a_package_name_cannot_read_outside_the_cache(@TempDir Path root) throws IOException {
        // given: a POM outside the cache folder, named by a crafted artifact id
        Path cache = Files.createDirectories(root.resolve("cache"));
        Files.writeString(
                root.resolve("evil-1.pom"),
                "<project><licenses><license><name>MIT</name></license>" + "</licenses></project>");
        try (var withCache = new Registries(TestSettings.allAt(central.baseUri()), cache)) {
            // when
            Lookup lookup =
                    withCache.lookup(maven("a.b.c", "../../../evil", "1")); // a/b/c/../../../evil/1/../../../evil-1.pom
            // then: not read from disk; the registry was asked (and does not know it)
            assertThat(lookup).isInstanceOf(Lookup.Unknown.class);
        }
    }

    private static void copyToCache(Path cache, String path) throws IOException {
        Path target = cache.resolve(path);
        Files.createDirectories(target.getParent());
        try (InputStream in = MavenRegistryTest.class.getResourceAsStream("/registry/maven/" + path)) {
            Files.copy(in, target);
        }
    }

    @Test
    void a_relocation_is_followed_to_the_artifact_it_points_at() {
        // when
        Lookup lookup = registries.lookup(maven("mysql", "mysql-connector-java", "8.0.33"));
        // then
        assertThat(found(lookup).statements())
                .extracting(LicenceStatement::text)
                .containsExactly("The GNU General Public License, v2 with Universal FOSS Exception, v1.0");
        assertThat(found(lookup).inheritedFrom()).isNull();
        assertThat(central.requests())
                .last()
                .isEqualTo("/com/mysql/mysql-connector-j/8.0.33/mysql-connector-j-8.0.33.pom");
    }

    @Test
    void relocation_coordinates_may_use_properties() {
        // when
        Lookup lookup = registries.lookup(maven("com.example", "moved-by-property", "2.0"));
        // then
        assertThat(found(lookup).statements())
                .extracting(LicenceStatement::text)
                .containsExactly("The GNU General Public License, v2 with Universal FOSS Exception, v1.0");
    }

    @Test
    void several_license_elements_become_several_statements_in_order() {
        // when
        Lookup lookup = registries.lookup(maven("jakarta.annotation", "jakarta.annotation-api", "2.1.1"));
        // then
        assertThat(found(lookup).statements())
                .containsExactly(
                        new LicenceStatement("EPL 2.0", "http://www.eclipse.org/legal/epl-2.0"),
                        new LicenceStatement("GPL2 w/ CPE", "https://www.gnu.org/software/classpath/license.html"));
        assertThat(found(lookup).inheritedFrom()).isNull();
        assertThat(central.requests()).hasSize(1);
    }

    @Test
    void a_licence_with_only_a_url_keeps_the_url() {
        // when
        Lookup lookup = registries.lookup(maven("jaxen", "jaxen", "1.1.6"));
        // then
        assertThat(found(lookup).statements())
                .containsExactly(new LicenceStatement(null, "http://jaxen.codehaus.org/license.html"));
    }

    @Test
    void an_unknown_artifact_is_unknown_with_the_reason() {
        // when
        Lookup lookup = registries.lookup(maven("org.example", "no-such-artifact", "1.0"));
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("not found in Maven repository"));
    }

    @Test
    void a_missing_parent_pom_is_named_in_the_reason() {
        // when
        Lookup lookup = registries.lookup(maven("com.example", "orphan", "1.0"));
        // then
        assertThat(lookup)
                .isEqualTo(new Lookup.Unknown("parent POM com.example:missing-parent:1 not found in Maven repository"));
    }

    @Test
    void a_pom_with_a_doctype_is_refused_without_resolving_its_entities() {
        // when
        Lookup lookup = registries.lookup(maven("com.example", "xxe", "1.0"));
        // then
        assertThat(lookup).isInstanceOf(Lookup.Unknown.class);
        assertThat(((Lookup.Unknown) lookup).reason()).contains("could not be read");
    }

    static DeclaredLicence found(Lookup lookup) {
        assertThat(lookup).isInstanceOf(Lookup.Found.class);
        return ((Lookup.Found) lookup).licence();
    }

    private static PackageRef maven(String group, String artifact, String version) {
        return new PackageRef(Ecosystem.MAVEN, group, artifact, version);
    }
}
