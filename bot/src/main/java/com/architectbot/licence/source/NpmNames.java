package com.architectbot.licence.source;

import java.util.regex.Pattern;

/**
 * What npm accepts as a package name (its own validate-npm-package-name rules): URL-safe characters,
 * at most 214 of them, not starting with a dot or an underscore, with an optional {@code @scope/}.
 * Anything else is bad input, never a path sent to a registry.
 */
public final class NpmNames {

    public static final int MAX_NAME_CHARS = 214;
    /** Shown to the user with a rejected name. */
    public static final String RULE = "npm names are letters, digits and - . _ ~ ! * ' ( ), at most " + MAX_NAME_CHARS
            + " characters, not starting with . or _, with an optional @scope/";

    private static final String PART = "[a-z0-9~!*'()-][a-z0-9._~!*'()-]*";
    private static final Pattern NAME = Pattern.compile("(@" + PART + "/)?" + PART, Pattern.CASE_INSENSITIVE);

    private NpmNames() {}

    /** @param fullName the name with its scope, e.g. {@code @types/node} */
    public static boolean valid(String fullName) {
        return fullName != null
                && fullName.length() <= MAX_NAME_CHARS
                && NAME.matcher(fullName).matches();
    }
}
