package com.architectbot.licence.spdx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tokens of one licence expression, and the parser's position in them. */
final class ExpressionTokens {

    private static final List<String> RESERVED = List.of("AND", "OR", "WITH", "(", ")");
    private static final int MAX_ECHOED_CHARS = 120;
    private final String source;
    private final List<String> tokens;
    private int position;
    private int depth;

    ExpressionTokens(String source, List<String> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    boolean hasNext() {
        return position < tokens.size();
    }

    String peek() {
        return tokens.get(position);
    }

    boolean nextIs(String token) {
        return hasNext() && peek().equals(token);
    }

    String next() {
        return tokens.get(position++);
    }

    String nextOperand(String what) {
        if (!hasNext() || RESERVED.contains(peek())) {
            throw error("expected " + what + (hasNext() ? " before '" + peek() + "'" : " at the end"));
        }
        return next();
    }

    void expect(String token) {
        if (!nextIs(token)) {
            throw error("expected '" + token + "'" + (hasNext() ? " before '" + peek() + "'" : " at the end"));
        }
        next();
    }

    /** Consumes a '(' one level deeper, refusing to go past {@code maxNesting}. */
    void open(int maxNesting) {
        expect("(");
        if (++depth > maxNesting) {
            throw error("parentheses nested deeper than " + maxNesting + " levels");
        }
    }

    void close() {
        expect(")");
        depth--;
    }

    SpdxParseException error(String problem) {
        String echoed = source.length() > MAX_ECHOED_CHARS ? source.substring(0, MAX_ECHOED_CHARS) + "…" : source;
        return new SpdxParseException(problem + " in licence expression '" + echoed + "'");
    }

    static List<String> tokenise(String expression, boolean slashMeansOr) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : expression.toCharArray()) {
            boolean separator = Character.isWhitespace(c) || c == '(' || c == ')' || (slashMeansOr && c == '/');
            if (!separator) {
                word.append(c);
                continue;
            }
            flush(word, tokens);
            if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
            } else if (c == '/') {
                tokens.add("OR");
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (!word.isEmpty()) {
            String text = word.toString();
            String upper = text.toUpperCase(Locale.ROOT);
            tokens.add(upper.equals("AND") || upper.equals("OR") || upper.equals("WITH") ? upper : text);
            word.setLength(0);
        }
    }
}
