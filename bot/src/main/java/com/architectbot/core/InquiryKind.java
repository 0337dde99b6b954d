package com.architectbot.core;

/** What the user asked for. */
public enum InquiryKind {
    /** An architecture question for the production architect. */
    CONSULTATION,
    /** A licence check of packages or a manifest. */
    LICENCE_CHECK,
    /** Erase this thread's context. */
    FORGET,
    /** Show what the bot can do. */
    HELP,
    /** This tenant's usage this month, with its limits (admins only). */
    USAGE,
    /** Show or change the tenant's settings: licence policy, model (admins only). */
    SETTINGS,
    /** Send the user everything the bot keeps of their conversations. */
    EXPORT,
    /** Erase the user's conversations in every thread. */
    FORGET_ME,
    /** Erase everything kept about the tenant; the text {@code confirm} confirms it (admins only). */
    ERASE_ALL_DATA,
    /** The tenant's knowledge: {@code add}, {@code list}, {@code show}, {@code remove}, {@code accept} (changes: admins). */
    KNOWLEDGE,
    /** Write an architecture decision record from the thread, proposed until an admin accepts it. */
    DECISION_RECORD
}
