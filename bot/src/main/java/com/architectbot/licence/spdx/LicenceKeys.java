package com.architectbot.licence.spdx;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lookup keys for free licence text and licence URLs, so that "The Apache Software License, Version 2.0",
 * "apache software license version 2.0" and "Apache Software Licence - Version 2.0" meet in one key.
 */
public final class LicenceKeys {

    private static final Pattern PUNCTUATION =
            Pattern.compile("[\\s,;:()\\[\\]\"'`_/]+|(?<![0-9])\\.|\\.(?![0-9])|\\s-\\s|-\\s|\\s-");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern VERSION_WORD = Pattern.compile("v[0-9][0-9.]*");
    private static final Set<String> NOISE = Set.of("the", "license", "licenses", "version", "v", "ver");
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-z]+://");
    private static final Pattern URL_SUFFIX = Pattern.compile("(\\.(txt|html?|php|md|markdown))$");

    private LicenceKeys() {}

    /**
     * Lower case, British/American spelling folded, punctuation dropped, and the words that carry no
     * meaning in a licence name dropped ("the", "license", "version", "v" before a number), so "The
     * Apache License, Version 2.0" and "Apache 2.0 Licence" meet at "apache 2.0".
     */
    public static String text(String text) {
        String key = text.toLowerCase(Locale.ROOT).replace("licence", "license").replace("&", " and ");
        key = PUNCTUATION.matcher(key).replaceAll(" ");
        StringBuilder reduced = new StringBuilder();
        for (String word : SPACES.split(key.strip())) {
            if (word.isEmpty() || NOISE.contains(word)) {
                continue;
            }
            if (VERSION_WORD.matcher(word).matches()) {
                word = word.substring(1);
            }
            reduced.append(reduced.isEmpty() ? "" : " ").append(word);
        }
        return reduced.toString();
    }

    /** Scheme, {@code www.}, query, fragment, trailing slashes and file suffixes dropped; lower case. */
    public static String url(String url) {
        String key = url.strip().toLowerCase(Locale.ROOT);
        key = URL_SCHEME.matcher(key).replaceFirst("");
        int cut = indexOfAny(key, '?', '#');
        if (cut >= 0) {
            key = key.substring(0, cut);
        }
        if (key.startsWith("www.")) {
            key = key.substring(4);
        }
        while (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return URL_SUFFIX.matcher(key).replaceFirst("");
    }

    /** Whether a statement's text is really a URL (npm and POMs often put the URL in the name). */
    public static boolean looksLikeUrl(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www."))
                && !lower.contains(" ");
    }

    private static int indexOfAny(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }
}
