package com.architectbot.licence.policy;

import static java.util.Objects.requireNonNull;

import com.architectbot.licence.spdx.TsvResource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each SPDX licence exception permits, from {@code licence-exceptions.tsv}: the scope of the permission
 * and, in a few words, why. Only an exception that lets any program link to the covered library weakens its
 * copyleft; one that frees only generated output, embedded fonts, system calls or examples does not.
 */
public final class LicenceExceptions {

    static final String RESOURCE = "/licence/licence-exceptions.tsv";

    /** Whom an exception lets combine with the covered work. */
    public enum Scope {
        /** Any program, proprietary ones included, may link the covered library: the copyleft stays on its files. */
        ANY_PROGRAM,
        /** Only what the tool generates or builds is freed; a program linking the tool itself is still bound. */
        GENERATED_OUTPUT,
        /** Only documents or designs that embed the work (fonts, symbols) are freed; no permission to link. */
        DOCUMENTS,
        /** Only programs on the far side of a system boundary (system calls, a jump table); no permission to link. */
        SYSTEM_INTERFACE,
        /** Only example code copied out of the work is freed. */
        EXAMPLES,
        /** Belongs with an already permissive licence: on a copyleft one it does not belong with. */
        PERMISSIVE_BASE,
        /** Only free or open-source programs: nothing changes for proprietary code. */
        FREE_SOFTWARE_ONLY,
        /** Only named components, or no permission to link at all. */
        LIMITED;

        /** Whether code under any licence may link to the covered library: the only scope that weakens copyleft. */
        public boolean permitsAnyProgram() {
            return this == ANY_PROGRAM;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** @param reason completes "it ...": "lets it link only with OpenSSL" */
    public record Entry(String id, Scope scope, String reason) {
        public Entry {
            requireNonNull(id, "id");
            requireNonNull(scope, "scope");
            requireNonNull(reason, "reason");
        }
    }

    private final Map<String, Entry> byLowerId;

    private LicenceExceptions(Map<String, Entry> byLowerId) {
        this.byLowerId = Map.copyOf(byLowerId);
    }

    private static final class Holder {
        private static final LicenceExceptions INSTANCE = load();
    }

    public static LicenceExceptions bundled() {
        return Holder.INSTANCE;
    }

    /** The table's entry for an exception id (any case); empty for an exception we have not classified. */
    public Optional<Entry> of(String exceptionId) {
        return Optional.ofNullable(byLowerId.get(exceptionId.toLowerCase(Locale.ROOT)));
    }

    /** Every exception id the table classifies: for consistency checks. */
    Set<String> ids() {
        return byLowerId.keySet();
    }

    private static LicenceExceptions load() {
        Map<String, Entry> entries = new HashMap<>();
        TsvResource.read(RESOURCE, (lineNumber, columns) -> {
            if (columns.length != 3) {
                throw new IllegalStateException(
                        RESOURCE + " line " + lineNumber + ": expected id TAB scope TAB reason");
            }
            Scope scope = Arrays.stream(Scope.values())
                    .filter(s -> s.id().equals(columns[1].strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            RESOURCE + " line " + lineNumber + ": unknown scope '" + columns[1] + "'"));
            String id = columns[0].strip();
            entries.put(id.toLowerCase(Locale.ROOT), new Entry(id, scope, columns[2].strip()));
        });
        return new LicenceExceptions(entries);
    }
}
