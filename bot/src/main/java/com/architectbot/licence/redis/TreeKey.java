package com.architectbot.licence.redis;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The name of a resolved tree in the cache: a SHA-256 over everything the tree depends on (the cache's
 * schema, each input's kind, name and exact content, the registries resolved against, the options), so the
 * key has a fixed length whatever the input, and no input can be read back from it. Every field goes in
 * with its length first, so no two different inputs run together into the same bytes.
 */
final class TreeKey {

    /** Bump when the cached form or the readers change what a tree holds: older entries are then never read. */
    static final int SCHEMA = 1;

    private TreeKey() {}

    static String of(List<CheckInput> inputs, ResolveOptions options, List<URI> registries) {
        MessageDigest digest = sha256();
        field(digest, "architect-bot resolved tree " + SCHEMA);
        field(digest, "directOnly=" + options.directOnly() + " includeTestScopes=" + options.includeTestScopes());
        field(digest, String.valueOf(registries.size()));
        registries.forEach(registry -> field(digest, registry.toString()));
        field(digest, String.valueOf(inputs.size()));
        for (CheckInput input : inputs) {
            switch (input) {
                case CheckInput.PackageSpec spec -> {
                    field(digest, "spec");
                    field(digest, spec.spec());
                }
                case CheckInput.Manifest manifest -> {
                    field(digest, "manifest");
                    field(digest, manifest.fileName());
                    field(digest, manifest.content());
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
