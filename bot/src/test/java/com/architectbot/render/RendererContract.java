package com.architectbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Reply;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every surface's renderer owes the user, whatever the surface: each of the answer's five sections and
 * each of its items reaches them in order, every recommendation with its priority flag and blockers first,
 * and every message within the surface's limits, an answer past them split into several messages that
 * together lose nothing. Each renderer's test extends this and says how to read its messages back.
 */
public abstract class RendererContract<M> {

    public static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Exports will be your most expensive endpoint. Meter them before launch.",
            List.of("No rate limit on exports: one tenant can starve the database."),
            List.of(new AreaAnalysis(Area.SCALABILITY, List.of("Run exports on a queue, not the request thread."))),
            List.of(
                    new Recommendation("Add a per-tenant export quota.", Priority.FUTURE),
                    new Recommendation("Rate-limit exports per tenant.", Priority.CRITICAL_BLOCKER),
                    new Recommendation("Log every export for audit.", Priority.BEFORE_LAUNCH)),
            List.of("Which plans include exports?"));

    public static final List<String> SECTIONS =
            List.of(Labels.SUMMARY, Labels.CRITICAL_ISSUES, Labels.ANALYSIS, Labels.RECOMMENDATIONS, Labels.QUESTIONS);

    protected final Renderer<M> renderer;
    private final boolean limitsMessageSize;

    /**
     * @param renderer the renderer under test
     * @param limitsMessageSize whether the surface limits a message's size, so that an extreme answer must
     *     come as several messages
     */
    protected RendererContract(Renderer<M> renderer, boolean limitsMessageSize) {
        this.renderer = renderer;
        this.limitsMessageSize = limitsMessageSize;
    }

    /** The text a user sees in one message, block by block, in order; no part labels. */
    protected abstract List<String> texts(M message);

    /** Fails unless the message keeps every limit of its surface. */
    protected abstract void assertWithinLimits(M message);

    @Test
    void every_section_and_every_item_of_an_answer_reaches_the_user_in_order() {
        List<M> messages = renderer.render(new Reply.Answer(ANSWER));

        messages.forEach(this::assertWithinLimits);
        assertThat(messages).hasSize(1);
        assertInOrder(
                visible(messages),
                List.of(
                        Labels.SUMMARY,
                        ANSWER.summary(),
                        Labels.CRITICAL_ISSUES,
                        ANSWER.criticalIssues().getFirst(),
                        Labels.ANALYSIS,
                        Labels.of(Area.SCALABILITY),
                        ANSWER.analysis().getFirst().findings().getFirst(),
                        Labels.RECOMMENDATIONS,
                        flagged(ANSWER.recommendations().get(1)),
                        flagged(ANSWER.recommendations().get(2)),
                        flagged(ANSWER.recommendations().get(0)),
                        Labels.QUESTIONS,
                        ANSWER.questions().getFirst()));
    }

    @Test
    void an_answer_with_empty_sections_still_shows_all_five_and_says_there_are_no_critical_issues() {
        var calm = new ConsultationAnswer("All good.", List.of(), List.of(), List.of(), List.of());

        List<M> messages = renderer.render(new Reply.Answer(calm));

        messages.forEach(this::assertWithinLimits);
        assertInOrder(
                visible(messages),
                List.of(
                        Labels.SUMMARY,
                        "All good.",
                        Labels.CRITICAL_ISSUES,
                        Labels.NO_CRITICAL_ISSUES,
                        Labels.ANALYSIS,
                        Labels.RECOMMENDATIONS,
                        Labels.QUESTIONS));
    }

    @Test
    void an_extreme_answer_is_split_within_the_limits_and_loses_nothing() {
        ConsultationAnswer huge = extremeAnswer();

        List<M> messages = renderer.render(new Reply.Answer(huge));

        messages.forEach(this::assertWithinLimits);
        if (limitsMessageSize) {
            assertThat(messages).hasSizeGreaterThan(1);
        }
        List<String> expected = new ArrayList<>(List.of(Labels.SUMMARY, huge.summary(), Labels.CRITICAL_ISSUES));
        expected.addAll(huge.criticalIssues());
        expected.add(Labels.ANALYSIS);
        huge.analysis().forEach(area -> {
            expected.add(Labels.of(area.area()));
            expected.addAll(area.findings());
        });
        expected.add(Labels.RECOMMENDATIONS);
        huge.recommendations().stream()
                .sorted((a, b) -> a.priority().compareTo(b.priority()))
                .map(RendererContract::flagged)
                .forEach(expected::add);
        expected.add(Labels.QUESTIONS);
        expected.addAll(huge.questions());
        assertInOrder(visible(messages), expected);
    }

    @Test
    void a_notice_reaches_the_user_whole() {
        String text = "The model timed out after 60 s; ask again in a minute.";

        List<M> messages = renderer.render(new Reply.Notice(Reply.Tone.FAILED, text));

        messages.forEach(this::assertWithinLimits);
        assertThat(messages).hasSize(1);
        assertInOrder(visible(messages), List.of(text));
    }

    /**
     * Long paragraphs, hundreds of findings in two areas, a run longer than any text block (a URL),
     * non-Latin text and emoji, a recommendation longer than a block, and mixed priorities.
     */
    public static ConsultationAnswer extremeAnswer() {
        String summary = String.join(
                "\n\n",
                IntStream.range(0, 40)
                        .mapToObj(i ->
                                "Paragraph " + i + " " + "word ".repeat(120).strip())
                        .toList());
        List<String> findings = new ArrayList<>(IntStream.range(0, 300)
                .mapToObj(
                        i -> "Finding " + i + ": the queue needs a dead-letter stream, é ü 数据 🚀 " + "x".repeat(i % 7))
                .toList());
        findings.add("See https://example.com/" + "a".repeat(7000));
        List<Recommendation> recommendations = new ArrayList<>(IntStream.range(0, 90)
                .mapToObj(
                        i -> new Recommendation("Do thing " + i + " before the next review.", Priority.values()[i % 3]))
                .toList());
        recommendations.add(
                new Recommendation("Long step " + "carefully ".repeat(700).strip(), Priority.CRITICAL_BLOCKER));
        return new ConsultationAnswer(
                summary,
                IntStream.range(0, 30)
                        .mapToObj(i -> "Blocker " + i + ": a single region with no replica.")
                        .toList(),
                List.of(
                        new AreaAnalysis(Area.SCALABILITY, findings),
                        new AreaAnalysis(Area.SECURITY_AND_COMPLIANCE, findings.subList(0, 150))),
                recommendations,
                IntStream.range(0, 40)
                        .mapToObj(i -> "Question " + i + ": which region serves tenant " + i + "?")
                        .toList());
    }

    /** How a recommendation reads to the user, markup aside: its flag, then its text. */
    public static String flagged(Recommendation recommendation) {
        return Labels.of(recommendation.priority()) + ": " + recommendation.text();
    }

    /** All the text the user sees, across messages, in order. */
    private String visible(List<M> messages) {
        return String.join(
                "\n", messages.stream().flatMap(m -> texts(m).stream()).toList());
    }

    /**
     * Each expected text appears after the one before, whole. Whitespace and emphasis are compared loosely:
     * surfaces break long text into blocks at spaces and mark flags up in their own way.
     */
    private static void assertInOrder(String visible, List<String> expected) {
        String seen = squash(visible);
        int from = 0;
        for (String text : expected) {
            int at = seen.indexOf(squash(text), from);
            assertThat(at).as("shown after what came before: %.80s", text).isGreaterThanOrEqualTo(0);
            from = at + squash(text).length();
        }
    }

    private static String squash(String text) {
        return text.replace("*", "").replaceAll("\\s+", "");
    }
}
