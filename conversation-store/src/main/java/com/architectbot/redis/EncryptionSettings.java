package com.architectbot.redis;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The keys that encrypt secrets at rest in Redis (Slack installation tokens, pending Teams exports).
 *
 * <ul>
 *   <li>{@code DATA_ENCRYPTION_KEY}: {@code [<id>:]<base64 of 32 bytes>}, the key new values are written with.</li>
 *   <li>{@code DATA_ENCRYPTION_KEY_PREVIOUS}: the key before the last rotation, still accepted for reading.</li>
 * </ul>
 * Without {@code DATA_ENCRYPTION_KEY} the key is kept in {@value #KEY_FILE_NAME} in the data directory
 * ({@code REDIS_DATA_DIR}), created on first use: enough for one process with its embedded Redis.
 *
 * @param sharedRedis whether {@code REDIS_URL} names a server, which other replicas may share: they need the
 *     same key, which a file on one machine cannot give them
 */
public record EncryptionSettings(
        Optional<DataKey> current, Optional<DataKey> previous, Path keyFile, boolean sharedRedis) {

    public static final String KEY_VARIABLE = "DATA_ENCRYPTION_KEY";
    public static final String PREVIOUS_KEY_VARIABLE = "DATA_ENCRYPTION_KEY_PREVIOUS";
    public static final String KEY_FILE_NAME = "data-encryption.key";

    public EncryptionSettings {
        requireNonNull(current, "current");
        requireNonNull(previous, "previous");
        requireNonNull(keyFile, "keyFile");
        if (previous.isPresent() && current.isEmpty()) {
            throw new IllegalArgumentException(PREVIOUS_KEY_VARIABLE + " is set without " + KEY_VARIABLE
                    + ": set the new key in " + KEY_VARIABLE + " and keep the old one in " + PREVIOUS_KEY_VARIABLE);
        }
        if (previous.isPresent() && previous.get().id().equals(current.get().id())) {
            throw new IllegalArgumentException(KEY_VARIABLE + " and " + PREVIOUS_KEY_VARIABLE
                    + " have the same key id '" + current.get().id() + "': give the new key a new id");
        }
    }
}
