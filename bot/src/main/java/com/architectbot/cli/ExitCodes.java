package com.architectbot.cli;

/** The process exit codes every command shares; CI gates depend on them. */
final class ExitCodes {

    static final int OK = 0;
    /** The work failed (model unreachable, a licence blocker found): the output says why. */
    static final int FAILED = 1;
    /** The input was unusable (empty question, malformed manifest, bad configuration). */
    static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
