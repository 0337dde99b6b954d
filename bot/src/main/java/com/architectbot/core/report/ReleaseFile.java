package com.architectbot.core.report;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A file that goes with a licence report in chat (the report as JSON, an SBOM, the third-party notices). Its
 * name is the bot's own, fixed per kind of file: never the user's manifest name, so nothing a user sends can
 * shape the name of a file the bot uploads.
 *
 * @param name a plain file name: letters, digits, '.', '-', '_'; no path, no "..", at most 64 characters
 * @param mediaType what the content is, e.g. {@code application/json}
 */
public record ReleaseFile(String name, String mediaType, String content) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ReleaseFile {
        requireNonNull(name, "name");
        requireNonNull(mediaType, "mediaType");
        requireNonNull(content, "content");
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("not a plain file name of ours: " + name.length() + " chars");
        }
    }

    @Override
    public String toString() {
        return "ReleaseFile[" + name + ", " + content.length() + " chars]"; // the content quotes the user's packages
    }
}
