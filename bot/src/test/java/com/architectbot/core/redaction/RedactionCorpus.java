package com.architectbot.core.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cases of {@code redaction/corpus.txt}, expanded: the file holds no real-looking token, only
 * templates that become one here (see the file's header).
 */
record RedactionCorpus(String kind, String label, String text) {

    private static final Pattern FILLER = Pattern.compile("\\{([AHULB]):(\\d+)}");
    private static final Pattern MARKED = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);

    static List<RedactionCorpus> load() {
        try (InputStream in = RedactionCorpus.class.getResourceAsStream("/redaction/corpus.txt")) {
            Random random = new Random(20_260_101L);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\\|", 3))
                    .map(parts ->
                            new RedactionCorpus(parts[0].strip(), parts[1].strip(), expand(parts[2].strip(), random)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isSecret() {
        return kind.equals("secret");
    }

    /** The text as a user would paste it. */
    String input() {
        return MARKED.matcher(text).replaceAll(marked -> Matcher.quoteReplacement(marked.group(1)));
    }

    /** The secrets in the text. */
    List<String> secrets() {
        return MARKED.matcher(text).results().map(marked -> marked.group(1)).toList();
    }

    /** The text with each secret replaced by its label. */
    String expected() {
        return MARKED.matcher(text).replaceAll(Matcher.quoteReplacement("[redacted " + label + "]"));
    }

    private static String expand(String template, Random random) {
        String joined = template.replace("<+>", "");
        String filled = FILLER.matcher(joined)
                .replaceAll(filler -> random(alphabet(filler.group(1)), Integer.parseInt(filler.group(2)), random));
        return filled.replace("\\\\", "\u0000").replace("\\n", "\n").replace("\u0000", "\\");
    }

    private static String alphabet(String code) {
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        String lower = "abcdefghijklmnopqrstuvwxyz";
        return switch (code) {
            case "A" -> upper + lower + "0123456789";
            case "H" -> "0123456789abcdef";
            case "U" -> upper + "0123456789";
            case "L" -> upper + lower;
            default -> upper + lower + "0123456789+/";
        };
    }

    private static String random(String alphabet, int length, Random random) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return kind + " " + label + ": " + input().replace("\n", "\\n");
    }
}
