package com.architectbot.licence;

import com.architectbot.licence.spdx.LicenceExpression;
import com.architectbot.licence.spdx.LicenceKeys;
import com.architectbot.licence.spdx.SpdxExpressionParser;
import com.architectbot.licence.spdx.TsvResource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Our table of licence names and URLs as registries state them, from {@code licence-aliases.tsv}. */
final class LicenceAliases {

    static final String RESOURCE = "/licence/licence-aliases.tsv";

    private final Map<String, LicenceExpression> byText;
    private final Map<String, LicenceExpression> byUrl;

    private LicenceAliases(Map<String, LicenceExpression> byText, Map<String, LicenceExpression> byUrl) {
        this.byText = Map.copyOf(byText);
        this.byUrl = Map.copyOf(byUrl);
    }

    /** Every mapping is parsed at load time, so a typo in the table fails at start-up, naming the line. */
    static LicenceAliases bundled(SpdxExpressionParser parser) {
        Map<String, LicenceExpression> byText = new HashMap<>();
        Map<String, LicenceExpression> byUrl = new HashMap<>();
        TsvResource.read(RESOURCE, (lineNumber, columns) -> {
            if (columns.length != 2) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected text TAB expression");
            }
            LicenceExpression expression = parse(parser, columns[1], lineNumber);
            String key = columns[0].strip();
            if (key.startsWith("http")) {
                byUrl.put(LicenceKeys.url(key), expression);
            } else {
                byText.put(LicenceKeys.text(key), expression);
            }
        });
        return new LicenceAliases(byText, byUrl);
    }

    /** Every expression the table maps to. */
    Stream<LicenceExpression> targets() {
        return Stream.concat(byText.values().stream(), byUrl.values().stream());
    }

    Optional<LicenceExpression> byText(String text) {
        return Optional.ofNullable(byText.get(LicenceKeys.text(text)));
    }

    Optional<LicenceExpression> byUrl(String url) {
        return Optional.ofNullable(byUrl.get(LicenceKeys.url(url)));
    }

    private static LicenceExpression parse(SpdxExpressionParser parser, String expression, int lineNumber) {
        try {
            return parser.parse(expression.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }
}
