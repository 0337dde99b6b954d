package com.architectbot.licence;

import com.architectbot.licence.spdx.LicenceExpression;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The licence families a free-text name can point to without naming one licence ("BSD-style", "an Apache
 * license", "GNU General Public License" without a version, "released into the public domain"). Each is a
 * {@code LicenseRef-} id whose category is the family's ({@code licence-categories.tsv}), with the id prefixes
 * of its members, so that a URL naming one member can settle the version.
 *
 * <p>A name is read as a family only when it is short, names exactly one family, and says nothing else that
 * could change the answer: a negation or hedge ("Not MIT", "BSD-like", "GPL-compatible"), a second licence
 * ("MIT) OR (GPL-3.0"), an exception or a restriction ("Proprietary", "non-commercial"). Anything else stays
 * an unknown {@code LicenseRef-} for a person to read. Matching is on ASCII letters only, so look-alikes from
 * other scripts ("ΜΙΤ" in Greek) name nothing.
 */
enum LicenceFamily {
    PUBLIC_DOMAIN("LicenseRef-Public-Domain", "public[\\s-]+domain", "CC0-", "Unlicense", "PDDL-", "CC-PD"),
    MIT("LicenseRef-MIT-family", "(?-i:MIT)", "MIT"),
    BSD("LicenseRef-BSD-family", "BSD", "BSD-", "0BSD"),
    APACHE("LicenseRef-Apache-family", "Apache", "Apache-"),
    ISC("LicenseRef-ISC-family", "ISC", "ISC"),
    LGPL("LicenseRef-LGPL-family", "LGPL|GNU\\s+(?:Lesser|Library)\\s+(?:General\\s+)?Public", "LGPL-"),
    MPL("LicenseRef-MPL-family", "MPL|Mozilla\\s+Public", "MPL-"),
    EPL("LicenseRef-EPL-family", "EPL|Eclipse\\s+Public", "EPL-"),
    CDDL("LicenseRef-CDDL-family", "CDDL|Common\\s+Development\\s+and\\s+Distribution", "CDDL-"),
    GPL("LicenseRef-GPL-family", "(?<!Affero\\s)(?<!Lesser\\s)GPL|GNU\\s+General\\s+Public", "GPL-"),
    AGPL("LicenseRef-AGPL-family", "AGPL|Affero\\s+(?:General\\s+Public|GPL)", "AGPL-");

    /** Licence names are short; a longer statement is a sentence or a text, not a name. */
    static final int MAX_NAME_LENGTH = 120;

    /** Words that, anywhere beside the family's name, mean the statement says more than "a licence of it". */
    private static final Set<String> QUALIFIERS = Set.of(
            "not",
            "non",
            "no",
            "without",
            "except",
            "excluding",
            "unlike",
            "never",
            "nor",
            "neither",
            "instead",
            "compatible",
            "incompatible",
            "like",
            "alike",
            "ish",
            "inspired",
            "derived",
            "based",
            "similar",
            "formerly",
            "previously",
            "was",
            "replaced",
            "with",
            "plus",
            "and",
            "or",
            "but",
            "exception",
            "exceptions",
            "additional",
            "addendum",
            "rider",
            "proprietary",
            "commercial",
            "noncommercial",
            "restricted",
            "restriction",
            "restrictions",
            "restrictive",
            "commons",
            "evaluation",
            "trial",
            "personal",
            "research",
            "academic",
            "education",
            "educational",
            "internal",
            "nonprofit",
            "profit",
            "shareware",
            "freeware",
            "reserved",
            "prohibited",
            "forbidden",
            "unless",
            "military",
            "nuclear",
            "ethical",
            "server",
            "business",
            "available",
            "custom",
            "dual",
            "multiple",
            "various",
            "mixed",
            "unknown",
            "unlicensed",
            "other",
            "others",
            "different",
            "own",
            "modified",
            "changed");

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private final String refId;
    private final Pattern mention;
    private final List<String> memberPrefixes;

    LicenceFamily(String refId, String names, String... memberPrefixes) {
        this.refId = refId;
        // a name as a whole word, optionally with a version stuck to it ("LGPLv3", "GPL2+")
        this.mention = Pattern.compile(
                "(?<![A-Za-z0-9])(?:" + names + ")(?:v?[0-9]+(?:\\.[0-9]+)*\\+?)?(?![A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE);
        this.memberPrefixes = List.of(memberPrefixes);
    }

    LicenceExpression.Licence reference() {
        return new LicenceExpression.Licence(refId);
    }

    /** The one family a short free-text name stands for, if it names exactly one and says nothing more. */
    static Optional<LicenceFamily> named(String text) {
        if (text == null || text.length() > MAX_NAME_LENGTH || text.lines().count() > 1) {
            return Optional.empty();
        }
        Set<LicenceFamily> named = EnumSet.noneOf(LicenceFamily.class);
        String rest = text;
        for (LicenceFamily family : values()) {
            Matcher matcher = family.mention.matcher(rest);
            if (matcher.find()) {
                named.add(family);
                rest = matcher.replaceAll(" ");
            }
        }
        if (named.size() != 1 || qualified(rest)) {
            return Optional.empty();
        }
        return Optional.of(named.iterator().next());
    }

    /** The family whose reference this expression is, when it is exactly one. */
    static Optional<LicenceFamily> of(LicenceExpression expression) {
        return expression instanceof LicenceExpression.Licence licence
                ? Arrays.stream(values())
                        .filter(f -> f.refId.equals(licence.id()))
                        .findFirst()
                : Optional.empty();
    }

    /** Whether any licence in the expression is a family reference rather than one licence. */
    static boolean appearsIn(LicenceExpression expression) {
        return expression.terms().anyMatch(term -> of(term.licence()).isPresent());
    }

    /** Whether every licence in the expression belongs to this family (a URL that settles the version). */
    boolean covers(LicenceExpression expression) {
        return expression
                .terms()
                .map(term -> term.licence().id())
                .allMatch(id -> memberPrefixes.stream().anyMatch(id::startsWith));
    }

    private static boolean qualified(String rest) {
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            if (QUALIFIERS.contains(words.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
