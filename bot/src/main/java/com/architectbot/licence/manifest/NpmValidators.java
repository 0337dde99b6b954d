package com.architectbot.licence.manifest;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code ETag} and {@code Last-Modified} a registry sends, kept only when they have the form HTTP
 * gives them: they come from the other side and are sent back later, so junk (CR/LF, 10 KB of text) is
 * dropped here and never reaches a request.
 */
final class NpmValidators {

    static final int MAX_ETAG_CHARS = 256;
    /** RFC 9110 entity-tag: optional weak marker, then a quoted string of visible characters but the quote. */
    private static final Pattern ETAG = Pattern.compile("(W/)?\"[\\x21\\x23-\\x7E]*\"");

    private NpmValidators() {}

    static Optional<String> etag(Optional<String> header) {
        return header.map(String::strip)
                .filter(value ->
                        value.length() <= MAX_ETAG_CHARS && ETAG.matcher(value).matches());
    }

    /** Re-written from the parsed date, so only a date ever goes back. */
    static Optional<String> lastModified(Optional<String> header) {
        return header.filter(value -> value.length() <= 64).flatMap(value -> {
            try {
                ZonedDateTime date = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.format(date));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
