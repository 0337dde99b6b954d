package com.architectbot.redis;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A 256-bit AES key with the id that stored values name it by, so a value written under an old key can still be
 * opened after rotation. Written as {@code <id>:<base64 of 32 bytes>}; without {@code <id>:} the id is the
 * key's fingerprint (the first 8 bytes of its SHA-256, in hex).
 */
public record DataKey(String id, byte[] material) {

    public static final int BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public DataKey {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 40 letters, digits, '.', '_' or '-'");
        }
        if (material.length != BYTES) {
            throw new IllegalArgumentException("a data key is " + BYTES + " bytes, base64-encoded");
        }
        material = material.clone();
    }

    /**
     * Reads {@code <id>:<base64>} or {@code <base64>}. The message names the variable but never repeats its value.
     */
    public static DataKey parse(String variable, String text) {
        int colon = text.indexOf(':');
        String encoded = colon < 0 ? text : text.substring(colon + 1);
        byte[] material;
        try {
            material = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(variable);
        }
        if (material.length != BYTES) {
            throw invalid(variable);
        }
        try {
            return new DataKey(
                    colon < 0 ? fingerprint(material) : text.substring(0, colon).strip(), material);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not valid: " + e.getMessage() + " before the ':'");
        }
    }

    /** A new random key, named by its fingerprint. */
    public static DataKey generate() {
        byte[] material = new byte[BYTES];
        RANDOM.nextBytes(material);
        return new DataKey(fingerprint(material), material);
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    /** The form {@link #parse} reads. */
    String encoded() {
        return id + ":" + Base64.getEncoder().encodeToString(material);
    }

    private static String fingerprint(byte[] material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static IllegalArgumentException invalid(String variable) {
        return new IllegalArgumentException(variable + " is not valid: set it to 32 random bytes in base64, optionally "
                + "after a key id and a colon (e.g. 2026-12:<key>); make one with: openssl rand -base64 32");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey key && key.id.equals(id) && MessageDigest.isEqual(key.material, material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DataKey[id=" + id + ", ***]";
    }
}
