package com.architectbot.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data key of a bot run without {@code DATA_ENCRYPTION_KEY}: read from a file in the data directory, or
 * created there (readable by its owner only) the first time. The key itself is never logged, only where it is.
 */
final class DataKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(DataKeyFile.class);
    private static final String VARIABLE = EncryptionSettings.KEY_VARIABLE;

    private DataKeyFile() {}

    static DataKey readOrCreate(Path file, boolean sharedRedis) {
        DataKey key = Files.exists(file) ? read(file) : create(file);
        if (sharedRedis) {
            LOG.warn(
                    "{} is not set: secrets in the Redis of REDIS_URL are encrypted with the key in {}. Every replica "
                            + "sharing that Redis needs the same key: set {} (openssl rand -base64 32)",
                    VARIABLE,
                    file,
                    VARIABLE);
        }
        return key;
    }

    private static DataKey read(Path file) {
        try {
            DataKey key = DataKey.parse(
                    file.toString(),
                    Files.readString(file, StandardCharsets.US_ASCII).strip());
            LOG.info("{} is not set: encrypting stored secrets with the key (id {}) in {}", VARIABLE, key.id(), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not read the data key in " + file + " (set " + VARIABLE + ", or make the file readable)", e);
        }
    }

    private static DataKey create(Path file) {
        DataKey key = DataKey.generate();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = Files.createFile(file);
            restrictToOwner(written);
            Files.writeString(written, key.encoded() + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) { // another process created it first: use theirs
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not create the data key file " + file + " (set " + VARIABLE + ", or "
                            + RedisSettings.DATA_DIR_VARIABLE + " to a writable directory)",
                    e);
        }
        LOG.info(
                "{} is not set: created a data key (id {}) in {}; keep that file with the data, or set {} to its "
                        + "content to move it",
                VARIABLE,
                key.id(),
                file,
                VARIABLE);
        return key;
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
