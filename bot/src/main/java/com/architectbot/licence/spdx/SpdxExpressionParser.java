package com.architectbot.licence.spdx;

import static java.util.Objects.requireNonNull;

import com.architectbot.licence.spdx.LicenceExpression.Licence;
import com.architectbot.licence.spdx.LicenceExpression.WithException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses SPDX licence expressions (SPDX specification, annex D): precedence {@code WITH} over {@code AND}
 * over {@code OR}, parentheses, the {@code +} suffix, {@code LicenseRef-} and {@code DocumentRef-}
 * ids, operators in any case. Listed ids come back as SPDX spells them; deprecated ids come back as
 * their modern form ({@code GPL-2.0+} as {@code GPL-2.0-or-later}, {@code GPL-2.0-with-classpath-exception}
 * as {@code GPL-2.0-only WITH Classpath-exception-2.0}), from {@code spdx-deprecated.tsv}.
 *
 * <p>Written here rather than taken from the SPDX library, whose parser needs a model store and a
 * document, and creates listed licences as objects with their full texts.
 */
public final class SpdxExpressionParser {

    /** Far beyond any real expression (the longest in the SPDX list's examples is under 200 characters). */
    public static final int MAX_EXPRESSION_CHARS = 2_000;
    /** Parentheses deeper than this are an attack or an accident, not a licence; the parser recurses per level. */
    public static final int MAX_NESTING = 32;

    private static final String DEPRECATED_TABLE = "/licence/spdx-deprecated.tsv";
    private static final Pattern LICENCE_REF =
            Pattern.compile("(DocumentRef-[A-Za-z0-9.\\-]+:)?LicenseRef-[A-Za-z0-9.\\-]+");
    private static final Pattern ADDITION_REF =
            Pattern.compile("(DocumentRef-[A-Za-z0-9.\\-]+:)?AdditionRef-[A-Za-z0-9.\\-]+");
    private static final List<String> GNU_FAMILIES = List.of("GPL-", "LGPL-", "AGPL-", "GFDL-");

    private final SpdxCatalogue catalogue;
    private final Map<String, String> deprecated;

    public SpdxExpressionParser(SpdxCatalogue catalogue) {
        this.catalogue = requireNonNull(catalogue, "catalogue");
        this.deprecated = readDeprecatedTable(DEPRECATED_TABLE);
    }

    /** A strict SPDX expression. */
    public LicenceExpression parse(String expression) {
        return parse(expression, false);
    }

    /**
     * @param slashMeansOr read {@code MIT/Apache-2.0} as {@code MIT OR Apache-2.0}, as crates.io's legacy
     *     licence field means it
     */
    public LicenceExpression parse(String expression, boolean slashMeansOr) {
        requireNonNull(expression, "expression");
        if (expression.length() > MAX_EXPRESSION_CHARS) {
            throw new SpdxParseException("licence expression of " + expression.length()
                    + " characters is longer than the " + MAX_EXPRESSION_CHARS + " a licence expression may have");
        }
        List<String> tokens = ExpressionTokens.tokenise(expression, slashMeansOr);
        if (tokens.isEmpty()) {
            throw new SpdxParseException("empty licence expression");
        }
        ExpressionTokens cursor = new ExpressionTokens(expression, tokens);
        LicenceExpression result = parseOr(cursor);
        if (cursor.hasNext()) {
            throw cursor.error("unexpected '" + cursor.peek() + "'");
        }
        return result;
    }

    /** Like {@link #parse(String, boolean)}, empty instead of an exception. */
    public Optional<LicenceExpression> tryParse(String expression, boolean slashMeansOr) {
        try {
            return Optional.of(parse(expression, slashMeansOr));
        } catch (SpdxParseException e) {
            return Optional.empty();
        }
    }

    private LicenceExpression parseOr(ExpressionTokens cursor) {
        List<LicenceExpression> operands = new ArrayList<>(List.of(parseAnd(cursor)));
        while (cursor.nextIs("OR")) {
            cursor.next();
            operands.add(parseAnd(cursor));
        }
        return LicenceExpression.or(operands);
    }

    private LicenceExpression parseAnd(ExpressionTokens cursor) {
        List<LicenceExpression> operands = new ArrayList<>(List.of(parseWith(cursor)));
        while (cursor.nextIs("AND")) {
            cursor.next();
            operands.add(parseWith(cursor));
        }
        return LicenceExpression.and(operands);
    }

    private LicenceExpression parseWith(ExpressionTokens cursor) {
        if (cursor.nextIs("(")) {
            cursor.open(MAX_NESTING);
            LicenceExpression inner = parseOr(cursor);
            cursor.close();
            return inner;
        }
        LicenceExpression licence = licence(cursor.nextOperand("a licence id"));
        if (!cursor.nextIs("WITH")) {
            return licence;
        }
        cursor.next();
        String exception = exception(cursor, cursor.nextOperand("an exception id"));
        if (!(licence instanceof Licence plain)) {
            throw cursor.error("'" + licence + "' already carries an exception");
        }
        return new WithException(plain, exception);
    }

    private LicenceExpression licence(String token) {
        if (LICENCE_REF.matcher(token).matches()) {
            return new Licence(token);
        }
        String replacement = deprecated.get(token.toLowerCase(Locale.ROOT));
        if (replacement != null) {
            return parse(replacement);
        }
        Optional<String> listed = catalogue.licenceId(token);
        if (listed.isPresent()) {
            return new Licence(listed.get());
        }
        if (token.endsWith("+") && token.length() > 1) {
            return orLater(licence(token.substring(0, token.length() - 1)), token);
        }
        throw new SpdxParseException("'" + token + "' is not an SPDX licence id");
    }

    private static LicenceExpression orLater(LicenceExpression base, String token) {
        if (!(base instanceof Licence licence) || licence.isReference()) {
            throw new SpdxParseException("'" + token + "': '+' only follows a listed licence id");
        }
        String id = licence.id();
        if (GNU_FAMILIES.stream().anyMatch(id::startsWith)) {
            // the GNU ids spell "or later" themselves since SPDX 3.0
            return new Licence(id.endsWith("-only") ? id.substring(0, id.length() - 5) + "-or-later" : id);
        }
        return new Licence(id, true);
    }

    private String exception(ExpressionTokens cursor, String token) {
        if (ADDITION_REF.matcher(token).matches()) {
            return token;
        }
        return catalogue
                .exceptionId(token)
                .orElseThrow(() -> cursor.error("'" + token + "' is not an SPDX exception id"));
    }

    private static Map<String, String> readDeprecatedTable(String resource) {
        Map<String, String> table = new HashMap<>();
        TsvResource.read(
                resource,
                (lineNumber, columns) -> table.put(columns[0].strip().toLowerCase(Locale.ROOT), columns[1].strip()));
        return Map.copyOf(table);
    }
}
