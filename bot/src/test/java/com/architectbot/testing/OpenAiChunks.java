package com.architectbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A chat completion re-told as OpenAI's stream: {@code chat.completion.chunk} events whose deltas carry the role,
 * then the content token by token, then each tool call (its name, then its arguments token by token), then the
 * finish reason, the usage when asked for, and {@code [DONE]}.
 */
final class OpenAiChunks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiChunks() {}

    /** The stream of {@code completion}, a whole {@code chat.completion} body. */
    static StreamedReply of(JsonNode completion, boolean includeUsage) {
        JsonNode choice = completion.at("/choices/0");
        JsonNode message = choice.path("message");
        StreamedReply reply = new StreamedReply("text/event-stream");
        reply.frame(event(chunk(JSON.createObjectNode().put("role", "assistant"), null)));
        for (String token : TokenPace.tokens(message.path("content").asText(""))) {
            reply.token(event(chunk(JSON.createObjectNode().put("content", token), null)));
        }
        JsonNode calls = message.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            toolCall(reply, i, calls.get(i));
        }
        reply.frame(event(
                chunk(JSON.createObjectNode(), choice.path("finish_reason").asText("stop"))));
        if (includeUsage) {
            ObjectNode usage = base();
            usage.putArray("choices");
            usage.set("usage", completion.path("usage"));
            reply.frame(event(usage));
        }
        return reply.frame("data: [DONE]\n\n");
    }

    private static void toolCall(StreamedReply reply, int index, JsonNode call) {
        ObjectNode first = JSON.createObjectNode();
        ObjectNode head = first.putArray("tool_calls").addObject().put("index", index);
        head.put("id", call.path("id").asText()).put("type", "function");
        head.putObject("function")
                .put("name", call.at("/function/name").asText())
                .put("arguments", "");
        reply.frame(event(chunk(first, null)));
        for (String token : TokenPace.tokens(call.at("/function/arguments").asText(""))) {
            ObjectNode delta = JSON.createObjectNode();
            delta.putArray("tool_calls")
                    .addObject()
                    .put("index", index)
                    .putObject("function")
                    .put("arguments", token);
            reply.token(event(chunk(delta, null)));
        }
    }

    private static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = base();
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private static ObjectNode base() {
        return JSON.createObjectNode()
                .put("id", "chatcmpl-fake")
                .put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L)
                .put("model", "fake-model");
    }

    private static String event(JsonNode data) {
        return "data: " + data + "\n\n";
    }
}
