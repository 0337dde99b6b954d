package com.architectbot.knowledge.documents;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads an uploaded file into a document: its title, kind and sections. */
public final class DocumentReader {

    /** A document's title when it has none of its own: its file name without the extension. */
    static String titleFromFileName(String fileName) {
        String name = fileName.replaceAll(".*[/\\\\]", "");
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name)
                .replace('-', ' ')
                .replace('_', ' ')
                .strip();
    }

    /**
     * The document in the file.
     *
     * @throws UnreadableDocument when the file is not a document this reader knows, or is broken; the message says
     *     which formats are read
     */
    public ReadDocument read(Upload upload) {
        String name = upload.fileName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt")) {
            MarkdownSections.Parsed parsed = MarkdownSections.parse(text(upload));
            String title = parsed.title().isEmpty() ? titleFromFileName(upload.fileName()) : parsed.title();
            return new ReadDocument(title, DocumentKind.DOCUMENT, "", "", parsed.sections());
        }
        throw new UnreadableDocument(
                "I can't read " + upload.fileName() + " as a document. Send Markdown (.md) or plain text (.txt).");
    }

    private static String text(Upload upload) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(upload.bytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableDocument(
                    upload.fileName() + " is not UTF-8 text. Save it as UTF-8 and send it again.", e);
        }
    }
}
