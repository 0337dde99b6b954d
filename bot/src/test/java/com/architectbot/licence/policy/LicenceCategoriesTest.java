package com.architectbot.licence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.spdx.SpdxCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenceCategoriesTest {

    @Test
    void every_id_in_the_category_table_is_on_the_spdx_list_or_one_of_our_references() {
        SpdxCatalogue catalogue = SpdxCatalogue.bundled();

        List<String> strangers = LicenceCategories.bundled().exactIds().stream()
                .filter(id -> !id.startsWith("licenseref-"))
                .filter(id -> catalogue.licenceId(id).isEmpty()
                        && catalogue.exceptionId(id).isEmpty())
                .sorted()
                .toList();

        assertThat(strangers).isEmpty();
    }
}
