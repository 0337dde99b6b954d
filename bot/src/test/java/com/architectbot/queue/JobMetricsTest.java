package com.architectbot.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class JobMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JobMetrics metrics = new JobMetrics(registry);

    @Test
    void every_outcome_is_counted_under_the_tag_dashboards_know() {
        // when
        for (JobOutcome outcome : JobOutcome.values()) {
            metrics.finished(outcome);
        }
        // then: the tags are the names the dashboards and alerts were written against
        assertThat(registry.get(JobMetrics.JOBS).counters())
                .extracting(c -> c.getId().getTag("outcome"))
                .containsExactlyInAnyOrder(
                        "answered", "rejected", "skipped", "retried", "dead_lettered", "left_pending");
        assertThat(registry.get(JobMetrics.JOBS).counters())
                .allSatisfy(c -> assertThat(c.count()).isEqualTo(1));
    }

    @Test
    void the_same_outcome_adds_to_one_counter() {
        metrics.finished(JobOutcome.RETRIED);
        metrics.finished(JobOutcome.RETRIED);

        assertThat(registry.get(JobMetrics.JOBS)
                        .tag("outcome", "retried")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void the_log_line_names_the_outcome_and_its_detail_and_the_metric_takes_the_outcome_alone() {
        assertThat(JobOutcome.SKIPPED.because("already answered")).hasToString("skipped: already answered");
        assertThat(JobOutcome.DEAD_LETTERED.because("past its deadline"))
                .hasToString("dead-lettered: past its deadline");
        assertThat(JobOutcome.ANSWERED.plain()).hasToString("answered");
    }

    @Test
    void causes_are_decided_by_type() {
        assertThat(JobMetrics.cause(new PermanentFailure("no"))).isEqualTo("permanent");
        assertThat(JobMetrics.cause(new RetryableFailure("slow", new TimeoutException("60 s"))))
                .isEqualTo("timeout");
        assertThat(JobMetrics.cause(new RetryableFailure("away", new IllegalStateException())))
                .isEqualTo("retryable");
        assertThat(JobMetrics.cause(new IllegalStateException("bug"))).isEqualTo("unexpected");
    }
}
