package com.architectbot.consultation;

/** What the user asked for. */
public enum InquiryKind {
    /** An architecture question for the production architect. */
    CONSULTATION,
    /** A licence check of packages or a manifest. */
    LICENCE_CHECK,
    /** Erase this thread's context. */
    FORGET,
    /** Show what the bot can do. */
    HELP
}
