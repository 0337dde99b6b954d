package com.architectbot.queue;

import com.architectbot.core.InquiryId;
import com.architectbot.queue.redis.RedisDeliveredParts;
import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/** Reply parts for tests that deliver a reply outside any queued job. */
public final class TestReplyParts {

    private TestReplyParts() {}

    /** Where tests record what was delivered of each reply, in the test Redis, kept for an hour. */
    public static RedisDeliveredParts recordedIn(UnifiedJedis redis) {
        return new RedisDeliveredParts(
                redis,
                TestQueueSettings.defaults("test-" + UUID.randomUUID())
                        .markTtls(Duration.ofHours(1))
                        .build());
    }

    public static ReplyParts unrecorded() {
        return ReplyParts.unrecorded(new InquiryId("unqueued"), "reply");
    }
}
