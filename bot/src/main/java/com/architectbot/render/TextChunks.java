package com.architectbot.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into pieces that each fit a platform's size limit without losing a character: on
 * paragraph breaks first, then line breaks (bullets), then spaces, and only a single unbroken run longer
 * than the limit (a long URL) is cut mid-word. Joining the pieces with the separator they were split on
 * gives the text back.
 */
public final class TextChunks {

    private static final String[] BOUNDARIES = {"\n\n", "\n", " "};

    private TextChunks() {}

    /** Pieces of at most {@code limit} characters, in order; a text that fits comes back whole. */
    public static List<String> split(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        List<String> pieces = new ArrayList<>();
        split(text, limit, 0, pieces);
        return pieces;
    }

    private static void split(String text, int limit, int level, List<String> out) {
        if (text.length() <= limit) {
            out.add(text);
            return;
        }
        if (level == BOUNDARIES.length) {
            hardSplit(text, limit, out);
            return;
        }
        String boundary = BOUNDARIES[level];
        StringBuilder current = new StringBuilder();
        for (String part : text.split(boundary, -1)) {
            if (part.length() > limit) {
                flush(current, out);
                split(part, limit, level + 1, out);
            } else if (current.isEmpty()) {
                current.append(part);
            } else if (current.length() + boundary.length() + part.length() <= limit) {
                current.append(boundary).append(part);
            } else {
                flush(current, out);
                current.append(part);
            }
        }
        flush(current, out);
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (!current.isEmpty()) {
            out.add(current.toString());
            current.setLength(0);
        }
    }

    private static void hardSplit(String text, int limit, List<String> out) {
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + limit);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split an emoji's surrogate pair
            }
            out.add(text.substring(start, end));
            start = end;
        }
    }
}
