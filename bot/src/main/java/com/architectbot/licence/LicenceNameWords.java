package com.architectbot.licence;

import com.architectbot.licence.spdx.SpdxCatalogue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which words may stand beside a licence family's name for the statement still to mean "a licence of that
 * family". An allow-list: anything not on it (a second licence, a restriction, a word in another script, an
 * invisible character) leaves the statement for a person to read.
 */
final class LicenceNameWords {

    /** The words a plain family name comes with ("The BSD License", "Apache-style", "BSD 3-Clause, revised"). */
    private static final Set<String> HARMLESS = Set.of(
            "license",
            "licence",
            "licensed",
            "licenced",
            "style",
            "type",
            "version",
            "v",
            "the",
            "a",
            "an",
            "open",
            "source",
            "software",
            "clause",
            "new",
            "simplified",
            "revised");

    /** Words that, in a product name before the family ("Acme, a BSD licence"), could change the answer. */
    private static final Set<String> NOT_IN_A_NAME = Set.of(
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
            "changed",
            "closed",
            "paid",
            "paying",
            "royalty",
            "royalties",
            "license",
            "licence",
            "licensed",
            "public",
            "domain",
            "affero");

    /** A letter, mark or format character that is not plain ASCII: look-alikes and hidden characters. */
    private static final Pattern FOREIGN = Pattern.compile("[\\p{L}\\p{M}\\p{Cf}&&[^A-Za-z]]");
    /** A product name before the family's statement: "Acme Widgets, a BSD open source license". */
    private static final Pattern PRODUCT_NAME = Pattern.compile(
            "^\\s*([A-Za-z][A-Za-z0-9]*(?:[ .-][A-Za-z0-9]+){0,3})\\s*,\\s*(?=(?:a|an|the)\\s)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TOKEN = Pattern.compile("([A-Za-z]+)|[0-9]+|[\\s.,:()+\"'-]|(.)");

    private final SpdxCatalogue catalogue;
    /** Every alphabetic part of a listed licence id ("SSPL", "BUSL", "Elastic", "NC"): none may name a product. */
    private final Set<String> idParts;

    LicenceNameWords(SpdxCatalogue catalogue) {
        this.catalogue = catalogue;
        this.idParts = catalogue.licences().stream()
                .flatMap(info -> Arrays.stream(info.id().split("[^A-Za-z]+")))
                .filter(part -> part.length() > 1)
                .map(part -> part.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the statement has a letter or character outside plain ASCII that could hide or fake a word. */
    static boolean hasForeignCharacters(String text) {
        return FOREIGN.matcher(text).find();
    }

    /** The statement without a harmless product name in front of it ("Acme, a BSD licence" gives "a BSD licence"). */
    String withoutProductName(String text) {
        Matcher name = PRODUCT_NAME.matcher(text);
        if (!name.find()) {
            return text;
        }
        for (String word : name.group(1).split("[ .-]+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (NOT_IN_A_NAME.contains(lower) || idParts.contains(lower) || isLicenceOrException(word)) {
                return text;
            }
        }
        return text.substring(name.end());
    }

    /** Whether what is left once the family's names are taken out is only harmless words, digits and punctuation. */
    boolean onlyHarmless(String rest, Set<String> familyWords) {
        Matcher tokens = TOKEN.matcher(rest);
        while (tokens.find()) {
            if (tokens.group(2) != null) {
                return false;
            }
            String word = tokens.group(1);
            if (word != null && !harmless(word, familyWords)) {
                return false;
            }
        }
        return true;
    }

    private boolean harmless(String word, Set<String> familyWords) {
        String lower = word.toLowerCase(Locale.ROOT);
        return (HARMLESS.contains(lower) || familyWords.contains(lower)) && !isLicenceOrException(word);
    }

    private boolean isLicenceOrException(String word) {
        return catalogue.licenceId(word).isPresent()
                || catalogue.exceptionId(word).isPresent()
                || catalogue.licenceIdForName(word).isPresent();
    }
}
