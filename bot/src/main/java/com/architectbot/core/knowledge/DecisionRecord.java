package com.architectbot.core.knowledge;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An architecture decision record written from a thread, in MADR's parts. It is proposed until an admin accepts
 * it into the tenant's knowledge.
 *
 * @param options the options considered, each with what speaks for and against it
 * @param consequences what follows from the decision, good and bad
 */
public record DecisionRecord(
        String title, String context, List<String> options, String decision, List<String> consequences) {

    public DecisionRecord {
        requireNonNull(title, "title");
        requireNonNull(context, "context");
        options = List.copyOf(options);
        requireNonNull(decision, "decision");
        consequences = List.copyOf(consequences);
    }
}
