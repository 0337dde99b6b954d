package com.architectbot.teams.cards;

import static com.architectbot.teams.cards.CardFormat.MAX_CARD_BYTES;

import com.architectbot.render.TextChunks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Adaptive Card building blocks: text blocks no longer than {@value #MAX_BLOCK_CHARS} characters,
 * each with its Markdown twin for the card's fallback text, and the packing of blocks into cards of at most
 * {@link CardFormat#MAX_CARD_BYTES}, marked "Part i of n" when there are several.
 */
final class AdaptiveCardBlocks {

    /** One text block at most: 2,000 characters stay under the card limit even as 4-byte UTF-8, twice. */
    static final int MAX_BLOCK_CHARS = 2_000;
    /** The card's skeleton and the "part i of n" line. */
    private static final int CARD_OVERHEAD_BYTES = 600;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdaptiveCardBlocks() {}

    /** One element of the card and the same content as a Markdown line, with its size in the card. */
    record Block(ObjectNode element, String markdown, int bytes) {

        Block(ObjectNode element, String markdown) {
            this(element, markdown, utf8Length(element) + utf8Length(NODES.textNode(markdown)) + 2);
        }
    }

    static Block heading(String title) {
        return new Block(
                textBlock(title)
                        .put("style", "heading")
                        .put("size", "Large")
                        .put("weight", "Bolder")
                        .put("spacing", "Large"),
                "\n## " + title + "\n");
    }

    static Block subheading(String title) {
        return new Block(textBlock(title).put("weight", "Bolder").put("spacing", "Medium"), "\n### " + title + "\n");
    }

    /** Text under a bullet or number prefix; long text continues in further blocks. */
    static List<Block> text(String text, String prefix, boolean emphasised) {
        List<Block> blocks = new ArrayList<>();
        List<String> pieces = pieces(text);
        for (int i = 0; i < pieces.size(); i++) {
            String line = (i == 0 ? prefix : "") + pieces.get(i);
            ObjectNode element = textBlock(line.startsWith("- ") ? "• " + line.substring(2) : line);
            if (emphasised) {
                element.put("color", "attention").put("weight", "Bolder");
            }
            blocks.add(new Block(element.put("spacing", i == 0 ? "Small" : "None"), line));
        }
        return blocks;
    }

    static List<Block> colored(String text, String color) {
        return pieces(text).stream()
                .map(piece -> new Block(textBlock(piece).put("color", color), piece))
                .toList();
    }

    /** The text in pieces of at most a block's length; an empty text is one empty piece. */
    private static List<String> pieces(String text) {
        List<String> pieces = TextChunks.split(text.strip(), MAX_BLOCK_CHARS).stream()
                .map(String::strip)
                .filter(piece -> !piece.isEmpty())
                .toList();
        return pieces.isEmpty() ? List.of("") : pieces;
    }

    static List<ObjectNode> pack(List<Block> blocks) {
        List<List<Block>> parts = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        int size = CARD_OVERHEAD_BYTES;
        for (Block block : blocks) {
            if (!current.isEmpty() && size + block.bytes() > MAX_CARD_BYTES) {
                parts.add(current);
                current = new ArrayList<>();
                size = CARD_OVERHEAD_BYTES;
            }
            current.add(block);
            size += block.bytes();
        }
        parts.add(current);
        List<ObjectNode> cards = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            cards.add(card(parts.get(i), parts.size() == 1 ? "" : "Part " + (i + 1) + " of " + parts.size()));
        }
        return List.copyOf(cards);
    }

    private static ObjectNode card(List<Block> blocks, String partLabel) {
        ArrayNode body = NODES.arrayNode();
        StringBuilder fallback = new StringBuilder();
        if (!partLabel.isEmpty()) {
            body.add(textBlock(partLabel).put("isSubtle", true).put("size", "Small"));
            fallback.append('_').append(partLabel).append("_\n\n");
        }
        blocks.forEach(block -> {
            body.add(block.element());
            fallback.append(block.markdown()).append('\n');
        });
        ObjectNode card = NODES.objectNode()
                .put("type", "AdaptiveCard")
                .put("$schema", CardFormat.SCHEMA)
                .put("version", CardFormat.VERSION)
                .put("fallbackText", fallback.toString().strip());
        card.putObject("msteams").put("width", "Full");
        card.set("body", body);
        return card;
    }

    private static ObjectNode textBlock(String text) {
        return NODES.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    private static int utf8Length(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
