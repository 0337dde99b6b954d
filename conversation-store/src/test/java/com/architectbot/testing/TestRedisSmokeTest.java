package com.architectbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class TestRedisSmokeTest {

    @Test
    void test_server_stores_and_returns_values() {
        try (UnifiedJedis jedis = TestRedis.client()) {
            jedis.set("smoke:key", "value");
            assertThat(jedis.get("smoke:key")).isEqualTo("value");
        }
    }
}
