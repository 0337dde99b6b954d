package com.architectbot.licence.source;

import com.architectbot.licence.LicenceRegistry.Lookup;
import com.architectbot.licence.source.RegistryHttp.Answer;

/** What the report says when a registry's answer gave no licence. */
final class UnknownLookup {

    private UnknownLookup() {}

    static Lookup.Unknown of(String registry, Answer<?> answer) {
        return new Lookup.Unknown(
                switch (answer) {
                    case Answer.Read<?> read -> registry + " answered with a document that could not be read";
                    case Answer.NotModified<?> notModified ->
                        registry + " unreachable: HTTP 304 to an unconditional request";
                    case Answer.NotFound<?> notFound -> "not found in " + registry;
                    case Answer.Failed<?> failed -> registry + " unreachable: " + failed.reason();
                });
    }
}
