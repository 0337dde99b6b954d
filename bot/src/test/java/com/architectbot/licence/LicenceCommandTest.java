package com.architectbot.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.report.DistributionModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenceCommandTest {

    private static final CheckInput.Manifest POM = new CheckInput.Manifest("pom.xml", "<project/>");

    @Test
    void packages_and_options_are_read_from_the_chat_text() {
        LicenceCommand command = LicenceCommand.parse(
                "pkg:npm/react@18.2.0  org.slf4j:slf4j-api:2.0.17 --policy=saas --direct-only", List.of());

        assertThat(command.inputs())
                .containsExactly(
                        new CheckInput.PackageSpec("pkg:npm/react@18.2.0"),
                        new CheckInput.PackageSpec("org.slf4j:slf4j-api:2.0.17"));
        assertThat(command.model()).isEqualTo(DistributionModel.SAAS);
        assertThat(command.options().directOnly()).isTrue();
    }

    @Test
    void the_words_sent_with_a_file_are_a_message_not_packages() {
        LicenceCommand command = LicenceCommand.parse("please check this --policy internal", List.of(POM));

        assertThat(command.inputs()).containsExactly(POM);
        assertThat(command.model()).isEqualTo(DistributionModel.INTERNAL);
    }

    @Test
    void a_package_named_next_to_a_file_is_still_checked() {
        LicenceCommand command = LicenceCommand.parse("also left-pad@1.3.0", List.of(POM));

        assertThat(command.inputs()).containsExactly(POM, new CheckInput.PackageSpec("left-pad@1.3.0"));
    }

    @Test
    void nothing_to_check_or_an_unknown_option_gets_the_usage() {
        assertThatThrownBy(() -> LicenceCommand.parse("  ", List.of()))
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        e -> assertThat(e.userMessage())
                                .startsWith("Tell me what to check.")
                                .contains("Usage: license-check"));
        assertThatThrownBy(() -> LicenceCommand.parse("react@18.2.0 --policy cloud", List.of()))
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        e -> assertThat(e.userMessage())
                                .contains("Unknown policy 'cloud'", "saas, distributed, internal"));
        assertThatThrownBy(() -> LicenceCommand.parse("react@18.2.0 --fast", List.of()))
                .isInstanceOfSatisfying(
                        PermanentFailure.class, e -> assertThat(e.userMessage()).contains("Unknown option '--fast'"));
    }
}
