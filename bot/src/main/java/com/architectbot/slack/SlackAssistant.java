package com.architectbot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.assistant.SuggestedPrompt;
import com.slack.api.model.event.AssistantThreadStartedEvent;
import java.util.List;

/**
 * Slack's AI app surface. Deliberately not Bolt's {@code app.assistant(...)} middleware: that one
 * acks before its handlers run (an enqueue failure would lose the message) and its default thread
 * context store calls {@code conversations.replies} on every message, a method Slack now limits to
 * about one call a minute. Thread context lives in our Redis thread memory instead; user messages in
 * assistant threads are ordinary {@code message.im} events, handled by {@link SlackDirectMessages}.
 */
final class SlackAssistant {

    static final String PROMPTS_TITLE = "Ask a production architect";
    static final List<SuggestedPrompt> PROMPTS = List.of(
            new SuggestedPrompt(
                    "Review my architecture",
                    "Review this architecture before our launch: a Java API on Kubernetes, Postgres, Redis, "
                            + "and a React front end. What would block a production launch?"),
            new SuggestedPrompt(
                    "Check licences", "license-check pkg:maven/org.apache.commons/commons-lang3@3.14.0 --policy saas"),
            new SuggestedPrompt(
                    "Plan for scale",
                    "We expect 10x traffic in six months. Where will our multi-tenant SaaS break first, "
                            + "and what should we change now?"));

    private final SlackIntake intake;

    SlackAssistant(SlackIntake intake) {
        this.intake = intake;
    }

    void register(App app) {
        app.event(AssistantThreadStartedEvent.class, this::onThreadStarted);
    }

    Response onThreadStarted(EventsApiPayload<AssistantThreadStartedEvent> payload, EventContext ctx) {
        var thread = payload.getEvent().getAssistantThread();
        intake.later(
                "suggesting prompts",
                () -> ctx.client()
                        .assistantThreadsSetSuggestedPrompts(r -> r.channelId(thread.getChannelId())
                                .threadTs(thread.getThreadTs())
                                .title(PROMPTS_TITLE)
                                .prompts(PROMPTS)));
        return ctx.ack();
    }
}
