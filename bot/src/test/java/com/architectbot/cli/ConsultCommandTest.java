package com.architectbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Reply;
import com.architectbot.render.MarkdownRenderer;
import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.CapturedLogs;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeOpenAi.Response;
import com.architectbot.testing.RedisContents;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsultCommandTest {

    private final FakeOpenAi model = FakeOpenAi.start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Printed> printed = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopModel() {
        model.close();
    }

    @Test
    void consult_prints_the_five_sections_and_how_to_follow_up() {
        int exit = run("consult", "We", "launch", "our", "export", "API", "next", "week");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .containsSubsequence(
                        "## Executive Summary",
                        "## Critical Issues",
                        "## Detailed Analysis",
                        "## Recommendations",
                        "## Questions for Clarification");
        assertThat(err.toString()).contains("consult --thread ");
    }

    @Test
    void a_follow_up_in_the_same_thread_is_answered_in_context() {
        run("consult", "Should we shard Postgres per tenant?");
        String thread = threadIdFrom(err.toString());

        int exit = run("consult", "--thread", thread, "And what about backups?");

        assertThat(exit).isZero();
        JsonNode messages = model.lastRequest().get("messages");
        assertThat(messages.toString()).contains("Should we shard Postgres per tenant?");
        assertThat(messages.get(messages.size() - 1).get("content").asText()).isEqualTo("And what about backups?");
    }

    @Test
    void an_empty_question_is_refused_with_exit_code_2_and_never_reaches_the_model() {
        int exit = run("consult", "   ");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Your message was empty");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void a_question_over_max_question_chars_is_refused_with_the_limit_and_never_reaches_the_model() {
        int exit = run(Map.of("MAX_QUESTION_CHARS", "100"), "consult", "Should we shard? ".repeat(10));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("the limit is 100").doesNotContain("Exception");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void a_model_that_times_out_gives_exit_code_3_and_a_clear_message() {
        model.withLatency(Duration.ofSeconds(5));

        int exit = run(Map.of("LLM_TIMEOUT_SECONDS", "1", "LLM_MAX_RETRIES", "0"), "consult", "Is this slow?");

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString())
                .contains("Could not get an answer", "no answer within 1 s (LLM_TIMEOUT_SECONDS)")
                .doesNotContain("Exception");
    }

    @Test
    void a_pasted_secret_is_redacted_before_the_model_redis_or_the_logs_see_it() {
        String token = "gh" + "p_" + UUID.randomUUID().toString().replace("-", "") + "abcd";
        String password = "Pw" + UUID.randomUUID().toString().substring(0, 12);

        int exit;
        String logged;
        try (var logs = new CapturedLogs()) {
            exit = run(
                    "consult", "Is it fine that CI uses", token, "and https://ci:" + password + "@nexus.acme.io/repo?");
            logged = logs.text();
        }

        assertThat(exit).isZero();
        assertThat(model.lastRequest().toString())
                .contains("CI uses [redacted GitHub token] and https://ci:[redacted password]@nexus.acme.io/repo?");
        for (String place :
                new String[] {model.requests().toString(), RedisContents.all(), logged, out.toString(), err.toString()
                }) {
            assertThat(place).doesNotContain(token).doesNotContain(password);
        }
    }

    @Test
    void sections_are_printed_as_they_complete_and_the_whole_answer_exactly_once() {
        // given: a model writing at 100 tokens a second, and a terminal that notes when each piece was printed
        model.streamingAt(100);
        // when
        int exit = run("consult", "We", "launch", "next", "week");
        // then: the summary was on screen while the model was still writing
        assertThat(exit).isZero();
        assertThat(printed).first().satisfies(first -> {
            assertThat(first.text()).startsWith("## Executive Summary").doesNotContain("## Critical Issues");
            assertThat(first.streamsEnded()).isZero();
        });
        assertThat(printed).hasSizeGreaterThan(2);
        // and the output is the whole answer, once, as the renderer draws it
        assertThat(out.toString())
                .isEqualTo(String.join("", new MarkdownRenderer().render(new Reply.Answer(FakeOpenAi.DEFAULT_ANSWER))));
    }

    @Test
    void an_answer_repaired_after_its_summary_was_printed_is_then_shown_whole_after_a_line_saying_so() {
        // given: a reply whose summary is fine but whose rest is not JSON; the repair gives a different answer
        String broken = "{\"summary\": \"Shard later.\", \"criticalIssues\": [\"Backups untested\"], oops";
        model.enqueue(Response.content(broken), Response.answer(FakeOpenAi.DEFAULT_ANSWER));
        // when
        int exit = run("consult", "Should we shard?");
        // then: what was printed of the broken reply stays, and the repaired answer follows whole, not mixed into it
        assertThat(exit).isZero();
        String whole = String.join("", new MarkdownRenderer().render(new Reply.Answer(FakeOpenAi.DEFAULT_ANSWER)));
        String output = out.toString();
        assertThat(output).contains("Shard later.").containsOnlyOnce(SectionPrinter.CORRECTED);
        assertThat(output.substring(output.indexOf(SectionPrinter.CORRECTED))).contains(whole);
        assertThat(model.requests()).hasSize(2);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> extra, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        printed.clear();
        var env = BotEnvironment.of(model).with(extra).environment();
        return Main.run(
                env, cli -> cli.setOut(new PrintWriter(new Noting(), true)).setErr(new PrintWriter(err, true)), args);
    }

    /** One piece of standard output, and how many streams the model had finished when it was printed. */
    private record Printed(String text, int streamsEnded) {}

    /** Standard output that also notes each piece as it is written. */
    private final class Noting extends Writer {
        @Override
        public void write(char[] chars, int offset, int length) {
            String text = new String(chars, offset, length);
            out.write(text);
            printed.add(new Printed(text, model.streamsEnded()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static String threadIdFrom(String stderr) {
        Matcher m = Pattern.compile("--thread (\\S+)").matcher(stderr);
        assertThat(m.find()).as("thread id printed in: %s", stderr).isTrue();
        return m.group(1);
    }
}
