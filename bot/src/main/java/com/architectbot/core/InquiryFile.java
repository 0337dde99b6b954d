package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * A file the user sent with an inquiry (a manifest to check, a diagram to review), not yet downloaded: request
 * threads only record where it is; a worker fetches it through the surface's file source.
 *
 * @param name the file name as the user sent it, e.g. {@code pom.xml}
 * @param location where the surface serves it: a Teams download URL, or {@code slack-file:<file id>} (the
 *     worker looks the file up with the workspace's token)
 * @param claimedType the media type the platform gave it ({@code image/png}), empty when none: a hint for
 *     what the message means (a pasted image often has no name), never trusted for what the bytes are
 */
public record InquiryFile(String name, URI location, String claimedType) {

    public InquiryFile {
        requireNonNull(location, "location");
        name = name == null ? "" : name;
        claimedType = claimedType == null ? "" : claimedType; // jobs queued before the field existed
    }

    /** A file the platform gave no media type. */
    public InquiryFile(String name, URI location) {
        this(name, location, "");
    }

    @Override
    public String toString() {
        return "InquiryFile[" + name + "]"; // download URLs carry access tokens
    }
}
