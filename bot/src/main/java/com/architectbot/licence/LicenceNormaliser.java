package com.architectbot.licence;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.Provenance;
import com.architectbot.licence.spdx.LicenceExpression;
import com.architectbot.licence.spdx.LicenceKeys;
import com.architectbot.licence.spdx.SpdxCatalogue;
import com.architectbot.licence.spdx.SpdxExpressionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads what registries declare as SPDX. Per statement, in order: a valid SPDX expression (declared); our
 * alias table ({@code licence-aliases.tsv}), by text then by URL; an SPDX licence's full name; a URL
 * that exactly one SPDX licence lists as its reference; the wording of a licence text pasted whole; a
 * licence family the name points to without naming one licence ({@link LicenceFamily}: "BSD-style", "GPL"),
 * settled by the URL when it names a member of that family; otherwise a {@code LicenseRef-} made from the
 * text (or URL), with the original text kept (whitespace collapsed, cut at {@value #MAX_ORIGINAL_LENGTH}
 * characters). Several statements combine with OR.
 */
public final class LicenceNormaliser {

    private static final Pattern NOT_IDSTRING = Pattern.compile("[^A-Za-z0-9.]+");
    private static final int MAX_REF_LENGTH = 60;
    static final int MAX_ORIGINAL_LENGTH = 200;

    private final SpdxCatalogue catalogue;
    private final SpdxExpressionParser parser;
    private final LicenceAliases aliases;
    private final LicenceNameWords nameWords;

    public LicenceNormaliser(SpdxCatalogue catalogue) {
        this.catalogue = requireNonNull(catalogue, "catalogue");
        this.parser = new SpdxExpressionParser(catalogue);
        this.nameWords = new LicenceNameWords(catalogue);
        this.aliases = LicenceAliases.bundled(parser);
    }

    public SpdxExpressionParser parser() {
        return parser;
    }

    /** The declared licence of a package of this ecosystem, read as SPDX. */
    public InterpretedLicence interpret(DeclaredLicence declared, Ecosystem ecosystem) {
        if (declared == null || declared.isEmpty()) {
            return InterpretedLicence.unknown();
        }
        List<LicenceExpression> alternatives = new ArrayList<>();
        boolean mapped = false;
        boolean inferred = false;
        for (LicenceStatement statement : declared.statements()) {
            Normalised normalised = normalise(statement, ecosystem);
            alternatives.add(normalised.expression());
            mapped |= normalised.mapped();
            inferred |= normalised.mapped() && LicenceFamily.appearsIn(normalised.expression());
        }
        String original = mapped ? originalText(declared.statements()) : null;
        Provenance provenance = declared.inheritedFrom() != null
                ? Provenance.INHERITED
                : inferred ? Provenance.INFERRED : mapped ? Provenance.MAPPED : Provenance.DECLARED;
        return new InterpretedLicence(
                LicenceExpression.or(alternatives), provenance, original, declared.inheritedFrom());
    }

    /** One statement as SPDX. {@code mapped} is false only for a statement that was valid SPDX already. */
    public record Normalised(LicenceExpression expression, boolean mapped) {}

    public Normalised normalise(LicenceStatement statement, Ecosystem ecosystem) {
        String text = statement.text();
        if (text != null && !LicenceKeys.looksLikeUrl(text)) {
            Optional<LicenceExpression> spdx = parser.tryParse(text, ecosystem == Ecosystem.CARGO);
            if (spdx.isPresent()) {
                return new Normalised(spdx.get(), false);
            }
        }
        return new Normalised(mapped(text, statement.url()), true);
    }

    private LicenceExpression mapped(String text, String url) {
        String textUrl = text != null && LicenceKeys.looksLikeUrl(text) ? text : null;
        String plainText = textUrl == null ? text : null;
        Optional<LicenceExpression> named = fromText(plainText);
        if (named.isPresent() && LicenceFamily.of(named.get()).isEmpty()) {
            return named.get();
        }
        Optional<LicenceExpression> byUrl = fromUrl(textUrl).or(() -> fromUrl(url));
        Optional<LicenceFamily> family =
                named.flatMap(LicenceFamily::of).or(() -> LicenceFamily.named(plainText, nameWords));
        if (family.isPresent()) { // a URL may settle which member; one naming another family does not count
            return byUrl.filter(family.get()::covers).orElseGet(family.get()::reference);
        }
        return byUrl.orElseGet(() -> reference(plainText != null ? plainText : textUrl != null ? textUrl : url));
    }

    private Optional<LicenceExpression> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (String name : LicenceTexts.candidateNames(text)) {
            Optional<LicenceExpression> known = aliases.byText(name)
                    .or(() -> catalogue.licenceIdForName(name).map(parser::parse))
                    .or(() -> parser.tryParse(name, false));
            if (known.isPresent()) {
                return known;
            }
        }
        return LicenceTexts.fingerprint(text).map(parser::parse);
    }

    private Optional<LicenceExpression> fromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        return aliases.byUrl(url).or(() -> catalogue.licenceIdForUrl(url).map(parser::parse));
    }

    /** {@code LicenseRef-} plus the text reduced to SPDX's idstring characters, e.g. LicenseRef-SEE-LICENSE-IN-LICENSE. */
    static LicenceExpression reference(String text) {
        String id = NOT_IDSTRING.matcher(text.strip()).replaceAll("-").replaceAll("^-+|-+$", "");
        if (id.length() > MAX_REF_LENGTH) {
            id = id.substring(0, MAX_REF_LENGTH).replaceAll("-+$", "");
        }
        return new LicenceExpression.Licence("LicenseRef-" + (id.isEmpty() ? "unnamed" : id));
    }

    /** Whole licence texts pasted into a licence field are cut: the report needs the gist, not 20 kB. */
    private static String originalText(List<LicenceStatement> statements) {
        String text = statements.stream()
                .map(s -> s.text() != null ? s.text() : s.url())
                .map(s -> s.replaceAll("\\s+", " ").strip())
                .collect(Collectors.joining(" | "));
        return text.length() <= MAX_ORIGINAL_LENGTH ? text : text.substring(0, MAX_ORIGINAL_LENGTH - 1) + "…";
    }
}
