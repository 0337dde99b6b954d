package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.TreeLifetimes;
import com.architectbot.licence.redis.CachedDependencyResolver;
import com.architectbot.ops.StoredKeys.Bound;
import com.architectbot.ops.StoredKeys.Erasure;
import com.architectbot.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Keys only a registry-resolved manifest writes, which the channels' run in {@code StoredKeysTest} does not. */
class StoredKeysCatalogueTest {

    @Test
    void a_cached_tree_holds_nobodys_data_and_expires() {
        // given
        try (UnifiedJedis redis = TestRedis.client()) {
            var trees = new CachedDependencyResolver(
                    (inputs, options) -> new Resolution(List.of(), List.of()),
                    List.of(URI.create("http://127.0.0.1:1/")),
                    TreeLifetimes.DEFAULT,
                    redis,
                    new SimpleMeterRegistry());
            // when
            String key = trees.key(List.of(new CheckInput.Manifest("pom.xml", "<project/>")), ResolveOptions.DEFAULT);
            // then
            assertThat(StoredKeys.of(key)).hasValueSatisfying(kind -> {
                assertThat(kind.name()).isEqualTo("resolved dependency tree cache");
                assertThat(kind.erasure()).isEqualTo(Erasure.NONE);
                assertThat(kind.bound()).isEqualTo(Bound.TTL);
            });
            assertThat(StoredKeys.of("ab:licence:pkg:npm/react@18.2.0")
                            .orElseThrow()
                            .name())
                    .isEqualTo("licence cache");
        }
    }
}
