package com.architectbot.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a value before it is stored in Redis (AES-256-GCM, a random 96-bit nonce per value), as
 * {@code enc:v1:<key id>:<base64 of nonce and ciphertext>}. The key id says which key opens it, so after a
 * rotation values under the previous key still open, and {@link #isCurrent} tells which to write again.
 * The context (the Redis key and field) is authenticated too: a value copied to another key does not open.
 * A value without the prefix was written before encryption existed and is returned as it is.
 */
public final class ValueCipher {

    static final String PREFIX = "enc:v1:";
    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataKey current;
    private final Map<String, DataKey> keys = new LinkedHashMap<>();

    public ValueCipher(DataKey current, Optional<DataKey> previous) {
        this.current = current;
        keys.put(current.id(), current);
        previous.ifPresent(key -> keys.put(key.id(), key));
    }

    /** The configured keys, or the data directory's key file when none is configured. */
    public static ValueCipher load(EncryptionSettings settings) {
        return new ValueCipher(
                settings.current()
                        .orElseGet(() -> DataKeyFile.readOrCreate(settings.keyFile(), settings.sharedRedis())),
                settings.previous());
    }

    /** @param context where the value is stored (e.g. the Redis key and field); needed again to open it */
    public String seal(String context, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, current, nonce, context, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
        return PREFIX + current.id() + ":" + Base64.getEncoder().encodeToString(stored);
    }

    /**
     * @throws IllegalStateException when the value's key is not configured, or the value does not open with it
     *     (a wrong key, or a value that was changed or moved): naming the key id and the variables to check
     */
    public String open(String context, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored; // written before encryption: re-encrypted on its next write
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String id = colon < 0 ? "" : stored.substring(PREFIX.length(), colon);
        DataKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("a stored value (" + context + ") was encrypted with key id '" + id
                    + "', which is neither " + EncryptionSettings.KEY_VARIABLE + " nor "
                    + EncryptionSettings.PREVIOUS_KEY_VARIABLE + " (configured: " + keys.keySet() + ")");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
            byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
            byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
            return new String(run(Cipher.DECRYPT_MODE, key, nonce, context, sealed), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException(
                    "a stored value (" + context + ") does not open with key id '" + id
                            + "': the key under that id is not the one it was written with, or the value was altered",
                    e);
        }
    }

    /** Whether the value is encrypted with the current key: else it should be written again. */
    public boolean isCurrent(String stored) {
        return stored.startsWith(PREFIX + current.id() + ":");
    }

    private static byte[] run(int mode, DataKey key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(mode, new SecretKeySpec(key.material(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((key.id() + "\n" + context).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    @Override
    public String toString() {
        return "ValueCipher[current key id " + current.id() + ", readable " + keys.keySet() + "]";
    }
}
