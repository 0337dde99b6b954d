package com.architectbot.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.render.DraftMarkdown;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartialAnswerTest {

    private static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Ship behind a flag. Add \"health\" checks \\ probes before launch: caf\u00e9 \ud83d\ude80.",
            List.of("No backups.", "Secrets in the repo."),
            List.of(
                    new AreaAnalysis(Area.SCALABILITY, List.of("One database.", "No cache.")),
                    new AreaAnalysis(Area.SECURITY_AND_COMPLIANCE, List.of("No audit log."))),
            List.of(
                    new Recommendation("Add backups.", Priority.CRITICAL_BLOCKER),
                    new Recommendation("Add a cache.", Priority.FUTURE)),
            List.of("How many tenants?", "Which regions?"));

    @Test
    void every_prefix_of_an_answer_gives_a_draft_whose_markdown_extends_the_one_before() {
        // given: the answer as compact, pretty-printed, fenced and ASCII-escaped JSON
        for (String json : List.of(
                AnswerJson.toJson(ANSWER),
                pretty(ANSWER),
                "```json\n" + pretty(ANSWER) + "\n```",
                asciiOnly(AnswerJson.toJson(ANSWER)))) {
            String before = "";
            AnswerSection writing = AnswerSection.SUMMARY;
            // when / then
            for (int end = 0; end <= json.length(); end++) {
                Optional<AnswerDraft> draft = PartialAnswer.read(json.substring(0, end));
                if (draft.isEmpty()) {
                    assertThat(before)
                            .as("no draft after a draft, at %d of %s", end, json)
                            .isEmpty();
                    continue;
                }
                String markdown = DraftMarkdown.render(draft.get());
                assertThat(markdown).as("at %d of %s", end, json).startsWith(before);
                assertThat(draft.get().writing()).isGreaterThanOrEqualTo(writing);
                before = markdown;
                writing = draft.get().writing();
            }
            // and the last draft holds the whole answer
            assertThat(PartialAnswer.read(json))
                    .get()
                    .extracting(AnswerDraft::sofar)
                    .isEqualTo(ANSWER);
        }
    }

    @Test
    void the_summary_is_shown_while_it_is_written_and_finished_when_its_string_closes() {
        assertThat(PartialAnswer.read("{\"summary\": \"Ship it beh")).get().satisfies(draft -> {
            assertThat(draft.sofar().summary()).isEqualTo("Ship it beh");
            assertThat(draft.writing()).isEqualTo(AnswerSection.SUMMARY);
        });
        assertThat(PartialAnswer.read("{\"summary\": \"Ship it.\""))
                .get()
                .satisfies(draft ->
                        assertThat(draft.finished(AnswerSection.SUMMARY)).isTrue());
    }

    @Test
    void nothing_is_drafted_before_the_summary_begins() {
        for (String early : List.of("", "  ", "```", "```json\n", "{", "{\"summ", "{\"summary\"", "{\"summary\":")) {
            assertThat(PartialAnswer.read(early)).as(early).isEmpty();
        }
        assertThat(PartialAnswer.read("Let me check the licences first.")).isEmpty();
    }

    @Test
    void escape_sequences_are_never_half_decoded() {
        String json = "{\"summary\": \"caf\\u00e9 \\\"ok\\\" \\ud83d\\ude80 end\"";
        for (int end = 14; end <= json.length(); end++) {
            String summary = PartialAnswer.read(json.substring(0, end))
                    .orElseThrow()
                    .sofar()
                    .summary();
            assertThat("caf\u00e9 \"ok\" \ud83d\ude80 end").as("at %d", end).startsWith(summary);
            assertThat(summary).doesNotContain("\\").doesNotContain("u00");
        }
    }

    @Test
    void only_complete_list_items_are_shown() {
        String json = "{\"summary\": \"S.\", \"criticalIssues\": [\"No backups.\", \"Secrets in the re";
        assertThat(PartialAnswer.read(json)).get().satisfies(draft -> {
            assertThat(draft.writing()).isEqualTo(AnswerSection.CRITICAL_ISSUES);
            assertThat(draft.sofar().criticalIssues()).containsExactly("No backups.");
        });
        String area = "{\"summary\": \"S.\", \"criticalIssues\": [], \"analysis\": [{\"area\": \"SCALABILITY\", "
                + "\"findings\": [\"One db.\"]}, {\"area\": \"SECURITY_AND_COMPLIANCE\", \"findings\": [\"No au";
        assertThat(PartialAnswer.read(area)).get().satisfies(draft -> {
            assertThat(draft.writing()).isEqualTo(AnswerSection.ANALYSIS);
            assertThat(draft.sofar().analysis())
                    .containsExactly(new AreaAnalysis(Area.SCALABILITY, List.of("One db.")));
        });
    }

    @Test
    void fields_out_of_order_show_only_the_sections_before_them() {
        String json = "{\"summary\": \"S.\", \"analysis\": [{\"area\": \"SCALABILITY\", \"findings\": [\"x\"]}], "
                + "\"criticalIssues\": [\"late\"]}";
        assertThat(PartialAnswer.read(json)).get().satisfies(draft -> {
            assertThat(draft.sofar().summary()).isEqualTo("S.");
            assertThat(draft.writing()).isEqualTo(AnswerSection.CRITICAL_ISSUES);
            assertThat(draft.sofar().criticalIssues()).isEmpty();
            assertThat(draft.sofar().analysis()).isEmpty();
        });
    }

    @Test
    void control_characters_and_nul_never_reach_a_draft() {
        String json = "{\"summary\": \"a\\u0000b\u0001c\\u001bd\\r\\nend\", \"criticalIssues\": [\"x\\u0000y\"]";
        assertThat(PartialAnswer.read(json)).get().satisfies(draft -> {
            assertThat(draft.sofar().summary()).isEqualTo("abcd\nend");
            assertThat(draft.sofar().criticalIssues()).containsExactly("xy");
        });
    }

    @Test
    void hostile_text_never_throws_and_never_blocks() {
        // given: what a broken or hostile model might stream
        List<String> hostile = List.of(
                "{\"summary\": \"" + "x".repeat(1_000_000), // one huge token, never closed
                "{\"summary\": \"" + "\\".repeat(99_999),
                "{\"summary\": \"s\", \"criticalIssues\": " + "[".repeat(200_000),
                "{\"summary\": \"s\", \"criticalIssues\": [" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)
                        + "]",
                "{\"summary\": \"s\", \"analysis\": [{\"area\": \"MOON\", \"findings\": []}]}",
                "{\"summary\": \"s\", \"recommendations\": [{\"text\": null, \"priority\": 7}]}",
                "{\"summary\": 42, \"criticalIssues\": null}",
                "{\"summary\": \"s\", \"criticalIssues\": ]]]]}}}",
                "{\"summary\": \"\\u12",
                "{\"summary\": \"\\uZZZZ tail\"}",
                "{\"summary\": \"\\q\"}",
                "{\"summary\": \"\ud83d",
                "{\"\\u0000\": 1}",
                "```\n```\n{",
                "\u0000\u0000{\"summary\":\"a\"}");
        Random random = new Random(13);
        for (String text : hostile) {
            // when / then: every prefix too
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int end = Math.max(0, text.length() - 50); end <= text.length(); end++) {
                    String prefix = text.substring(0, end);
                    assertThatCode(() -> PartialAnswer.read(prefix)).doesNotThrowAnyException();
                }
            });
        }
        for (int i = 0; i < 2_000; i++) {
            String junk = randomJunk(random);
            assertThatCode(() -> PartialAnswer.read(junk)).as(junk).doesNotThrowAnyException();
        }
    }

    @Test
    void drafts_stop_growing_past_the_size_cap() {
        String json = "{\"summary\": \"" + "word ".repeat(PartialAnswer.MAX_CHARS);
        assertThat(PartialAnswer.read(json).orElseThrow().sofar().summary())
                .hasSizeLessThanOrEqualTo(PartialAnswer.MAX_CHARS);
    }

    private static String randomJunk(Random random) {
        String alphabet = "{}[]\":,\\u0aZ \n\t";
        StringBuilder junk = new StringBuilder("{\"summary\": \"s\", ");
        for (int i = random.nextInt(60); i > 0; i--) {
            junk.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return junk.toString();
    }

    private static String pretty(ConsultationAnswer answer) {
        try {
            ObjectMapper json = new ObjectMapper();
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(AnswerJson.toJson(answer)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String asciiOnly(String json) {
        StringBuilder ascii = new StringBuilder();
        json.chars().forEach(c -> ascii.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return ascii.toString();
    }
}
