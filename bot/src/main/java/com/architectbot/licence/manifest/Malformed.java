package com.architectbot.licence.manifest;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.redaction.SecretRedactor;
import com.architectbot.licence.CheckInput;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;

/** The one way a reader rejects a manifest: a user message that names the file and what is wrong. */
final class Malformed {

    private static final int MAX_ECHOED_CHARS = 120;

    private Malformed() {}

    static PermanentFailure manifest(CheckInput.Manifest manifest, String what) {
        return manifest(manifest, what, null);
    }

    static PermanentFailure manifest(CheckInput.Manifest manifest, String what, Throwable cause) {
        // "what" may quote the file, and the message is posted to the thread: remove pasted secrets first
        String message = SecretRedactor.redact(
                label(manifest) + " could not be read: " + what + ". Fix the file and try again.");
        return new PermanentFailure(message, message, cause);
    }

    static PermanentFailure json(CheckInput.Manifest manifest, JacksonException e) {
        JsonLocation at = e.getLocation();
        String where =
                at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return manifest(
                manifest,
                "it is not valid " + format(manifest) + where + " (" + firstLine(e.getOriginalMessage()) + ")",
                e);
    }

    /** How the file is named in messages: its name, or a neutral word when the user gave none. */
    static String label(CheckInput.Manifest manifest) {
        return manifest.fileName().isBlank() ? "the manifest" : manifest.fileName();
    }

    private static String format(CheckInput.Manifest manifest) {
        String name = manifest.fileName().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".toml") || name.endsWith(".lock") ? "TOML" : "JSON";
    }

    /** A piece of the user's file quoted in a message, cut short. */
    static String echo(String text) {
        return text.length() > MAX_ECHOED_CHARS ? text.substring(0, MAX_ECHOED_CHARS) + "…" : text;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        String line = text.strip().lines().findFirst().orElse("no detail");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
