package com.architectbot.prompts;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads prompts from {@code /prompts/<name>.md} on the classpath and fills in their {@code {{variable}}}
 * placeholders. Every mistake fails loudly, because a prompt sent with a hole in it fails quietly at the
 * model: a missing file, a variable without a value, or a malformed placeholder all throw.
 */
public final class Prompts {

    /** The system prompt of the production architect. */
    public static final String PRODUCTION_ARCHITECT = "production-architect";
    /** Asks the model to re-send an unreadable reply as valid JSON; variables {@code error}, {@code fields}. */
    public static final String REPAIR = "repair";
    /** Every prompt this module ships, for tests and start-up checks. */
    public static final List<String> ALL = List.of(PRODUCTION_ARCHITECT, REPAIR);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private Prompts() {}

    /** The prompt's text as written, placeholders included. */
    public static String load(String name) {
        requireNonNull(name, "name");
        String resource = "/prompts/" + name + ".md";
        try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "no prompt '" + name + "': " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read prompt " + resource, e);
        }
    }

    /** The names of the variables the prompt expects, in order of first use. */
    public static Set<String> variables(String name) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(load(name));
        while (matcher.find()) {
            names.add(checkedName(name, matcher.group(1)));
        }
        return names;
    }

    /** The prompt with every placeholder replaced; values are inserted as they are, never re-scanned. */
    public static String render(String name, Map<String, String> values) {
        requireNonNull(values, "values");
        String template = load(name);
        if (PLACEHOLDER.matcher(template).replaceAll("").contains("{{")) {
            throw new IllegalArgumentException("prompt '" + name + "' has an unclosed '{{' placeholder");
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length());
        while (matcher.find()) {
            String variable = checkedName(name, matcher.group(1));
            String value = values.get(variable);
            if (value == null) {
                throw new IllegalArgumentException(
                        "prompt '" + name + "' needs a value for {{" + variable + "}}; given: " + values.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String checkedName(String prompt, String placeholder) {
        if (!NAME.matcher(placeholder).matches()) {
            throw new IllegalArgumentException(
                    "prompt '" + prompt + "' has a malformed placeholder {{" + placeholder + "}}");
        }
        return placeholder;
    }
}
