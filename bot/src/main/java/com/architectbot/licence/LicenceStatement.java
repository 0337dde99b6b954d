package com.architectbot.licence;

/**
 * One licence as a registry states it, uninterpreted: an SPDX expression, a name such as
 * "The Apache Software License, Version 2.0", "SEE LICENSE IN LICENSE.md", and/or a URL.
 */
public record LicenceStatement(String text, String url) {

    public LicenceStatement {
        text = text == null || text.isBlank() ? null : text.strip();
        url = url == null || url.isBlank() ? null : url.strip();
        if (text == null && url == null) {
            throw new IllegalArgumentException("a licence statement needs a text or a URL");
        }
    }
}
