package com.architectbot.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.Provenance;
import com.architectbot.licence.spdx.SpdxCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenceNormaliserTest {

    private static final LicenceNormaliser NORMALISER = new LicenceNormaliser(SpdxCatalogue.bundled());
    private static final PackageRef PARENT = new PackageRef(Ecosystem.MAVEN, "org.acme", "acme-parent", "7");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "The Apache Software License, Version 2.0          | Apache-2.0",
                "Apache 2                                          | Apache-2.0",
                "Apache License 2.0                                | Apache-2.0",
                "Apache License, Version 2.0                       | Apache-2.0",
                "ASL 2.0                                           | Apache-2.0",
                "MIT License                                       | MIT",
                "The MIT Licence                                   | MIT",
                "BSD                                               | LicenseRef-BSD-family",
                "New BSD License                                   | BSD-3-Clause",
                "BSD 3-Clause                                      | BSD-3-Clause",
                "BSD-2-Clause                                      | BSD-2-Clause",
                "Eclipse Public License - v 1.0                    | EPL-1.0",
                "Eclipse Public License - v 2.0                    | EPL-2.0",
                "EPL 2.0                                           | EPL-2.0",
                "GNU Lesser General Public License v2.1 or later   | LGPL-2.1-or-later",
                "GNU Library General Public License v2.1 or later  | LGPL-2.1-or-later",
                "LGPL 2.1                                          | LGPL-2.1-only",
                "CDDL + GPLv2 with classpath exception             | CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
                "GPL2 w/ CPE                                       | GPL-2.0-only WITH Classpath-exception-2.0",
                "The GNU General Public License, v2 with Universal FOSS Exception, v1.0 | GPL-2.0-only WITH Universal-FOSS-exception-1.0",
                "The MIT License (MIT)                             | MIT",
                "MPL 2.0                                           | MPL-2.0",
                "Mozilla Public License Version 2.0                | MPL-2.0",
                "Public Domain                                     | LicenseRef-Public-Domain",
                "CC0                                               | CC0-1.0",
                "Unlicense                                         | Unlicense",
                "ISC                                               | ISC",
                "Bouncy Castle Licence                             | MIT",
                "Go License                                        | BSD-3-Clause",
                "The JSON License                                  | JSON",
                "SSPL                                              | SSPL-1.0",
                "Business Source License                           | BUSL-1.1",
                "Elastic License 2.0                               | Elastic-2.0",
                "Commons Clause                                    | LicenseRef-Commons-Clause",
                "PolyForm Noncommercial                            | PolyForm-Noncommercial-1.0.0",
                "UNLICENSED                                        | LicenseRef-Proprietary",
                "http://www.apache.org/licenses/LICENSE-2.0.txt    | Apache-2.0",
                "https://www.apache.org/licenses/LICENSE-2.0.html  | Apache-2.0",
                "https://opensource.org/licenses/MIT               | MIT",
                "Apache-2.0 OR MIT                                 | Apache-2.0 OR MIT",
                "License :: OSI Approved :: MIT License            | MIT",
                "License :: OSI Approved :: Apache Software License | LicenseRef-Apache-family",
                "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3) | LGPL-3.0-only",
                "License :: Other/Proprietary License               | LicenseRef-Proprietary"
            })
    void registry_texts_map_to_spdx(String text, String expected) {
        InterpretedLicence licence = NORMALISER.interpret(declared(new LicenceStatement(text, null)), Ecosystem.MAVEN);

        assertThat(licence.expression()).hasToString(expected);
    }

    @Test
    void a_valid_expression_is_declared_and_keeps_no_original_text() {
        InterpretedLicence licence =
                NORMALISER.interpret(declared(new LicenceStatement("(MIT OR GPL-3.0-or-later)", null)), Ecosystem.NPM);

        assertThat(licence.provenance()).isEqualTo(Provenance.DECLARED);
        assertThat(licence.expression()).hasToString("MIT OR GPL-3.0-or-later");
        assertThat(licence.originalText()).isNull();
    }

    @Test
    void mapped_text_keeps_the_original() {
        InterpretedLicence licence =
                NORMALISER.interpret(declared(new LicenceStatement("Apache 2", null)), Ecosystem.MAVEN);

        assertThat(licence.provenance()).isEqualTo(Provenance.MAPPED);
        assertThat(licence.originalText()).isEqualTo("Apache 2");
        assertThat(licence.detail()).isEqualTo("mapped from 'Apache 2'");
    }

    @Test
    void a_url_only_licence_is_mapped_from_its_url() {
        InterpretedLicence licence = NORMALISER.interpret(
                declared(new LicenceStatement(null, "https://www.eclipse.org/legal/epl-2.0/")), Ecosystem.MAVEN);

        assertThat(licence.expression()).hasToString("EPL-2.0");
        assertThat(licence.provenance()).isEqualTo(Provenance.MAPPED);
        assertThat(licence.originalText()).isEqualTo("https://www.eclipse.org/legal/epl-2.0/");
    }

    @Test
    void a_name_we_do_not_know_falls_back_to_its_url() {
        InterpretedLicence licence = NORMALISER.interpret(
                declared(new LicenceStatement("Acme Open Thing", "http://www.apache.org/licenses/LICENSE-2.0")),
                Ecosystem.MAVEN);

        assertThat(licence.expression()).hasToString("Apache-2.0");
    }

    @Test
    void see_licence_in_file_becomes_a_licence_ref_with_the_text_kept() {
        InterpretedLicence licence =
                NORMALISER.interpret(declared(new LicenceStatement("SEE LICENSE IN LICENSE", null)), Ecosystem.NPM);

        assertThat(licence.expression()).hasToString("LicenseRef-SEE-LICENSE-IN-LICENSE");
        assertThat(licence.provenance()).isEqualTo(Provenance.MAPPED);
        assertThat(licence.originalText()).isEqualTo("SEE LICENSE IN LICENSE");
    }

    @Test
    void unmappable_text_is_never_dropped() {
        InterpretedLicence licence = NORMALISER.interpret(
                declared(new LicenceStatement("Acme Corp. Evaluation Licence (2019)", null)), Ecosystem.MAVEN);

        assertThat(licence.expression()).hasToString("LicenseRef-Acme-Corp.-Evaluation-Licence-2019");
        assertThat(licence.originalText()).isEqualTo("Acme Corp. Evaluation Licence (2019)");
    }

    @Test
    void several_statements_are_alternatives() {
        InterpretedLicence licence = NORMALISER.interpret(
                declared(
                        new LicenceStatement(
                                "Eclipse Public License - v 1.0", "http://www.eclipse.org/legal/epl-v10.html"),
                        new LicenceStatement(
                                "GNU Lesser General Public License",
                                "http://www.gnu.org/licenses/old-licenses/lgpl-2.1.html")),
                Ecosystem.MAVEN);

        // the URL settles which LGPL the unversioned name meant
        assertThat(licence.expression()).hasToString("EPL-1.0 OR LGPL-2.1-only");
        assertThat(licence.originalText())
                .isEqualTo("Eclipse Public License - v 1.0 | GNU Lesser General Public License");
    }

    @Test
    void a_licence_from_a_parent_is_inherited_and_names_the_parent() {
        InterpretedLicence licence = NORMALISER.interpret(
                new DeclaredLicence(List.of(new LicenceStatement("Apache-2.0", null)), PARENT), Ecosystem.MAVEN);

        assertThat(licence.provenance()).isEqualTo(Provenance.INHERITED);
        assertThat(licence.inheritedFrom()).isEqualTo(PARENT);
        assertThat(licence.detail()).isEqualTo("inherited from pkg:maven/org.acme/acme-parent@7");
    }

    @Test
    void a_licence_text_pasted_whole_is_recognised_and_its_original_kept_short() {
        String mitText = "Copyright (c) 2024 Somebody\n\nPermission is hereby granted, free of charge, to any person "
                + "obtaining a copy of this software and associated documentation files (the \"Software\"), to deal "
                + "in the Software without restriction, including without limitation the rights to use, copy, modify, "
                + "merge, publish, distribute, sublicense, and/or sell copies of the Software.\n";

        InterpretedLicence licence =
                NORMALISER.interpret(declared(new LicenceStatement(mitText, null)), Ecosystem.PYPI);

        assertThat(licence.expression()).hasToString("MIT");
        assertThat(licence.originalText())
                .hasSize(LicenceNormaliser.MAX_ORIGINAL_LENGTH)
                .startsWith("Copyright (c) 2024 Somebody Permission");
    }

    @Test
    void a_licence_text_is_named_by_its_title_line() {
        InterpretedLicence licence = NORMALISER.interpret(
                declared(new LicenceStatement(
                        "BSD 3-Clause License\n\nCopyright (c) 2020, Acme\nAll rights reserved.", null)),
                Ecosystem.PYPI);

        assertThat(licence.expression()).hasToString("BSD-3-Clause");
    }

    @Test
    void nothing_declared_is_unknown() {
        InterpretedLicence licence = NORMALISER.interpret(DeclaredLicence.none(), Ecosystem.PYPI);

        assertThat(licence.provenance()).isEqualTo(Provenance.UNKNOWN);
        assertThat(licence.expression()).isNull();
    }

    @Test
    void crates_legacy_slash_is_or() {
        InterpretedLicence licence =
                NORMALISER.interpret(declared(new LicenceStatement("MIT/Apache-2.0", null)), Ecosystem.CARGO);

        assertThat(licence.expression()).hasToString("MIT OR Apache-2.0");
        assertThat(licence.provenance()).isEqualTo(Provenance.DECLARED);
    }

    private static DeclaredLicence declared(LicenceStatement... statements) {
        return new DeclaredLicence(List.of(statements), null);
    }
}
