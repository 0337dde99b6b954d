package com.architectbot.licence;

import java.util.List;

/**
 * What the package's metadata declares, before interpretation. Several statements are alternatives
 * (several POM {@code <license>} elements, npm's legacy {@code licenses} array): they combine with OR.
 *
 * @param inheritedFrom null when the package declares it itself; otherwise the package (a parent POM)
 *     it was inherited from
 */
public record DeclaredLicence(List<LicenceStatement> statements, PackageRef inheritedFrom) {

    public DeclaredLicence {
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    public static DeclaredLicence none() {
        return new DeclaredLicence(List.of(), null);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
