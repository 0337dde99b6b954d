package com.architectbot.licence.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes an SBOM's JSON. Package names and licence texts come from manifests and registries, and SBOMs get
 * pasted into web pages and chat previews, so {@code < > &} and the two JavaScript line separators are written
 * as {@code \}{@code uXXXX} escapes: the JSON means the same, and no {@code </script>} appears in it.
 */
final class SbomJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        JSON.getFactory().setCharacterEscapes(new HtmlSafe());
    }

    private SbomJson() {}

    static ObjectMapper mapper() {
        return JSON;
    }

    static String write(JsonNode document) {
        try {
            return JSON.writeValueAsString(document) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static final class HtmlSafe extends CharacterEscapes {
        private static final int LINE_SEPARATOR = 0x2028;
        private static final int PARAGRAPH_SEPARATOR = 0x2029;
        private final int[] escapes = standardAsciiEscapesForJSON();

        HtmlSafe() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        /** Beyond ASCII, only the line and paragraph separators, which end a JavaScript string literal. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case LINE_SEPARATOR -> new SerializedString("\\u2028");
                case PARAGRAPH_SEPARATOR -> new SerializedString("\\u2029");
                default -> null;
            };
        }
    }
}
