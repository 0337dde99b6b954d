package com.architectbot.render;

import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.core.Reply;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders replies as Adaptive Cards (schema 1.5) for Teams: one card per message, as many messages as
 * the answer needs. Teams refuses messages over about 28 KB, so an answer is split between blocks
 * into cards of at most {@link #MAX_CARD_BYTES}, never cut off. Each card carries its own part of the
 * answer as Markdown in {@code fallbackText}, for clients that cannot draw cards.
 */
public final class AdaptiveCardRenderer {

    public static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    public static final String VERSION = "1.5";
    /** The card's share of Teams' ~28 KB message limit; the activity around it gets the rest. */
    public static final int MAX_CARD_BYTES = 24_000;
    /** One text block at most: 2,000 characters stay under the card limit even as 4-byte UTF-8, twice. */
    static final int MAX_BLOCK_CHARS = 2_000;
    /** The card's skeleton and the "part i of n" line. */
    private static final int CARD_OVERHEAD_BYTES = 600;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public List<ObjectNode> render(Reply reply) {
        return switch (reply) {
            case Reply.Answer answer -> render(answer.answer());
            case Reply.Notice notice -> pack(notice(notice));
            case Reply.LicenceCheck check -> render(check.report());
            // the file itself travels as the message's attachment (teams.TeamsMessages); the card says what it is
            case Reply.Export export -> pack(notice(new Reply.Notice(Reply.Tone.INFO, export.summary())));
        };
    }

    public List<ObjectNode> render(ConsultationAnswer answer) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.heading(Labels.SUMMARY));
        blocks.addAll(Block.text(answer.summary(), "", false));
        blocks.add(Block.heading(Labels.CRITICAL_ISSUES));
        if (answer.criticalIssues().isEmpty()) {
            blocks.addAll(Block.text(Labels.NO_CRITICAL_ISSUES, "", false));
        }
        answer.criticalIssues().forEach(issue -> blocks.addAll(Block.text(issue, "- ", true)));
        blocks.add(Block.heading(Labels.ANALYSIS));
        for (AreaAnalysis area : answer.analysis()) {
            blocks.add(Block.subheading(Labels.of(area.area())));
            area.findings().forEach(finding -> blocks.addAll(Block.text(finding, "- ", false)));
        }
        blocks.add(Block.heading(Labels.RECOMMENDATIONS));
        answer.recommendations().stream()
                .sorted(Comparator.comparing(Recommendation::priority)) // blockers first
                .forEach(r -> blocks.addAll(Block.text(
                        r.text(), "- **" + Labels.of(r.priority()) + ":** ", r.priority() == Priority.CRITICAL_BLOCKER)));
        blocks.add(Block.heading(Labels.QUESTIONS));
        for (int i = 0; i < answer.questions().size(); i++) {
            blocks.addAll(Block.text(answer.questions().get(i), (i + 1) + ". ", false));
        }
        return pack(blocks);
    }

    /** The summary and what needs attention first; the full table follows in cards of its own. */
    public List<ObjectNode> render(LicenceReport report) {
        List<Block> head = new ArrayList<>();
        head.add(Block.heading("Licence check"));
        head.addAll(Block.text(LicenceReportMarkdown.plainSummary(report), "", report.hasBlocker()));
        if (!report.problems().isEmpty()) {
            head.add(Block.subheading("Not checked"));
            report.problems().forEach(problem -> head.addAll(Block.text(
                    (problem.subject().isEmpty() ? "" : problem.subject() + ": ") + problem.reason(), "- ", false)));
        }
        if (!report.needingAttention().isEmpty()) {
            head.add(Block.subheading("Needs attention"));
            report.needingAttention().forEach(finding -> head.addAll(Block.text(
                    LicenceReportMarkdown.sentence(finding), "- ", finding.verdict() == Verdict.BLOCKER)));
        }
        List<Block> table = new ArrayList<>();
        table.add(Block.heading("All dependencies"));
        report.dependencies().forEach(finding -> table.addAll(Block.text(LicenceReportMarkdown.sentence(finding), "- ", false)));
        List<ObjectNode> cards = new ArrayList<>(pack(head));
        cards.addAll(pack(table));
        return List.copyOf(cards);
    }

    private static List<Block> notice(Reply.Notice notice) {
        String color = switch (notice.tone()) {
            case INFO -> "default";
            case REJECTED -> "warning";
            case FAILED -> "attention";
        };
        List<Block> blocks = new ArrayList<>();
        for (String line : notice.text().strip().split("\n")) {
            blocks.addAll(Block.colored(line, color));
        }
        return blocks;
    }

    private static List<ObjectNode> pack(List<Block> blocks) {
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
                .put("$schema", SCHEMA)
                .put("version", VERSION)
                .put("fallbackText", fallback.toString().strip());
        card.putObject("msteams").put("width", "Full");
        card.set("body", body);
        return card;
    }

    private static ObjectNode textBlock(String text) {
        return NODES.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    /** One element of the card and the same content as a Markdown line, with its size in the card. */
    private record Block(ObjectNode element, String markdown, int bytes) {

        Block(ObjectNode element, String markdown) {
            this(element, markdown, utf8Length(element) + utf8Length(NODES.textNode(markdown)) + 2);
        }

        static Block heading(String title) {
            return new Block(textBlock(title).put("style", "heading").put("size", "Large").put("weight", "Bolder")
                    .put("spacing", "Large"), "\n## " + title + "\n");
        }

        static Block subheading(String title) {
            return new Block(textBlock(title).put("weight", "Bolder").put("spacing", "Medium"), "\n### " + title + "\n");
        }

        /** Text under a bullet or number prefix; long text continues in further blocks. */
        static List<Block> text(String text, String prefix, boolean emphasised) {
            List<Block> blocks = new ArrayList<>();
            List<String> pieces = pieces(text.strip());
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
            return pieces(text.strip()).stream()
                    .map(piece -> new Block(textBlock(piece).put("color", color), piece))
                    .toList();
        }

        private static List<String> pieces(String text) {
            List<String> pieces = new ArrayList<>();
            String rest = text;
            while (rest.length() > MAX_BLOCK_CHARS) {
                int cut = rest.lastIndexOf(' ', MAX_BLOCK_CHARS);
                cut = cut <= MAX_BLOCK_CHARS / 2 ? MAX_BLOCK_CHARS : cut;
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--; // never split a character in two
                }
                pieces.add(rest.substring(0, cut).strip());
                rest = rest.substring(cut).strip();
            }
            pieces.add(rest);
            return pieces;
        }

        private static int utf8Length(com.fasterxml.jackson.databind.JsonNode node) {
            try {
                return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serialises", e);
            }
        }
    }
}
