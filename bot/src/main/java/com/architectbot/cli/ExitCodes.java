package com.architectbot.cli;

/** The process exit codes every command shares; CI gates depend on them. */
final class ExitCodes {

    static final int OK = 0;
    /** {@code license-check} found at least one blocker. */
    static final int BLOCKER = 1;
    /** The input was unusable (empty question, malformed manifest, bad configuration). */
    static final int BAD_INPUT = 2;
    /** The work could not be completed (model or registry unreachable): try again; nothing was lost. */
    static final int NOT_COMPLETED = 3;

    private ExitCodes() {}
}
