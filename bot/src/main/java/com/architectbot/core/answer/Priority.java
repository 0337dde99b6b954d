package com.architectbot.core.answer;

/** How urgently a recommendation must be acted on; the persona's three flags. */
public enum Priority {
    CRITICAL_BLOCKER,
    BEFORE_LAUNCH,
    FUTURE
}
