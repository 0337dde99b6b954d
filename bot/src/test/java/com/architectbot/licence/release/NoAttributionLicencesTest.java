package com.architectbot.licence.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.FixedRegistry;
import com.architectbot.licence.FixedTree;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.PackageRef;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The report's obligations and the notices' appendix come from one table: a licence that waives attribution
 * gets no attribution obligation in the report and no text in the notices; one that asks for it gets both.
 */
class NoAttributionLicencesTest {

    private static final List<String> WAIVING = List.of("WTFPL", "0BSD", "MIT-0", "CC0-1.0", "Unlicense", "PDDL-1.0");

    @Test
    void a_licence_waiving_attribution_has_no_attribution_obligation_and_no_text_in_the_notices() {
        LicenceReport report = checkShipped(WAIVING);

        assertThat(report.dependencies())
                .hasSize(WAIVING.size())
                .allSatisfy(finding ->
                        assertThat(finding.obligations()).as(finding.licence()).doesNotContain(Obligation.ATTRIBUTION));
        String appendix = appendix(notices(report));
        WAIVING.forEach(id -> assertThat(appendix).doesNotContain("==== " + id + ":"));
    }

    @Test
    void mit_still_obliges_attribution_and_its_text() {
        LicenceReport report = checkShipped(List.of("MIT", "WTFPL"));

        LicenceFinding mit = report.dependencies().stream()
                .filter(finding -> "MIT".equals(finding.licence()))
                .findFirst()
                .orElseThrow();
        assertThat(mit.obligations()).contains(Obligation.ATTRIBUTION);
        assertThat(appendix(notices(report)))
                .contains("==== MIT: MIT License ====")
                .doesNotContain("==== WTFPL:");
    }

    /** One package per licence, checked as shipped software, through the licence service. */
    private static LicenceReport checkShipped(List<String> licences) {
        Map<PackageRef, LicenceRegistry.Lookup> answers = new HashMap<>();
        List<Dependency> tree = new ArrayList<>();
        for (int i = 0; i < licences.size(); i++) {
            var pkg = new PackageRef(Ecosystem.MAVEN, "org.example", "lib-" + i, "1.0");
            answers.put(pkg, FixedRegistry.found(licences.get(i)));
            tree.add(FixedTree.direct(pkg, null));
        }
        var service = new LicenceService(
                new FixedTree(Map.of("libs", tree), List.of()), FixedRegistry.of(answers), LicenceSettings.DEFAULTS);
        return service.check("libs", List.of(), Optional.of(DistributionModel.DISTRIBUTED));
    }

    private static String notices(LicenceReport report) {
        PackageFiles none = purl -> new OwnFiles.Unavailable("not in this test");
        return new ThirdPartyNotices(none, BundledLicenceTexts.bundled(), Duration.ofSeconds(5))
                .render(new ThirdPartyNotices.Header("pom.xml", LocalDate.of(2026, 12, 3), false), report);
    }

    private static String appendix(String notices) {
        return notices.substring(notices.indexOf("Appendix: licence texts"));
    }
}
