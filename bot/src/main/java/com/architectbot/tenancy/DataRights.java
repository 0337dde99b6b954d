package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ConversationRecords;
import com.architectbot.conversation.Turn;
import com.architectbot.core.Inquiry;
import com.architectbot.core.Reply;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A user's right to their data: a copy of their conversations and of their ratings of answers ({@code export}),
 * and their erasure from every
 * store that keeps something under their name ({@code forget-me}).
 *
 * @param stores every store besides the conversations that keeps something about a tenant's users
 */
record DataRights(ConversationRecords records, List<PersonalData> stores, Ratings ratings, Clock clock) {

    /** The export's format, so a reader can tell versions apart. */
    static final String FORMAT = "architect-bot-export/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    DataRights {
        requireNonNull(records, "records");
        stores = List.copyOf(stores);
        requireNonNull(ratings, "ratings");
        requireNonNull(clock, "clock");
    }

    CommandOutcome export(Inquiry inquiry) {
        var thread = inquiry.thread();
        Map<String, List<Turn>> turns = records.turnsOf(thread.surface(), thread.tenant(), inquiry.user());
        List<AnswerRating> rated = ratings.of(TenantId.of(thread), inquiry.user());
        if (turns.isEmpty() && rated.isEmpty()) {
            return new CommandOutcome.Shown(
                    "I keep no conversations of yours in this workspace, so there is " + "nothing to export.");
        }
        ObjectNode root = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("surface", thread.surface().id())
                .put("workspace", thread.tenant())
                .put("user", inquiry.user())
                .put("exportedAt", clock.instant().toString());
        ArrayNode threads = root.putArray("threads");
        int count = 0;
        for (var entry : turns.entrySet()) {
            ObjectNode node = threads.addObject().put("thread", entry.getKey());
            ArrayNode list = node.putArray("turns");
            for (Turn turn : entry.getValue()) {
                list.addObject()
                        .put("inquiryId", turn.inquiryId())
                        .put("at", turn.at().toString())
                        .put("question", turn.question())
                        .set("answer", answer(turn.answer()));
                count++;
            }
        }
        ArrayNode feedback = root.putArray("feedback");
        rated.forEach(rating -> feedback.addObject()
                .put("inquiryId", rating.inquiry())
                .put("rating", rating.rating().id())
                .put("comment", rating.comment().orElse(null))
                .put("at", rating.at().toString()));
        String fileName = "architect-bot-export-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json";
        return new CommandOutcome.Exported(new Reply.Export(
                fileName,
                write(root),
                "Your conversations with Architect "
                        + "Bot: %d message%s in %d thread%s."
                                .formatted(count, count == 1 ? "" : "s", turns.size(), turns.size() == 1 ? "" : "s")
                        + (rated.isEmpty() ? "" : " Your ratings of answers: %d.".formatted(rated.size()))));
    }

    /** Everything kept under the user's name in this tenant, in every store; the conversations go last. */
    CommandOutcome.Forgotten forgetMe(Inquiry inquiry) {
        var thread = inquiry.thread();
        TenantId tenant = TenantId.of(thread);
        stores.forEach(store -> store.eraseUser(tenant, inquiry.user()));
        return new CommandOutcome.Forgotten(records.forgetUser(thread.surface(), thread.tenant(), inquiry.user()));
    }

    /** The answer as the JSON it was stored as; kept as text if it is not JSON. */
    private static JsonNode answer(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(stored);
        }
    }

    private static String write(JsonNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the export", e);
        }
    }
}
