package com.architectbot.licence.spdx;

/** The text is not a valid SPDX licence expression (bad syntax, or an id the SPDX list does not have). */
public final class SpdxParseException extends IllegalArgumentException {

    public SpdxParseException(String message) {
        super(message);
    }
}
