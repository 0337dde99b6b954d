package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * A file the user sent with an inquiry (a manifest or lockfile to check), not yet downloaded: request
 * threads only record where it is; a worker fetches it through the surface's file source.
 *
 * @param name the file name as the user sent it, e.g. {@code pom.xml}
 * @param location where the surface serves it: a Teams download URL, or {@code slack-file:<file id>} (the
 *     worker looks the file up with the workspace's token)
 */
public record InquiryFile(String name, URI location) {

    public InquiryFile {
        requireNonNull(location, "location");
        name = name == null ? "" : name;
    }

    @Override
    public String toString() {
        return "InquiryFile[" + name + "]"; // download URLs carry access tokens
    }
}
