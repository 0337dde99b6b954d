package com.architectbot.tenancy;

/** Whether a request fits its plan, and if not, which limit it hit. */
public enum Admission {
    ADMITTED,
    USER_REQUESTS,
    TENANT_REQUESTS,
    USER_TOKENS,
    TENANT_TOKENS
}
