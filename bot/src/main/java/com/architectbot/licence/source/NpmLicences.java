package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceStatement;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How an npm version's metadata declares its licence, wherever it is read from (the version document
 * or a packument's {@code versions} entry): {@code license} as a string, a {@code {type, url}} object or
 * an array of them, else the legacy {@code licenses} array, whose entries are alternatives.
 */
public final class NpmLicences {

    private NpmLicences() {}

    /** @param license the {@code license} field, or a missing node; {@code licenses} likewise */
    public static DeclaredLicence declared(JsonNode license, JsonNode licenses) {
        List<LicenceStatement> statements = new ArrayList<>();
        if (license.isArray()) {
            license.forEach(entry -> JsonDocuments.statement(entry.path("type"), entry.path("url"), entry)
                    .ifPresent(statements::add));
        } else {
            JsonDocuments.statement(license.path("type"), license.path("url"), license)
                    .ifPresent(statements::add);
        }
        if (statements.isEmpty()) {
            licenses.forEach(entry -> JsonDocuments.statement(entry.path("type"), entry.path("url"), entry)
                    .ifPresent(statements::add));
        }
        return new DeclaredLicence(statements, null);
    }
}
