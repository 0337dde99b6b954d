package com.architectbot.consultation;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.conversation.ThreadLocks;
import com.architectbot.conversation.ThreadMemory;
import com.architectbot.conversation.Turn;
import com.architectbot.core.Consultations;
import com.architectbot.core.Deadline;
import com.architectbot.core.FileSource;
import com.architectbot.core.Inquiry;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Picture;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.ArchitectReply;
import com.architectbot.core.answer.TokenUsage;
import com.architectbot.core.knowledge.CompanyKnowledge;
import com.architectbot.core.knowledge.Passage;
import com.architectbot.core.knowledge.WrittenRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Answers a question in the context of its thread, one message of a thread at a time. */
public final class ConsultationService implements Consultations {

    private final Architect architect;
    private final ThreadMemory memory;
    private final ThreadLocks locks;
    private final ConsultationSettings settings;
    private final QuestionRules rules;
    private final QuestionPictures pictures;
    private final CompanyKnowledge knowledge;
    private final Clock clock;

    /**
     * @param files where the pictures sent with a question are read from, on the worker
     * @param knowledge the tenant's own standards and decisions, searched for each question
     */
    public ConsultationService(
            Architect architect,
            ThreadMemory memory,
            ThreadLocks locks,
            FileSource files,
            CompanyKnowledge knowledge,
            ConsultationSettings settings,
            Clock clock) {
        this.architect = architect;
        this.knowledge = knowledge;
        this.memory = memory;
        this.locks = locks;
        this.settings = settings;
        this.rules = new QuestionRules(settings.maxQuestionChars());
        this.pictures = new QuestionPictures(files);
        this.clock = clock;
    }

    /**
     * The architect's answer under the tenant's choices, with the tokens spent. Asking again with the same
     * inquiry id (a redelivered job) returns the answer already given, which spent none, instead of asking the
     * model twice; its progress then sees nothing, and the answer delivered replaces any draft shown before.
     */
    @Override
    public ArchitectReply consult(Inquiry inquiry, TenantPreferences tenant, AnswerProgress progress) {
        String question = rules.check(inquiry.text()); // redacted when the inquiry was built
        ThreadKey thread = inquiry.thread();
        try (ThreadLocks.ThreadLock ignored = locks.acquire(thread, inquiry.id().value(), lockWait())) {
            Optional<Turn> earlier = memory.find(thread, inquiry.id().value());
            if (earlier.isPresent()) {
                return new ArchitectReply(AnswerJson.fromJson(earlier.get().answer()), TokenUsage.NONE);
            }
            if (!inquiry.files().isEmpty() && !architect.readsPictures()) { // before any download or PDF drawing
                throw new PermanentFailure(
                        Architect.PICTURES_UNREADABLE,
                        "the model reads no pictures: " + inquiry.files().size() + " not read",
                        null);
            }
            List<Picture> shown = pictures.read(inquiry); // fetched for this answer only: never stored
            List<Turn> history = memory.recall(thread, settings.contextMaxTokens());
            List<Passage> passages = knowledge.relevantTo(thread, question);
            ArchitectReply asked =
                    architect.consult(history, new Question(question, shown, passages), tenant, progress);
            ArchitectReply reply = new ArchitectReply(QuestionPictures.noting(asked.answer(), inquiry), asked.usage());
            memory.remember(
                    thread,
                    new Turn(
                            inquiry.id().value(),
                            inquiry.user(),
                            QuestionPictures.remembered(question, shown),
                            AnswerJson.toJson(reply.answer()),
                            clock.instant()));
            return reply;
        }
    }

    /**
     * A queued job waits its turn until its own deadline, so a follow-up behind a slow answer keeps its place
     * in line instead of timing out and losing it; without a deadline (the CLI), the settings' wait.
     */
    private Duration lockWait() {
        return Deadline.current().map(Deadline::remaining).orElse(settings.threadLockWait());
    }

    @Override
    public WrittenRecord decisionRecord(Inquiry inquiry, TenantPreferences tenant) {
        throw new UnsupportedOperationException("decision records are not written yet");
    }

    /** Erases the thread's context. Returns whether there was any. */
    @Override
    public boolean forget(ThreadKey thread) {
        return memory.forget(thread);
    }
}
