package com.architectbot.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryKind;
import com.architectbot.tenancy.UsageMeter.Metered;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredTest {

    @Test
    void only_model_work_and_licence_checks_are_metered_and_only_model_work_is_limited() {
        assertThat(Metered.of(InquiryKind.CONSULTATION)).contains(Metered.CONSULTATION);
        assertThat(Metered.of(InquiryKind.DECISION_RECORD)).contains(Metered.CONSULTATION);
        assertThat(Metered.of(InquiryKind.LICENCE_CHECK)).contains(Metered.LICENCE_CHECK);
        assertThat(Arrays.stream(InquiryKind.values()).map(Metered::of).filter(Optional::isPresent))
                .hasSize(3);
        assertThat(Metered.CONSULTATION.limited()).isTrue();
        assertThat(Metered.LICENCE_CHECK.limited()).isFalse();
    }
}
