package com.architectbot.knowledge.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown split at its headings. The one top-level heading is the title; deeper headings form each section's
 * path ({@code Options › Postgres}). Lines inside fenced code blocks are never headings.
 */
final class MarkdownSections {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    static final String PATH_SEPARATOR = " › ";

    private MarkdownSections() {}

    /** The title (empty when there is no single top-level heading) and the sections in order. */
    static Parsed parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        String title = title(lines);
        List<DocumentSection> sections = new ArrayList<>();
        String[] path = new String[7];
        StringBuilder text = new StringBuilder();
        String heading = "";
        boolean fenced = false;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
            }
            Matcher matcher = fenced ? null : HEADING.matcher(line);
            if (matcher == null || !matcher.matches()) {
                text.append(line).append('\n');
                continue;
            }
            add(sections, heading, text);
            int level = matcher.group(1).length();
            String words = matcher.group(2).strip();
            if (level == 1 && words.equals(title)) {
                heading = "";
                continue;
            }
            path[level] = words;
            for (int deeper = level + 1; deeper < path.length; deeper++) {
                path[deeper] = null;
            }
            heading = join(path, level);
        }
        add(sections, heading, text);
        return new Parsed(title, sections);
    }

    record Parsed(String title, List<DocumentSection> sections) {}

    private static String title(List<String> lines) {
        List<String> topLevel = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
            }
            Matcher matcher = HEADING.matcher(line);
            if (!fenced && matcher.matches() && matcher.group(1).length() == 1) {
                topLevel.add(matcher.group(2).strip());
            }
        }
        return topLevel.size() == 1 ? topLevel.getFirst() : "";
    }

    private static String join(String[] path, int level) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= level; i++) {
            if (path[i] != null) {
                parts.add(path[i]);
            }
        }
        return String.join(PATH_SEPARATOR, parts);
    }

    private static void add(List<DocumentSection> sections, String heading, StringBuilder text) {
        String body = text.toString().strip();
        text.setLength(0);
        if (!body.isEmpty()) {
            sections.add(new DocumentSection(heading, body));
        }
    }
}
