package com.architectbot.core;

import com.architectbot.conversation.ThreadKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Where a worker fetches the files users send with an inquiry. Request threads only record where a file
 * is ({@link InquiryFile}); the download happens on the worker, so nothing is lost if the process stops
 * after the platform's ack, and jobs stay small. Each surface implements it (with its own credentials).
 */
@FunctionalInterface
public interface FileSource {

    /**
     * The file's content as a manifest for a licence check.
     *
     * @param thread the conversation the file was sent in: its tenant picks the credentials
     * @throws PermanentFailure when the file cannot be used (too large, not text, gone); its user message
     *     says what to send instead
     * @throws RetryableFailure when the file host could not be reached
     */
    FileText fetch(InquiryFile file, ThreadKey thread);

    /**
     * The file as a picture for a consultation (PNG, JPEG, GIF, WebP, or a PDF still to be rendered), read as
     * {@link FileReading#pictures} says: the same cap and the same recognition by its bytes on every surface.
     *
     * @throws PermanentFailure when the file cannot be used (too large, not a picture, gone) or this surface
     *     reads no pictures; its user message says what to send instead
     * @throws RetryableFailure when the file host could not be reached
     */
    default Picture picture(InquiryFile file, ThreadKey thread) {
        throw new PermanentFailure(
                "I can't read pictures sent here. Describe the diagram in words instead.",
                "no picture source for " + thread.surface().id(),
                null);
    }

    /**
     * Reads a download as a manifest, at most one byte past {@code maxBytes}: a file larger than announced is
     * refused, never buffered whole. One cap and one message for every surface.
     *
     * @throws PermanentFailure when the file is larger than {@code maxBytes} or not text
     */
    static FileText readManifest(InputStream body, InquiryFile file, int maxBytes) throws IOException {
        byte[] content = body.readNBytes(maxBytes + 1);
        if (content.length > maxBytes) {
            throw tooLarge(file, maxBytes);
        }
        return textManifest(file, content);
    }

    /** The failure for a file over the cap, naming the cap and what to send instead. */
    static PermanentFailure tooLarge(InquiryFile file, int maxBytes) {
        return new PermanentFailure(displayName(file) + " is larger than " + maxBytes / 1024 + " KB. Send just the "
                + "manifest (pom.xml, package.json, a lockfile), or run `architect-bot license-check` from the "
                + "command line.");
    }

    /**
     * The downloaded bytes as a manifest, or a {@link PermanentFailure} telling the user the file is not text:
     * one rule for every surface.
     */
    static FileText textManifest(InquiryFile file, byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            if (text.indexOf('\0') < 0) {
                return new FileText(file.name(), text);
            }
        } catch (CharacterCodingException e) {
            // not UTF-8: treated as binary below
        }
        throw new PermanentFailure(
                displayName(file) + " is not a text file. Send a manifest such as pom.xml, "
                        + "package.json or a lockfile.",
                "fetched " + file + " is not UTF-8 text",
                null);
    }

    /** The file's name for a user message, or a neutral stand-in when it came without one. */
    static String displayName(InquiryFile file) {
        return file.name().isBlank() ? "The file you sent" : file.name();
    }
}
