package com.architectbot.consultation.llm;

import com.architectbot.consultation.Question;
import com.architectbot.core.Picture;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The question as the conversation's last user message: its text, then one image per picture, inline as base64
 * with the media type its bytes were recognised as (each provider's client writes its own wire form: OpenAI's
 * {@code image_url} data URI, Anthropic's base64 {@code image} source, Gemini's {@code inline_data}, Ollama's
 * {@code images}). Nothing is fetched by URL: the model's provider never reaches the user's platform.
 */
final class QuestionMessage {

    private QuestionMessage() {}

    /**
     * @throws com.architectbot.core.PermanentFailure when the question has pictures and the model does not read
     *     images ({@link ModelSettings#vision()}): the user is told so before any model call
     */
    static UserMessage of(Question question, ModelSettings settings) {
        if (question.pictures().isEmpty()) {
            return UserMessage.from(question.text());
        }
        if (!settings.vision()) {
            throw ModelFailures.noVision(
                    settings.provider().id() + " model '" + settings.modelName() + "' is configured without vision ("
                            + ModelSettings.LLM_VISION + "); "
                            + question.pictures().size() + " picture(s) not sent",
                    null);
        }
        List<Content> contents = new ArrayList<>(question.pictures().size() + 1);
        contents.add(TextContent.from(question.text()));
        for (Picture picture : question.pictures()) {
            contents.add(ImageContent.from(Base64.getEncoder().encodeToString(picture.bytes()), picture.mediaType()));
        }
        return UserMessage.from(contents);
    }
}
