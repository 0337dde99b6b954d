package com.architectbot.licence.release;

import com.architectbot.licence.spdx.SpdxCatalogue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The full texts of the SPDX licences and exceptions, from the same licence list the catalogue reads (the one
 * bundled in the SPDX library's jar, one JSON file per id), so ids and texts are of one list version and
 * nothing is downloaded or added to the jar. A text is read when first asked for, by its listed id only:
 * an id from a package never becomes a resource path unless the catalogue lists it.
 */
public final class BundledLicenceTexts {

    static final String FOLDER = "/resources/stdlicenses/";
    private static final Set<String> TEXT_FIELDS = Set.of("licenseText", "licenseExceptionText");
    private static final JsonFactory JSON = new JsonFactory();

    private final SpdxCatalogue catalogue;
    private final Map<String, Optional<String>> textsById = new ConcurrentHashMap<>();

    public BundledLicenceTexts(SpdxCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public static BundledLicenceTexts bundled() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        private static final BundledLicenceTexts INSTANCE = new BundledLicenceTexts(SpdxCatalogue.bundled());
    }

    SpdxCatalogue catalogue() {
        return catalogue;
    }

    /** The list version of the texts: the catalogue's. */
    public String listVersion() {
        return catalogue.listVersion();
    }

    /** The text of a listed licence or exception (any case), empty for an id the list does not have. */
    public Optional<String> text(String id) {
        Optional<String> listed = catalogue.licenceId(id).or(() -> catalogue.exceptionId(id));
        return listed.flatMap(known -> textsById.computeIfAbsent(known, BundledLicenceTexts::read));
    }

    private static Optional<String> read(String id) {
        try (InputStream in = SpdxCatalogue.class.getResourceAsStream(FOLDER + id + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            try (JsonParser parser = JSON.createParser(in)) {
                while (parser.nextToken() != null) {
                    if (parser.currentToken() == JsonToken.FIELD_NAME
                            && parser.getParsingContext().getParent().inRoot()
                            && TEXT_FIELDS.contains(parser.currentName())) {
                        parser.nextToken();
                        return Optional.of(parser.getText());
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled text of " + id, e);
        }
    }
}
