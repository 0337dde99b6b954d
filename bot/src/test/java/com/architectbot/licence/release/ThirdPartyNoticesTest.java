package com.architectbot.licence.release;

import static com.architectbot.testing.PackageArchives.TarItem.filled;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Provenance;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.release.OwnFiles.Kind;
import com.architectbot.licence.release.OwnFiles.OwnFile;
import com.architectbot.licence.source.Registries;
import com.architectbot.licence.source.TestSettings;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.LicenceReports;
import com.architectbot.testing.PackageArchives;
import com.architectbot.testing.PackageArchives.TarItem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThirdPartyNoticesTest {

    private static final ThirdPartyNotices.Header HEADER =
            new ThirdPartyNotices.Header("pom.xml", LocalDate.of(2026, 12, 3), false);
    private static final String APACHE_NOTICE = "Acme Widgets\nCopyright 2020 The Acme Foundation\n";

    /** Each package's files, as a registry would give them; anything else is unavailable. */
    private final Map<String, OwnFiles> archives = Map.of(
            "pkg:npm/left@1.0.0",
                    read(new OwnFile(
                            "LICENSE",
                            Kind.LICENCE,
                            "MIT License\n\nCopyright (c) 2016 Jane Doe\n\n"
                                    + "Permission is hereby granted, free of charge...\nThe above copyright notice shall be included.",
                            false)),
            "pkg:npm/right@2.0.0",
                    read(new OwnFile(
                            "LICENSE",
                            Kind.LICENCE,
                            "Copyright (c) <year> <copyright holders>\n" + "Copyright (c) 2019 John Roe",
                            false)),
            "pkg:maven/org.acme/widget@1.0",
                    read(
                            new OwnFile(
                                    "META-INF/LICENSE",
                                    Kind.LICENCE,
                                    "Apache License\nVersion 2.0, January 2004\n"
                                            + "      copyright notice that is included in or attached to the work\n"
                                            + "(c) You must retain, in the Source form of any Derivative Works\n"
                                            + "(c) 2021 Widget Makers Ltd\n"
                                            + "   Copyright [yyyy] [name of copyright owner]",
                                    false),
                            new OwnFile("META-INF/NOTICE", Kind.NOTICE, APACHE_NOTICE, false)),
            "pkg:npm/bsd-thing@3.0.0",
                    read(new OwnFile("LICENSE", Kind.LICENCE, "Copyright 2001 The BSD Folks", false)),
            "pkg:npm/mystery@0.1.0",
                    read(new OwnFile(
                            "LICENSE",
                            Kind.LICENCE,
                            "Do what you like, but ask Bob first.\n" + "Copyright 2022 Bob",
                            false)));

    @Test
    void each_licence_text_is_in_the_appendix_once_and_public_domain_needs_none() {
        String notices = render(report(
                finding("pkg:npm/left@1.0.0", "MIT", LicenceCategory.PERMISSIVE),
                finding("pkg:npm/right@2.0.0", "MIT", LicenceCategory.PERMISSIVE),
                finding("pkg:maven/org.acme/widget@1.0", "Apache-2.0", LicenceCategory.PERMISSIVE),
                finding("pkg:npm/bsd-thing@3.0.0", "BSD-3-Clause", LicenceCategory.PERMISSIVE),
                finding("pkg:npm/free@1.0.0", "CC0-1.0", LicenceCategory.PUBLIC_DOMAIN)));

        String appendix = notices.substring(notices.indexOf("Appendix: licence texts"));
        assertThat(appendix)
                .containsSubsequence(
                        "==== Apache-2.0: Apache License 2.0 ====",
                        "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION",
                        "==== BSD-3-Clause: BSD 3-Clause \"New\" or \"Revised\" License ====",
                        "Neither the name of the copyright holder",
                        "==== MIT: MIT License ====",
                        "Permission is hereby granted, free of charge")
                .doesNotContain("CC0-1.0:");
        for (String heading : List.of("==== MIT:", "==== Apache-2.0:", "==== BSD-3-Clause:")) {
            assertThat(notices.split(java.util.regex.Pattern.quote(heading), -1))
                    .hasSize(2);
        }
    }

    @Test
    void packages_come_with_their_copyright_lines_and_notice_grouped_by_licence() {
        String notices = render(report(
                finding("pkg:npm/right@2.0.0", "MIT", LicenceCategory.PERMISSIVE),
                finding("pkg:maven/org.acme/widget@1.0", "Apache-2.0", LicenceCategory.PERMISSIVE),
                finding("pkg:npm/left@1.0.0", "MIT", LicenceCategory.PERMISSIVE)));

        assertThat(notices)
                .containsSubsequence(
                        "Licence: Apache-2.0",
                        "org.acme:widget@1.0",
                        "---- META-INF/NOTICE ----",
                        "  Acme Widgets",
                        "  Copyright 2020 The Acme Foundation",
                        "Licence: MIT",
                        "left@1.0.0",
                        "  Copyright (c) 2016 Jane Doe",
                        "right@2.0.0",
                        "  Copyright (c) 2019 John Roe",
                        "Appendix: licence texts");
        assertThat(notices.substring(0, notices.indexOf("Appendix: licence texts")))
                .doesNotContain(
                        "<copyright holders>", "[yyyy]", "  copyright notice that is included", "You must retain");
    }

    @Test
    void unknown_and_unlisted_licences_are_listed_plainly_for_a_human_with_their_own_text() {
        String notices = render(report(
                LicenceReports.unknownLicence("pkg:npm/lost@1.0.0"),
                finding("pkg:npm/mystery@0.1.0", "LicenseRef-Bob", LicenceCategory.UNKNOWN),
                finding("pkg:npm/left@1.0.0", "MIT", LicenceCategory.PERMISSIVE)));

        String human = notices.substring(
                notices.indexOf("Licence not known or not listed by SPDX"), notices.indexOf("Appendix: licence texts"));
        assertThat(human)
                .containsSubsequence(
                        "lost@1.0.0",
                        "Licence: unknown (PyPI timed out)",
                        "(the package's own LICENSE/NOTICE could not be fetched: not in this test's registry)",
                        "mystery@0.1.0",
                        "Licence: LicenseRef-Bob",
                        "---- LICENSE ----",
                        "Do what you like, but ask Bob first.")
                .doesNotContain("left@1.0.0");
        assertThat(notices.indexOf("Licence: MIT")).isLessThan(notices.indexOf("Licence not known"));
    }

    @Test
    void the_header_says_what_was_included_and_by_which_list() {
        String notices = render(report(finding("pkg:npm/left@1.0.0", "MIT", LicenceCategory.PERMISSIVE)));

        assertThat(notices)
                .startsWith("THIRD-PARTY NOTICES\n")
                .contains(
                        "Project: pom.xml",
                        "Date: 2026-12-03",
                        "Policy: distributed (defaults)",
                        "Licence texts: SPDX License List "
                                + BundledLicenceTexts.bundled().listVersion(),
                        "Included: 1 package distributed with the project; test and provided scopes are left out");
    }

    @Test
    void escape_sequences_and_control_characters_from_a_package_are_neutralised() {
        String hostile =
                "Copyright 2020 Evil\u001B[2J\u001B]0;pwned\u0007 Corp\u202E\nNOTICE\u0000 text\r\n\u001B[31mred\u001B[0m";
        Map<String, OwnFiles> files =
                Map.of("pkg:npm/evil@1.0.0", read(new OwnFile("NOTICE\u001B[1m", Kind.NOTICE, hostile, false)));
        String notices = new ThirdPartyNotices(files::get, BundledLicenceTexts.bundled(), Duration.ofSeconds(5))
                .render(HEADER, report(finding("pkg:npm/evil@1.0.0", "MIT\u001B[8m", LicenceCategory.PERMISSIVE)));

        assertThat(notices).doesNotContain("\u001B", "\u0007", "\u0000", "\u202E", "\r");
        assertThat(notices).contains("Copyright 2020 Evil Corp?", "  red", "NOTICE? text");
    }

    @Test
    void many_packages_with_eight_full_notice_files_each_give_notices_under_the_cap_with_the_cut_line(
            @TempDir Path folder) {
        int packages = 140; // 140 x 64 KiB is more than 8 MiB even after each package is cut to 64 KiB
        List<TarItem> notices = IntStream.range(0, 8)
                .mapToObj(i -> filled("package/NOTICE" + i, 64 * 1024, (char) ('a' + i)))
                .toList();
        byte[] tgz = PackageArchives.tgz(notices);
        List<LicenceFinding> findings = IntStream.range(0, packages)
                .mapToObj(i -> "pkg" + (1000 + i))
                .peek(name -> PackageArchives.npmRelease(
                        folder, name, "1.0.0", "MIT", PackageArchives.tarballUrl(name, "1.0.0"), tgz))
                .map(name -> finding("pkg:npm/" + name + "@1.0.0", "MIT", LicenceCategory.PERMISSIVE))
                .toList();
        try (FakeRegistry registry = FakeRegistry.servingFolder(folder);
                Registries registries = new Registries(TestSettings.allAt(registry.baseUri()))) {

            String text = new ThirdPartyNotices(registries.packageFiles())
                    .render(HEADER, report(findings.toArray(LicenceFinding[]::new)));

            assertThat(text.length()).isLessThanOrEqualTo(ThirdPartyNotices.DEFAULT_MAX_CHARS);
            // positions, not containsSubsequence: that is quadratic on 8 MiB
            int first = text.indexOf("pkg1000@1.0.0");
            int firstCut = text.indexOf("  [... cut: the rest is in the package's own archive]", first);
            int second = text.indexOf("pkg1001@1.0.0");
            int cutLine = text.indexOf("[... the rest is cut: these notices would be longer than 8 MiB. For the whole"
                    + " file run: architect-bot license-check --format notices <manifest>]");
            int appendix = text.indexOf("==== MIT: MIT License ====");
            assertThat(List.of(first, firstCut, second, cutLine, appendix))
                    .allMatch(at -> at >= 0)
                    .isSorted();
            assertThat(second - first)
                    .isBetween(OwnFilesReads.MAX_CHARS_PER_PACKAGE, 2 * OwnFilesReads.MAX_CHARS_PER_PACKAGE);
            assertThat(text.contains("pkg" + (1000 + packages - 1) + "@1.0.0\n"))
                    .isFalse();
        }
    }

    @Test
    void invisible_format_characters_and_separators_from_a_package_are_neutralised() {
        String hidden = "Copyright 2020 A\u061CB\u00ADC\u2060D\u2064E\u2028F\u2029G"
                + new String(Character.toChars(0xE0041)) + new String(Character.toChars(0xE007F)) + "H\tI";
        Map<String, OwnFiles> files =
                Map.of("pkg:npm/quiet@1.0.0", read(new OwnFile("NOTICE", Kind.NOTICE, hidden, false)));
        String notices = new ThirdPartyNotices(files::get, BundledLicenceTexts.bundled(), Duration.ofSeconds(5))
                .render(HEADER, report(finding("pkg:npm/quiet@1.0.0", "MIT\u2066", LicenceCategory.PERMISSIVE)));

        assertThat(notices)
                .doesNotContain("\u061C", "\u00AD", "\u2060", "\u2064", "\u2028", "\u2029", "\uDB40")
                .contains("Copyright 2020 A?B?C?D?E?F?G??H\tI", "Licence: MIT?");
    }

    @Test
    void what_could_not_be_checked_is_named_for_a_person_to_add() {
        LicenceReport report = new LicenceReport(
                DistributionModel.DISTRIBUTED,
                "defaults",
                "3.28.0",
                List.of(finding("pkg:npm/left@1.0.0", "MIT", LicenceCategory.PERMISSIVE)),
                List.of(new LicenceReport.Problem("pkg:npm/%40acme/slow@1.0.0", "npm registry timed out")));

        String notices = render(report);

        assertThat(notices)
                .containsSubsequence(
                        "Not checked: a person must add the notices of these",
                        "  pkg:npm/%40acme/slow@1.0.0: npm registry timed out",
                        "Appendix: licence texts");
    }

    @Test
    void the_same_report_gives_the_same_file() {
        LicenceReport report = report(
                finding("pkg:npm/right@2.0.0", "MIT", LicenceCategory.PERMISSIVE),
                finding("pkg:maven/org.acme/widget@1.0", "Apache-2.0", LicenceCategory.PERMISSIVE),
                finding("pkg:npm/bsd-thing@3.0.0", "BSD-3-Clause", LicenceCategory.PERMISSIVE),
                finding("pkg:npm/left@1.0.0", "MIT", LicenceCategory.PERMISSIVE));
        LicenceReport shuffled = new LicenceReport(
                report.model(),
                report.policySource(),
                report.listVersion(),
                report.dependencies().reversed(),
                report.problems());

        assertThat(render(report)).isEqualTo(render(shuffled));
    }

    private String render(LicenceReport report) {
        PackageFiles files =
                purl -> archives.getOrDefault(purl, new OwnFiles.Unavailable("not in this test's registry"));
        return new ThirdPartyNotices(files, BundledLicenceTexts.bundled(), Duration.ofSeconds(5))
                .render(HEADER, report);
    }

    private static OwnFiles read(OwnFile... files) {
        return new OwnFiles.Read(List.of(files));
    }

    private static LicenceReport report(LicenceFinding... findings) {
        return new LicenceReport(DistributionModel.DISTRIBUTED, "defaults", "3.28.0", List.of(findings), List.of());
    }

    private static LicenceFinding finding(String purl, String licence, LicenceCategory category) {
        return new LicenceFinding(
                purl,
                licence,
                licence,
                category,
                Verdict.OK,
                List.of(),
                Provenance.DECLARED,
                "",
                true,
                List.of(),
                List.of());
    }
}
