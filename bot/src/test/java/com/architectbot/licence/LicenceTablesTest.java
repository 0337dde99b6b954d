package com.architectbot.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.LicenceCategory;
import com.architectbot.licence.policy.LicenceCategories;
import com.architectbot.licence.spdx.LicenceExpression;
import com.architectbot.licence.spdx.SpdxCatalogue;
import com.architectbot.licence.spdx.SpdxExpressionParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resource tables agree with each other and with the SPDX list. */
class LicenceTablesTest {

    private final SpdxExpressionParser parser = new SpdxExpressionParser(SpdxCatalogue.bundled());
    private final LicenceCategories categories = LicenceCategories.bundled();

    @Test
    void every_licence_the_alias_table_maps_to_has_a_category() {
        List<String> uncategorised = LicenceAliases.bundled(parser)
                .targets()
                .flatMap(LicenceExpression::terms)
                .map(term -> term.licence().id())
                .filter(id -> categories.of(id) == LicenceCategory.UNKNOWN)
                .distinct()
                .toList();

        assertThat(uncategorised).isEmpty();
    }

    @Test
    void the_licences_people_meet_most_are_categorised_as_expected() {
        assertThat(categories.of("Apache-2.0")).isEqualTo(LicenceCategory.PERMISSIVE);
        assertThat(categories.of("BSD-3-Clause-Clear")).isEqualTo(LicenceCategory.PERMISSIVE);
        assertThat(categories.of("LGPL-2.1-or-later")).isEqualTo(LicenceCategory.WEAK_COPYLEFT);
        assertThat(categories.of("EPL-2.0")).isEqualTo(LicenceCategory.WEAK_COPYLEFT);
        assertThat(categories.of("GPL-3.0-only")).isEqualTo(LicenceCategory.STRONG_COPYLEFT);
        assertThat(categories.of("AGPL-3.0-or-later")).isEqualTo(LicenceCategory.NETWORK_COPYLEFT);
        assertThat(categories.of("OSL-3.0")).isEqualTo(LicenceCategory.NETWORK_COPYLEFT);
        assertThat(categories.of("CC-BY-NC-SA-4.0")).isEqualTo(LicenceCategory.SOURCE_AVAILABLE);
        assertThat(categories.of("CC0-1.0")).isEqualTo(LicenceCategory.PUBLIC_DOMAIN);
        assertThat(categories.of("LicenseRef-SEE-LICENSE-IN-LICENSE")).isEqualTo(LicenceCategory.UNKNOWN);
    }

    @Test
    void most_of_the_spdx_list_is_categorised() {
        SpdxCatalogue catalogue = SpdxCatalogue.bundled();
        long categorisedListed = catalogue.licences().stream()
                .filter(licence -> !licence.deprecated())
                .filter(licence -> categories.of(licence.id()) != LicenceCategory.UNKNOWN)
                .count();

        // most of the list is categorised; the rest is "unknown" (review), never silently permissive
        assertThat(categorisedListed).isGreaterThan(350);
    }
}
