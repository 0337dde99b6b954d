package com.architectbot.consultation;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.conversation.ThreadLocks;
import com.architectbot.conversation.ThreadMemory;
import com.architectbot.conversation.Turn;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Answers a question in the context of its thread, one message of a thread at a time. */
public final class ConsultationService {

    private final Architect architect;
    private final ThreadMemory memory;
    private final ThreadLocks locks;
    private final ConsultationSettings settings;
    private final QuestionRules rules;
    private final SecretRedactor redactor = new SecretRedactor();
    private final Clock clock;

    public ConsultationService(
            Architect architect, ThreadMemory memory, ThreadLocks locks, ConsultationSettings settings, Clock clock) {
        this.architect = architect;
        this.memory = memory;
        this.locks = locks;
        this.settings = settings;
        this.rules = new QuestionRules(settings.maxQuestionChars());
        this.clock = clock;
    }

    /**
     * The architect's answer. Asking again with the same inquiry id (a redelivered job) returns the
     * answer already given instead of asking the model twice.
     */
    public ConsultationAnswer consult(Inquiry inquiry) {
        String question = redactor.redact(rules.check(inquiry.text()));
        ThreadKey thread = inquiry.thread();
        try (ThreadLocks.ThreadLock ignored = locks.acquire(thread, settings.threadLockWait())) {
            Optional<Turn> earlier = memory.find(thread, inquiry.id().value());
            if (earlier.isPresent()) {
                return AnswerJson.fromJson(earlier.get().answer());
            }
            List<Turn> history = memory.recall(thread, settings.contextMaxTokens());
            ConsultationAnswer answer = architect.consult(history, question);
            memory.remember(thread, new Turn(
                    inquiry.id().value(), inquiry.user(), question, AnswerJson.toJson(answer), clock.instant()));
            return answer;
        }
    }

    /** Erases the thread's context. Returns whether there was any. */
    public boolean forget(ThreadKey thread) {
        return memory.forget(thread);
    }
}
