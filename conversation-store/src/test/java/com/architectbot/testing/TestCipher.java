package com.architectbot.testing;

import com.architectbot.redis.DataKey;
import com.architectbot.redis.ValueCipher;
import java.util.Optional;

/** One data key per test JVM, so every part of a test that stores secrets in Redis opens what another wrote. */
public final class TestCipher {

    private static final ValueCipher CIPHER = new ValueCipher(DataKey.generate(), Optional.empty());

    private TestCipher() {}

    public static ValueCipher cipher() {
        return CIPHER;
    }
}
