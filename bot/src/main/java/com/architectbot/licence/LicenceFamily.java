package com.architectbot.licence;

import com.architectbot.licence.spdx.LicenceExpression;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The licence families a free-text name can point to without naming one licence ("BSD-style", "an Apache
 * license", "GNU General Public License" without a version, "released into the public domain"). Each is a
 * {@code LicenseRef-} id whose category is the family's ({@code licence-categories.tsv}), with the id prefixes
 * of its members, so that a URL naming one member can settle the version.
 *
 * <p>A name is read as a family only when it is short, names exactly one family, and beside the name has only
 * words on an allow-list ("license", "style", "version", digits): a negation or hedge ("Not MIT", "BSD-like"), a
 * second licence ("BSD, SSPL", "MIT/JSON"), a restriction ("non-commercial", "(NC)") or anything else leaves an
 * unknown {@code LicenseRef-} for a person to read. A letter from another script or an invisible character
 * anywhere ("ΜΙΤ" in Greek, a zero-width space) does the same, and a statement mentioning Affero is never the GPL.
 */
enum LicenceFamily {
    PUBLIC_DOMAIN(
            "LicenseRef-Public-Domain",
            "public[\\s-]+domain",
            "released into dedicated to dedication",
            "CC0-",
            "Unlicense",
            "PDDL-",
            "CC-PD"),
    MIT("LicenseRef-MIT-family", "(?-i:MIT)", "", "MIT"),
    BSD("LicenseRef-BSD-family", "BSD", "", "BSD-", "0BSD"),
    APACHE("LicenseRef-Apache-family", "Apache", "", "Apache-"),
    ISC("LicenseRef-ISC-family", "ISC", "", "ISC"),
    LGPL(
            "LicenseRef-LGPL-family",
            "LGPL|GNU\\s+(?:Lesser|Library)\\s+(?:General\\s+)?Public",
            "gnu only any later",
            "LGPL-"),
    MPL("LicenseRef-MPL-family", "MPL|Mozilla\\s+Public", "", "MPL-"),
    EPL("LicenseRef-EPL-family", "EPL|Eclipse\\s+Public", "", "EPL-"),
    CDDL("LicenseRef-CDDL-family", "CDDL|Common\\s+Development\\s+and\\s+Distribution", "", "CDDL-"),
    // before GPL, so that "Affero GPL" and "Affero-GPL" are taken as AGPL before GPL can match inside them
    AGPL(
            "LicenseRef-AGPL-family",
            "AGPL|(?:GNU\\s+)?Affero[\\s-]+(?:General\\s+Public|GPL)",
            "gnu only any later",
            "AGPL-"),
    GPL("LicenseRef-GPL-family", "(?<!Lesser\\s)GPL|GNU\\s+General\\s+Public", "gnu only any later", "GPL-");

    /** Licence names are short; a longer statement is a sentence or a text, not a name. */
    static final int MAX_NAME_LENGTH = 120;

    private static final Pattern AFFERO = Pattern.compile("Affero|AGPL", Pattern.CASE_INSENSITIVE);
    private static final Pattern OR_LATER =
            Pattern.compile("\\bor\\s+(?:any\\s+)?later(?:\\s+version)?\\b", Pattern.CASE_INSENSITIVE);

    private final String refId;
    private final Pattern mention;
    private final List<String> memberPrefixes;
    /** Words of this family's own statements that are harmless beside its name ("GNU", "released into"). */
    private final Set<String> ownWords;

    LicenceFamily(String refId, String names, String ownWords, String... memberPrefixes) {
        this.refId = refId;
        this.ownWords = Set.of(ownWords.split(" ")).stream()
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        // a name as a whole word, optionally with a version stuck to it ("LGPLv3", "GPL2+")
        this.mention = Pattern.compile(
                "(?<![A-Za-z0-9])(?:" + names + ")(?:v?[0-9]+(?:\\.[0-9]+)*\\+?)?(?![A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE);
        this.memberPrefixes = List.of(memberPrefixes);
    }

    LicenceExpression.Licence reference() {
        return new LicenceExpression.Licence(refId);
    }

    /**
     * The one family a short free-text name stands for, if it names exactly one and says nothing more: beside the
     * family's name only harmless words ({@link LicenceNameWords}) may stand, and a statement mentioning Affero is
     * never read as the GPL.
     */
    static Optional<LicenceFamily> named(String text, LicenceNameWords words) {
        if (text == null
                || text.length() > MAX_NAME_LENGTH
                || text.lines().count() > 1
                || LicenceNameWords.hasForeignCharacters(text)) {
            return Optional.empty();
        }
        Set<LicenceFamily> named = EnumSet.noneOf(LicenceFamily.class);
        String rest = words.withoutProductName(text);
        for (LicenceFamily family : values()) {
            Matcher matcher = family.mention.matcher(rest);
            if (matcher.find()) {
                named.add(family);
                rest = matcher.replaceAll(" ");
            }
        }
        if (named.size() != 1) {
            return Optional.empty();
        }
        LicenceFamily family = named.iterator().next();
        boolean affero = AFFERO.matcher(text).find();
        String left = OR_LATER.matcher(rest).replaceAll(" ");
        return (affero && family != AGPL) || !words.onlyHarmless(left, family.ownWords)
                ? Optional.empty()
                : Optional.of(family);
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
}
