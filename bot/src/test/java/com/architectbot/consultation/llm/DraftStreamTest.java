package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.consultation.AnswerJson;
import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.testing.Answers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DraftStreamTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<AnswerDraft> drafts = new ArrayList<>();
    private final List<Long> reportedAt = new ArrayList<>();
    private final AnswerProgress progress = new AnswerProgress() {
        @Override
        public void status(String line) {}

        @Override
        public void draft(AnswerDraft draft) {
            drafts.add(draft);
            reportedAt.add(clock.get());
        }
    };

    @Test
    void drafts_come_at_most_every_interval_and_at_once_when_a_section_completes() {
        // given: an answer streamed one character a millisecond
        String json = AnswerJson.toJson(Answers.withFindings(8));
        Consumer<String> call = new DraftStream(progress, clock::get).newCall();
        // when
        for (char c : json.toCharArray()) {
            clock.addAndGet(Duration.ofMillis(1).toNanos());
            call.accept(String.valueOf(c));
        }
        // then: no two drafts of one section closer than the interval
        for (int i = 1; i < drafts.size(); i++) {
            if (drafts.get(i).writing() == drafts.get(i - 1).writing()) {
                assertThat(reportedAt.get(i) - reportedAt.get(i - 1))
                        .isGreaterThanOrEqualTo(DraftStream.INTERVAL.toNanos());
            }
        }
        // and every section's completion was reported when it happened
        assertThat(drafts).extracting(AnswerDraft::writing).containsSubsequence(AnswerSection.values());
        long perSecond = drafts.size() * 1000L / json.length();
        assertThat(perSecond).isLessThanOrEqualTo(10 + AnswerSection.values().length);
    }

    @Test
    void a_tool_rounds_chatter_yields_no_draft() {
        // given
        Consumer<String> call = new DraftStream(progress, clock::get).newCall();
        // when
        for (String piece : List.of("Let me ", "check the ", "licences {first}.")) {
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            call.accept(piece);
        }
        // then
        assertThat(drafts).isEmpty();
    }

    @Test
    void one_huge_token_is_read_once_and_capped() {
        // given
        Consumer<String> call = new DraftStream(progress, clock::get).newCall();
        // when
        call.accept("{\"summary\": \"" + "x".repeat(5_000_000));
        call.accept("more");
        // then
        assertThat(drafts)
                .singleElement()
                .satisfies(draft -> assertThat(draft.sofar().summary())
                        .hasSizeLessThan(com.architectbot.consultation.PartialAnswer.MAX_CHARS));
    }
}
