package com.architectbot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.redis.RedisUrl.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.HostAndPort;

class RedisUrlTest {

    @Test
    void a_plain_url_names_one_server_with_default_port_and_database() {
        var url = RedisUrl.parse("redis://cache.internal");

        assertThat(url.topology()).isEqualTo(Topology.STANDALONE);
        assertThat(url.tls()).isFalse();
        assertThat(url.nodes()).containsExactly(new HostAndPort("cache.internal", 6379));
        assertThat(url.database()).isZero();
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void a_full_url_carries_user_password_port_and_database() {
        var url = RedisUrl.parse("redis://bot:s3cret@cache.internal:6380/2");

        assertThat(url.user()).isEqualTo("bot");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.nodes()).containsExactly(new HostAndPort("cache.internal", 6380));
        assertThat(url.database()).isEqualTo(2);
    }

    @Test
    void rediss_means_tls_and_a_password_alone_uses_the_default_user() {
        var withColon = RedisUrl.parse("rediss://:s3cret@cache.internal:6380");
        var withoutColon = RedisUrl.parse("rediss://s3cret@cache.internal");

        for (RedisUrl url : new RedisUrl[] {withColon, withoutColon}) {
            assertThat(url.tls()).isTrue();
            assertThat(url.topology()).isEqualTo(Topology.STANDALONE);
            assertThat(url.user()).isNull();
            assertThat(url.password()).isEqualTo("s3cret");
        }
    }

    @Test
    void percent_encoded_credentials_are_decoded_and_plus_stays_plus() {
        var url = RedisUrl.parse("redis://b%40t:p%40ss%3Aw%2Fd+x@cache.internal");

        assertThat(url.user()).isEqualTo("b@t");
        assertThat(url.password()).isEqualTo("p@ss:w/d+x");
    }

    @Test
    void an_ipv6_host_goes_in_brackets() {
        var url = RedisUrl.parse("redis://[::1]:6390");

        assertThat(url.nodes()).containsExactly(new HostAndPort("::1", 6390));
        assertThat(url.masked()).isEqualTo("redis://[::1]:6390/0");
    }

    @Test
    void a_cluster_url_lists_its_seed_nodes() {
        var url = RedisUrl.parse("redis-cluster://bot:s3cret@node1:7000,node2:7001");
        var tls = RedisUrl.parse("rediss-cluster://node1,node2");

        assertThat(url.topology()).isEqualTo(Topology.CLUSTER);
        assertThat(url.tls()).isFalse();
        assertThat(url.user()).isEqualTo("bot");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.nodes()).containsExactly(new HostAndPort("node1", 7000), new HostAndPort("node2", 7001));
        assertThat(tls.topology()).isEqualTo(Topology.CLUSTER);
        assertThat(tls.tls()).isTrue();
        assertThat(tls.nodes()).containsExactly(new HostAndPort("node1", 6379), new HostAndPort("node2", 6379));
    }

    @Test
    void a_sentinel_url_lists_sentinels_then_the_master_name_and_database() {
        var url = RedisUrl.parse("redis-sentinel://bot:s3cret@s1:26380,s2/mymaster/3");
        var tls = RedisUrl.parse("rediss-sentinel://s1/mymaster");

        assertThat(url.topology()).isEqualTo(Topology.SENTINEL);
        assertThat(url.nodes()).containsExactly(new HostAndPort("s1", 26380), new HostAndPort("s2", 26379));
        assertThat(url.masterName()).isEqualTo("mymaster");
        assertThat(url.database()).isEqualTo(3);
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(tls.tls()).isTrue();
        assertThat(tls.masterName()).isEqualTo("mymaster");
        assertThat(tls.database()).isZero();
    }

    @Test
    void the_password_is_masked_in_every_printed_form() {
        assertThat(RedisUrl.parse("redis://bot:s3cret@h:6380/2").toString()).isEqualTo("redis://bot:***@h:6380/2");
        assertThat(RedisUrl.parse("rediss://:s3cret@h").masked()).isEqualTo("rediss://:***@h:6379/0");
        assertThat(RedisUrl.parse("redis-cluster://bot:s3cret@a:1,b:2").masked())
                .isEqualTo("redis-cluster://bot:***@a:1,b:2");
        assertThat(RedisUrl.parse("rediss-sentinel://bot:s3cret@s1/mymaster/1").masked())
                .isEqualTo("rediss-sentinel://bot:***@s1:26379/mymaster/1");
        assertThat(RedisSettings.forUrl("redis://bot:s3cret@h").toString())
                .contains("redis://bot:***@h:6379/0")
                .doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cache.internal:6379",
                "http://cache.internal",
                "redis://",
                "redis://bot:s3cret@",
                "redis://cache.internal:port",
                "redis://cache.internal:70000",
                "redis://cache.internal/zero",
                "redis://cache.internal/0/1",
                "redis://a,b",
                "redis://cache.internal?ssl=true",
                "redis-cluster://a:7000/0",
                "redis-sentinel://s1:26379",
                "redis-sentinel://s1/mymaster/1/2",
                "redis://bot:s3cret",
                "redis://bot:s3%zzet@cache.internal",
                "redis://bot:s3cret@cache internal",
                "redis://[::1:6379",
            })
    void a_malformed_url_is_rejected_naming_redis_url_and_the_accepted_forms(String malformed) {
        assertThatThrownBy(() -> RedisUrl.parse(malformed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("REDIS_URL is not a valid Redis URL (")
                .hasMessageContaining("redis://[user:password@]host[:port][/db]")
                .hasMessageContaining("redis-cluster://[user:password@]host1:port1,host2:port2")
                .hasMessageContaining("redis-sentinel://[user:password@]host1:26379,host2:26379/masterName[/db]")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("s3%zzet");
    }

    @Test
    void a_rejected_url_is_shown_masked() {
        assertThatThrownBy(() -> RedisUrl.parse("redis://bot:s3cret@cache.internal:port"))
                .hasMessageContaining(": redis://bot:***@cache.internal:port. Accepted forms: ");
        assertThatThrownBy(() -> RedisUrl.parse("redis://bot:s3cret"))
                .hasMessageContaining(": redis://bot:***. Accepted forms: ");
    }
}
