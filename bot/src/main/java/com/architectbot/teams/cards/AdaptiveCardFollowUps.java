package com.architectbot.teams.cards;

import static com.architectbot.teams.cards.CardFormat.MAX_CARD_BYTES;

import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.render.FollowUps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The suggested follow-up questions ({@link FollowUps}) as {@code Action.Submit} buttons on an answer's last card,
 * or on a card of their own when the last one has no room. Each is a {@code messageBack}: Teams shows the question in
 * the conversation as the clicker's message ({@code displayText}) and sends the bot {@code {"followUp": question}}
 * as the activity's value.
 */
public final class AdaptiveCardFollowUps {

    /** The one key of a click's value: the question, as a string. */
    public static final String QUESTION_KEY = "followUp";

    static final String OWN_CARD_TITLE = "Suggested follow-up questions";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdaptiveCardFollowUps() {}

    /** The cards with the buttons added to the last; unchanged when the answer suggests nothing. */
    static List<ObjectNode> append(List<ObjectNode> cards, ConsultationAnswer answer) {
        List<FollowUps.FollowUp> followUps = new ArrayList<>(FollowUps.of(answer));
        if (followUps.isEmpty()) {
            return cards;
        }
        List<ObjectNode> out = new ArrayList<>(cards);
        ObjectNode last = out.getLast().deepCopy();
        if (withActions(last, followUps)) {
            out.set(out.size() - 1, last);
            return List.copyOf(out);
        }
        ObjectNode own = AdaptiveCardBlocks.pack(List.of(AdaptiveCardBlocks.subheading(OWN_CARD_TITLE)))
                .getFirst();
        while (!followUps.isEmpty() && !withActions(own, followUps)) {
            followUps
                    .removeLast(); // three questions of 2,000 four-byte characters: fewer buttons, never a refused card
        }
        if (!followUps.isEmpty()) {
            out.add(own);
        }
        return List.copyOf(out);
    }

    /** Puts the buttons on the card if it stays within {@link CardFormat#MAX_CARD_BYTES}. */
    private static boolean withActions(ObjectNode card, List<FollowUps.FollowUp> followUps) {
        ArrayNode actions = NODES.arrayNode();
        followUps.forEach(followUp -> actions.add(button(followUp)));
        if (bytes(card) + bytes(actions) + 16 > MAX_CARD_BYTES) {
            return false;
        }
        card.set("actions", actions);
        return true;
    }

    private static ObjectNode button(FollowUps.FollowUp followUp) {
        ObjectNode button = NODES.objectNode().put("type", "Action.Submit").put("title", followUp.label());
        ObjectNode data = button.putObject("data").put(QUESTION_KEY, followUp.question());
        data.putObject("msteams").put("type", "messageBack").put("displayText", followUp.question());
        return button;
    }

    private static int bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
