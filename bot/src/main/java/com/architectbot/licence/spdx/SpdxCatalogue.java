package com.architectbot.licence.spdx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spdx.library.ListedLicenses;

/**
 * The SPDX licence list bundled in {@code org.spdx:java-spdx-library}: licence and exception ids (case
 * corrected), names, deprecation, and the reference URLs each licence lists.
 *
 * <p>Never downloads: {@link #OFFLINE_PROPERTY} is set before the library is first touched (the library
 * reads it once, when its singleton is created, and a system property wins over its properties file; we
 * ship that file with the same setting too). Ids come from the library's API; names, deprecation flags and
 * reference URLs are read from the same bundled table of contents the library's local store reads,
 * because asking the library for them parses every full licence text (1.5 s instead of 50 ms).
 */
public final class SpdxCatalogue {

    /** The library's switch: only the licence list inside its jar, never https://spdx.org/licenses. */
    public static final String OFFLINE_PROPERTY = "org.spdx.useJARLicenseInfoOnly";

    private static final String LICENCE_TOC = "/resources/stdlicenses/licenses.json";

    static {
        useBundledListOnly();
    }

    /** One listed licence. */
    public record LicenceInfo(String id, String name, boolean deprecated, boolean osiApproved, List<String> seeAlso) {
        public LicenceInfo {
            seeAlso = List.copyOf(seeAlso);
        }
    }

    private final String listVersion;
    private final Map<String, LicenceInfo> licencesByLowerId;
    private final Map<String, String> exceptionsByLowerId;
    private final Map<String, String> licenceIdsByNameKey;
    private final Map<String, String> licenceIdsByUrlKey;

    private SpdxCatalogue(String listVersion, List<LicenceInfo> licences, List<String> exceptionIds) {
        this.listVersion = listVersion;
        this.licencesByLowerId = new HashMap<>();
        this.licenceIdsByNameKey = new HashMap<>();
        for (LicenceInfo licence : licences) {
            licencesByLowerId.put(lower(licence.id()), licence);
            if (!licence.deprecated()) {
                licenceIdsByNameKey.putIfAbsent(LicenceKeys.text(licence.name()), licence.id());
            }
        }
        this.exceptionsByLowerId = new HashMap<>();
        exceptionIds.forEach(id -> exceptionsByLowerId.put(lower(id), id));
        this.licenceIdsByUrlKey = uniqueUrls(licences);
    }

    /** Sets the library's offline switch; idempotent, and done before any use of the library. */
    public static void useBundledListOnly() {
        System.setProperty(OFFLINE_PROPERTY, "true");
    }

    /** The catalogue, loaded once per JVM on first use. */
    public static SpdxCatalogue bundled() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        private static final SpdxCatalogue INSTANCE = load();
    }

    static SpdxCatalogue load() {
        useBundledListOnly();
        ListedLicenses listed = ListedLicenses.getListedLicenses();
        Map<String, LicenceInfo> details = readTableOfContents();
        List<LicenceInfo> licences = new ArrayList<>();
        for (String id : listed.getSpdxListedLicenseIds()) {
            licences.add(details.getOrDefault(id, new LicenceInfo(id, id, false, false, List.of())));
        }
        return new SpdxCatalogue(listed.getLicenseListVersion(), licences, listed.getSpdxListedExceptionIds());
    }

    public String listVersion() {
        return listVersion;
    }

    public Collection<LicenceInfo> licences() {
        return licencesByLowerId.values();
    }

    /** The listed id as SPDX spells it ({@code mit} gives {@code MIT}), deprecated ids included. */
    public Optional<String> licenceId(String anyCase) {
        return licence(anyCase).map(LicenceInfo::id);
    }

    public Optional<LicenceInfo> licence(String anyCase) {
        return Optional.ofNullable(licencesByLowerId.get(lower(anyCase)));
    }

    public Optional<String> exceptionId(String anyCase) {
        return Optional.ofNullable(exceptionsByLowerId.get(lower(anyCase)));
    }

    /** The licence whose full SPDX name is this text ("GNU Lesser General Public License v2.1 or later"). */
    public Optional<String> licenceIdForName(String text) {
        return Optional.ofNullable(licenceIdsByNameKey.get(LicenceKeys.text(text)));
    }

    /** The licence that alone lists this reference URL; empty when none or several do. */
    public Optional<String> licenceIdForUrl(String url) {
        return Optional.ofNullable(licenceIdsByUrlKey.get(LicenceKeys.url(url)));
    }

    private static Map<String, String> uniqueUrls(List<LicenceInfo> licences) {
        Map<String, String> byUrl = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (LicenceInfo licence : licences) {
            if (licence.deprecated()) {
                continue;
            }
            for (String url : licence.seeAlso()) {
                String key = LicenceKeys.url(url);
                String previous = byUrl.putIfAbsent(key, licence.id());
                if (previous != null && !previous.equals(licence.id())) {
                    ambiguous.add(key);
                }
            }
        }
        ambiguous.forEach(byUrl::remove);
        return Map.copyOf(byUrl);
    }

    private static Map<String, LicenceInfo> readTableOfContents() {
        try (InputStream toc = ListedLicenses.class.getResourceAsStream(LICENCE_TOC)) {
            if (toc == null) {
                throw new IllegalStateException("the SPDX library jar has no " + LICENCE_TOC);
            }
            Map<String, LicenceInfo> byId = new HashMap<>();
            for (JsonNode node : new ObjectMapper().readTree(toc).path("licenses")) {
                List<String> seeAlso = new ArrayList<>();
                node.path("seeAlso").forEach(url -> seeAlso.add(url.asText()));
                String id = node.path("licenseId").asText();
                byId.put(
                        id,
                        new LicenceInfo(
                                id,
                                node.path("name").asText(id),
                                node.path("isDeprecatedLicenseId").asBoolean(),
                                node.path("isOsiApproved").asBoolean(),
                                seeAlso));
            }
            return byId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled SPDX licence list " + LICENCE_TOC, e);
        }
    }

    private static String lower(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
