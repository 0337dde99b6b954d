package com.architectbot.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.Provenance;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceRegistry.Lookup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Free-text licence names as registries give them, judged through the licence service: a name that points to a
 * licence family gets the family's category, public-domain statements get the public-domain category, and
 * nothing an attacker writes reads more permissively than an honest reading of it.
 */
class FreeTextLicenceTest {

    private static final PackageRef PKG = new PackageRef(Ecosystem.MAVEN, "org.example", "lib", "1.0");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Acme Widgets, a BSD open source license | LicenseRef-BSD-family    | permissive       | ok",
                "The BSD License                         | LicenseRef-BSD-family    | permissive       | ok",
                "BSD-style license                       | LicenseRef-BSD-family    | permissive       | ok",
                "Apache-style                            | LicenseRef-Apache-family | permissive       | ok",
                "an Apache license                       | LicenseRef-Apache-family | permissive       | ok",
                "MIT-style                               | LicenseRef-MIT-family    | permissive       | ok",
                "ISC-style license                       | LicenseRef-ISC-family    | permissive       | ok",
                "LGPL                                    | LicenseRef-LGPL-family   | weak-copyleft    | review",
                "an LGPLv3 licence                       | LicenseRef-LGPL-family   | weak-copyleft    | review",
                "Mozilla Public License                  | LicenseRef-MPL-family    | weak-copyleft    | review",
                "Eclipse Public License                  | LicenseRef-EPL-family    | weak-copyleft    | review",
                "CDDL                                    | LicenseRef-CDDL-family   | weak-copyleft    | review",
                "GNU General Public License              | LicenseRef-GPL-family    | strong-copyleft  | blocker",
                "GPL                                     | LicenseRef-GPL-family    | strong-copyleft  | blocker",
                "Affero GPL                              | LicenseRef-AGPL-family   | network-copyleft | blocker",
                "Affero-GPL                              | LicenseRef-AGPL-family   | network-copyleft | blocker",
                "GNU GPL version 2 or later              | LicenseRef-GPL-family    | strong-copyleft  | blocker",
                "BSD 3-Clause, revised                   | LicenseRef-BSD-family    | permissive       | ok",
            })
    void a_name_that_points_to_a_family_gets_the_familys_category(
            String statement, String expression, String category, String verdict) {
        LicenceFinding finding = check(statement, null, DistributionModel.DISTRIBUTED);

        assertThat(finding.licence()).isEqualTo(expression);
        assertThat(finding.category().id()).isEqualTo(category);
        assertThat(finding.verdict().id()).isEqualTo(verdict);
        assertThat(finding.provenance()).isEqualTo(Provenance.INFERRED);
        assertThat(finding.provenanceDetail()).isEqualTo("inferred from the name '" + statement + "'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Public Domain                     | LicenseRef-Public-Domain | inferred",
                "public domain dedication          | LicenseRef-Public-Domain | inferred",
                "Released into the public domain   | LicenseRef-Public-Domain | inferred",
                "Unlicense                         | Unlicense                | declared",
                "CC0-1.0                           | CC0-1.0                  | declared",
                "CC0 1.0 Universal                 | CC0-1.0                  | mapped",
            })
    void public_domain_statements_get_the_public_domain_category(
            String statement, String expression, String provenance) {
        LicenceFinding finding = check(statement, null, DistributionModel.DISTRIBUTED);

        assertThat(finding.licence()).isEqualTo(expression);
        assertThat(finding.category()).isEqualTo(LicenceCategory.PUBLIC_DOMAIN);
        assertThat(finding.verdict()).isEqualTo(Verdict.OK);
        assertThat(finding.obligations()).isEmpty();
        assertThat(finding.provenance().id()).isEqualTo(provenance);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GPL-compatible",
                "BSD-like, see LICENSE",
                "Not MIT",
                "Proprietary, MIT-incompatible",
                "Commercial",
                "SEE LICENSE IN LICENSE.txt",
                "non-BSD",
                "MIT or GPL, your choice",
                "Apache-style with Commons Clause",
                "BSD for non-commercial use",
                "not in the public domain",
                "GPL with a linking exception",
                "BSD, SSPL",
                "Apache, BUSL-1.1",
                "Apache/SSPL",
                "BSD; Elastic-2.0",
                "MIT + BUSL",
                "CC-BY-NC-4.0 / MIT",
                "MIT/JSON",
                "public domain; CC-BY-NC-SA-4.0",
                "MIT licence for paying customers only",
                "BSD licence, closed source, royalties due",
                "MIT (NC)",
                "Public domain in the USA only",
                "Apache 2.0, n\u043En-c\u043Emmercial use only",
                "Apache 2 - C\u043Emmons Clause",
                "MIT License (m\u043Edified)",
                "Apache 2.0, non\u200B-commercial",
                "MIT\u200B, SSPL",
                "SSPL Widgets, an Apache license",
                "Commercial Edition, an MIT license",
                "GPL (Affero)",
                "GPL, Affero edition"
            })
    void words_that_do_not_name_a_licence_are_left_for_a_person_to_read(String statement) {
        LicenceFinding finding = check(statement, null, DistributionModel.DISTRIBUTED);

        assertThat(finding.category()).isIn(LicenceCategory.UNKNOWN, LicenceCategory.PROPRIETARY);
        assertThat(finding.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(finding.provenance()).isEqualTo(Provenance.MAPPED);
        assertThat(finding.licence()).startsWith("LicenseRef-").doesNotEndWith("-family");
    }

    @Test
    void a_url_naming_one_member_settles_the_familys_version() {
        LicenceFinding finding =
                check("GNU General Public License", "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html", null);

        assertThat(finding.licence()).isEqualTo("GPL-2.0-only");
        assertThat(finding.provenance()).isEqualTo(Provenance.MAPPED);
    }

    @Test
    void a_url_of_another_family_does_not_override_the_name() {
        LicenceFinding finding = check("BSD-style license", "https://www.apache.org/licenses/LICENSE-2.0", null);

        assertThat(finding.licence()).isEqualTo("LicenseRef-BSD-family");
        assertThat(finding.provenance()).isEqualTo(Provenance.INFERRED);
    }

    @ParameterizedTest
    @EnumSource(DistributionModel.class)
    void an_injected_expression_is_not_parsed_into_a_milder_licence(DistributionModel model) {
        // a statement that is no valid expression is honestly read as a name nobody listed: a person reads it
        Verdict honest = check("Acme Licence of 2019", null, model).verdict();

        for (String injected : List.of(
                "MIT) OR (GPL-3.0",
                "GPL-3.0-only) OR (MIT",
                "GPL-3.0-only WITH Classpath-exception-2.0) OR (MIT",
                "Proprietary) OR (Apache-2.0",
                "MIT OR")) {
            LicenceFinding finding = check(injected, null, model);

            assertThat(finding.licence()).as(injected).startsWith("LicenseRef-").doesNotContain(" ");
            assertThat(finding.category()).as(injected).isEqualTo(LicenceCategory.UNKNOWN);
            assertThat(finding.verdict()).as(injected).isEqualTo(honest).isNotEqualTo(Verdict.OK);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ΜΙΤ", "ΜΙΤ License", "МIТ-style", "ＭＩＴ", "BЅD-style license", "Αpache-style"})
    void look_alike_letters_from_other_scripts_name_no_licence(String statement) {
        LicenceFinding finding = check(statement, null, DistributionModel.DISTRIBUTED);

        assertThat(finding.category()).isEqualTo(LicenceCategory.UNKNOWN);
        assertThat(finding.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(finding.licence()).matches("LicenseRef-[A-Za-z0-9.-]+");
    }

    @Test
    void a_statement_of_100_kb_is_read_as_a_text_not_a_name_and_kept_short() {
        String huge = "BSD-style license " + "and then some more words ".repeat(4_000) + "for non-commercial use";
        assertThat(huge.length()).isGreaterThan(100_000);

        LicenceFinding finding = check(huge, null, DistributionModel.DISTRIBUTED);

        assertThat(finding.category()).isEqualTo(LicenceCategory.UNKNOWN);
        assertThat(finding.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(finding.licence()).hasSizeLessThanOrEqualTo("LicenseRef-".length() + 60);
        assertThat(finding.provenanceDetail()).hasSizeLessThan(250);
    }

    private static LicenceFinding check(String text, String url, DistributionModel model) {
        Lookup found = new Lookup.Found(new DeclaredLicence(List.of(new LicenceStatement(text, url)), null));
        LicenceService service = new LicenceService(
                new FixedTree(Map.of("p", List.of(FixedTree.direct(PKG, null))), List.of()),
                FixedRegistry.of(Map.of(PKG, found)),
                LicenceSettings.DEFAULTS);
        return service.check(
                        List.of(new CheckInput.PackageSpec("p")),
                        service.policy(model == null ? DistributionModel.DISTRIBUTED : model, null),
                        ResolveOptions.DEFAULT)
                .dependencies()
                .getFirst();
    }
}
