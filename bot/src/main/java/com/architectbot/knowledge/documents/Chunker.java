package com.architectbot.knowledge.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document's sections into passages: a section that fits is one passage, so a passage never mixes two
 * sections; a longer one is cut at paragraph ends, and a paragraph longer than a passage at sentence ends.
 */
public final class Chunker {

    /** About a minute of reading: enough context for the model, small enough to match one topic. */
    public static final int MAX_CHARS = 1_200;

    private final int maxChars;

    public Chunker() {
        this(MAX_CHARS);
    }

    Chunker(int maxChars) {
        this.maxChars = maxChars;
    }

    public List<Chunk> chunks(ReadDocument document) {
        List<Chunk> chunks = new ArrayList<>();
        for (DocumentSection section : document.sections()) {
            for (String piece : pieces(section.text())) {
                chunks.add(new Chunk(section.heading(), piece));
            }
        }
        return chunks;
    }

    private List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            for (String part : paragraph.length() > maxChars ? sentences(paragraph) : List.of(paragraph.strip())) {
                if (!piece.isEmpty() && piece.length() + part.length() + 2 > maxChars) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
                piece.append(piece.isEmpty() ? "" : "\n\n").append(part);
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    /** A long paragraph at sentence ends; a sentence longer than a passage is cut at the limit. */
    private List<String> sentences(String paragraph) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String sentence : paragraph.strip().split("(?<=[.!?])\\s+")) {
            for (int at = 0; at < sentence.length(); at += maxChars) {
                String slice = sentence.substring(at, Math.min(sentence.length(), at + maxChars));
                if (!part.isEmpty() && part.length() + slice.length() + 1 > maxChars) {
                    parts.add(part.toString());
                    part.setLength(0);
                }
                part.append(part.isEmpty() ? "" : " ").append(slice);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }
}
