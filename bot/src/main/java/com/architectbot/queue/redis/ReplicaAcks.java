package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.RedisFailures.retryable;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Writes that a failover must not lose: the write and a {@code WAIT} for {@code replicas} replicas to
 * acknowledge it, on one connection (WAIT only covers the writes of its own connection, so a pooled client
 * must pipeline them), routed to the key's node under Cluster. With no replica to wait for (0, the default)
 * it is a plain write. A replica that does not acknowledge in time does not fail the write: the primary has
 * it, and refusing it would turn a slow replica into an outage; the shortfall is logged.
 */
final class ReplicaAcks {

    /** Long enough for a healthy replica on the same network, short enough for a request thread's budget. */
    static final Duration TIMEOUT = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(ReplicaAcks.class);

    private final UnifiedJedis redis;
    private final int replicas;

    ReplicaAcks(UnifiedJedis redis, int replicas) {
        this.redis = requireNonNull(redis, "redis");
        this.replicas = replicas;
    }

    /**
     * @param key the written key: WAIT goes to its node
     * @param write the write, queued on the pipeline
     */
    void write(String what, String key, Consumer<AbstractPipeline> write) {
        retryable(what, () -> {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                write.accept(pipeline);
                Response<Long> acked = replicas == 0 ? null : pipeline.waitReplicas(key, replicas, TIMEOUT.toMillis());
                pipeline.sync();
                if (acked != null && acked.get() < replicas) {
                    log.warn(
                            "{}: {} of {} replica(s) acknowledged within {}; a failover now could lose it",
                            what,
                            acked.get(),
                            replicas,
                            TIMEOUT);
                }
            }
        });
    }
}
