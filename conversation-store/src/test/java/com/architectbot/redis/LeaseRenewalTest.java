package com.architectbot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaseRenewalTest {

    private static final Duration INTERVAL = Duration.ofMillis(10);
    private static final long PATIENCE_SECONDS = 10;

    @Test
    void renews_every_interval_until_stopped() throws InterruptedException {
        // given
        CountDownLatch threeRenewals = new CountDownLatch(3);
        AtomicInteger renewals = new AtomicInteger();
        LeaseRenewal renewal = LeaseRenewal.start("test-renewal", INTERVAL, () -> {
            renewals.incrementAndGet();
            threeRenewals.countDown();
            return true;
        });
        assertThat(threeRenewals.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        // when
        boolean stopped = renewal.stop();
        int atStop = renewals.get();
        Thread.sleep(INTERVAL.multipliedBy(20));
        // then: at most the renewal that was under way when it stopped
        assertThat(stopped).isTrue();
        assertThat(renewals.get()).isBetween(atStop, atStop + 1);
    }

    @Test
    void stops_renewing_once_a_renewal_reports_the_lease_lost() throws InterruptedException {
        // given
        CountDownLatch lost = new CountDownLatch(1);
        AtomicInteger renewals = new AtomicInteger();
        // when
        try (LeaseRenewal ignored = LeaseRenewal.start("test-renewal", INTERVAL, () -> {
            renewals.incrementAndGet();
            lost.countDown();
            return false;
        })) {
            assertThat(lost.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(INTERVAL.multipliedBy(20));
            // then
            assertThat(renewals).hasValue(1);
        }
    }

    @Test
    void only_the_first_stop_reports_that_it_stopped_the_renewal() {
        // given
        LeaseRenewal renewal = LeaseRenewal.start("test-renewal", Duration.ofHours(1), () -> true);
        // when
        boolean first = renewal.stop();
        boolean second = renewal.stop();
        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }
}
