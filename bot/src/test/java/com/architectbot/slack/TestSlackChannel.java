package com.architectbot.slack;

import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.InquiryRules;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.slack.redis.RecentThreads;
import com.architectbot.slack.redis.SlackStores;
import com.architectbot.tenancy.TenantEraser;
import com.architectbot.testing.TestCipher;
import java.time.Clock;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/** Builds a {@link SlackChannel} as the bot does, with its stores on the given Redis under the test cipher. */
final class TestSlackChannel {

    private TestSlackChannel() {}

    /** The channel these settings describe, or empty when they leave Slack off. */
    static Optional<SlackChannel> create(
            SlackSettings settings, InquiryQueue queue, UnifiedJedis redis, TenantEraser eraser) {
        SlackStores stores = SlackStores.on(
                redis, TestCipher.cipher(), new RecentThreads(redis, settings.contextTtl(), Clock.systemUTC()));
        return SlackChannel.create(
                settings, queue, stores, new InquiryRules(ManifestResolver.names()), eraser, AnswerFeedback.NONE);
    }

    /** The channel for settings that turn Slack on, already started. */
    static SlackChannel started(SlackSettings settings, InquiryQueue queue, UnifiedJedis redis, TenantEraser eraser) {
        SlackChannel channel = create(settings, queue, redis, eraser).orElseThrow();
        channel.start();
        return channel;
    }
}
