package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueKeys.GROUP;
import static com.architectbot.queue.redis.RedisFailures.retryable;
import static java.util.Objects.requireNonNull;

import com.architectbot.queue.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * How workers read the job stream: through one consumer group, which hands out new entries and lets idle
 * ones be reclaimed. Creates the group when it is missing (first start, FLUSHDB) and parks an entry no
 * worker can read in the dead-letter stream instead of handing it out.
 */
final class ConsumerGroup {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroup.class);

    private final UnifiedJedis redis;
    private final QueueKeys keys;
    private final JobEntries entries;
    private final RedisDeadLetters deadLetters;
    private final AtomicReference<StreamEntryID> reclaimCursor = new AtomicReference<>(new StreamEntryID());

    ConsumerGroup(UnifiedJedis redis, QueueKeys keys, JobEntries entries, RedisDeadLetters deadLetters) {
        this.redis = requireNonNull(redis, "redis");
        this.keys = requireNonNull(keys, "keys");
        this.entries = requireNonNull(entries, "entries");
        this.deadLetters = requireNonNull(deadLetters, "deadLetters");
    }

    /** Up to {@code max} entries no consumer has taken yet, waiting up to {@code block} for the first. */
    List<Delivery> take(String consumer, int max, Duration block) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(max).block((int)
                Math.max(1, block.toMillis())); // BLOCK 0 would wait forever
        Map<String, StreamEntryID> fromNew = Map.of(keys.stream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
        List<Map.Entry<String, List<StreamEntry>>> read =
                inGroup("reading jobs", () -> redis.xreadGroup(GROUP, consumer, params, fromNew));
        List<Delivery> deliveries = new ArrayList<>();
        if (read != null) {
            read.forEach(stream -> stream.getValue().forEach(entry -> toDelivery(entry, 1, deliveries)));
        }
        return deliveries;
    }

    /** Up to {@code max} pending entries idle for at least {@code idle}, now {@code consumer}'s. */
    List<Delivery> reclaim(String consumer, Duration idle, int max) {
        Map.Entry<StreamEntryID, List<StreamEntry>> claimed = inGroup(
                "reclaiming jobs",
                () -> redis.xautoclaim(
                        keys.stream(),
                        GROUP,
                        consumer,
                        idle.toMillis(),
                        reclaimCursor.get(),
                        XAutoClaimParams.xAutoClaimParams().count(max)));
        reclaimCursor.set(claimed.getKey()); // 0-0 once the scan wrapped: the next round starts over
        List<Delivery> deliveries = new ArrayList<>();
        for (StreamEntry entry : claimed.getValue()) {
            if (entry != null) { // Redis 6.2 answers nil for an entry deleted while pending
                toDelivery(entry, deliveryCount(consumer, entry.getID()), deliveries);
            }
        }
        return deliveries;
    }

    /** How often Redis has handed out this entry, counting the claim that just happened. */
    private long deliveryCount(String consumer, StreamEntryID id) {
        List<StreamPendingEntry> pending = retryable(
                "counting deliveries",
                () -> redis.xpending(
                        keys.stream(),
                        GROUP,
                        XPendingParams.xPendingParams(id, id, 1).consumer(consumer)));
        return pending.isEmpty() ? 1 : Math.max(1, pending.get(0).getDeliveredTimes());
    }

    private void toDelivery(StreamEntry entry, long attempt, List<Delivery> into) {
        try {
            String job = entry.getFields().get(RedisStreamQueue.JOB_FIELD);
            into.add(new Delivery(entry.getID().toString(), JobJson.read(job), attempt));
        } catch (IllegalArgumentException e) {
            quarantine(entry, e.getMessage());
        }
    }

    /** An entry no worker can read will never succeed: park it, unacknowledged no longer. */
    private void quarantine(StreamEntry entry, String reason) {
        log.error("job entry {} on {} moved to {}: {}", entry.getID(), keys.stream(), keys.deadLetters(), reason);
        deadLetters.addUnreadable(reason, entry.getID().toString()); // its content may be anyone's text: not kept
        retryable("quarantining entry " + entry.getID(), () -> entries.remove(entry.getID()));
    }

    /** Runs a group command, creating the stream and group first if they are missing. */
    private <T> T inGroup(String what, Supplier<T> command) {
        return retryable(what + " from " + keys.stream(), () -> {
            try {
                return command.get();
            } catch (JedisDataException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
                    throw e;
                }
                createGroup();
                return command.get();
            }
        });
    }

    private void createGroup() {
        try {
            // From the start of the stream, not "$": jobs queued before any worker ran must be delivered too.
            redis.xgroupCreate(keys.stream(), GROUP, new StreamEntryID(), true);
            log.info("created consumer group {} on {}", GROUP, keys.stream());
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
            // another replica created it first
        }
    }
}
