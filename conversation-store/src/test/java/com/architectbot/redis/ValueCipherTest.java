package com.architectbot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ValueCipherTest {

    private static final String SECRET = "xoxb-1234-canary-token";
    private static final String CONTEXT = "ab:slack:installation:T1/bot";

    @TempDir
    Path dataDir;

    @Test
    void a_sealed_value_hides_the_secret_and_opens_to_it() {
        ValueCipher cipher = new ValueCipher(key("k1"), Optional.empty());
        // when
        String stored = cipher.seal(CONTEXT, SECRET);
        // then
        assertThat(stored).startsWith("enc:v1:k1:").doesNotContain(SECRET).doesNotContain("canary");
        assertThat(cipher.open(CONTEXT, stored)).isEqualTo(SECRET);
        assertThat(cipher.seal(CONTEXT, SECRET)).as("a fresh nonce per value").isNotEqualTo(stored);
        assertThat(cipher.isCurrent(stored)).isTrue();
    }

    @Test
    void a_wrong_key_under_the_same_id_fails_clearly_without_the_value() {
        String stored = new ValueCipher(key("k1"), Optional.empty()).seal(CONTEXT, SECRET);
        ValueCipher other = new ValueCipher(key("k1"), Optional.empty());

        assertThatThrownBy(() -> other.open(CONTEXT, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open with key id 'k1'")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void a_value_under_a_key_that_is_not_configured_names_the_variables() {
        String stored = new ValueCipher(key("old"), Optional.empty()).seal(CONTEXT, SECRET);

        assertThatThrownBy(() -> new ValueCipher(key("new"), Optional.empty()).open(CONTEXT, stored))
                .hasMessageContaining("key id 'old'")
                .hasMessageContaining("DATA_ENCRYPTION_KEY_PREVIOUS")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void a_value_moved_to_another_key_does_not_open() {
        ValueCipher cipher = new ValueCipher(key("k1"), Optional.empty());
        String stored = cipher.seal(CONTEXT, SECRET);

        assertThatThrownBy(() -> cipher.open("ab:slack:installation:T2/bot", stored))
                .hasMessageContaining("does not open");
    }

    @Test
    void after_rotation_old_values_open_with_the_previous_key_and_new_ones_use_the_new_key() {
        DataKey old = key("2025");
        String before = new ValueCipher(old, Optional.empty()).seal(CONTEXT, SECRET);
        // when
        ValueCipher rotated = new ValueCipher(key("2026"), Optional.of(old));
        // then
        assertThat(rotated.open(CONTEXT, before)).isEqualTo(SECRET);
        assertThat(rotated.isCurrent(before)).isFalse();
        assertThat(rotated.seal(CONTEXT, SECRET)).startsWith("enc:v1:2026:");
    }

    @Test
    void a_value_written_before_encryption_is_read_as_it_is() {
        ValueCipher cipher = new ValueCipher(key("k1"), Optional.empty());

        assertThat(cipher.open(CONTEXT, "{\"bot_access_token\":\"x\"}")).isEqualTo("{\"bot_access_token\":\"x\"}");
        assertThat(cipher.isCurrent("{\"bot_access_token\":\"x\"}")).isFalse();
    }

    @Test
    void without_a_configured_key_one_is_created_in_the_data_directory_for_the_owner_only_and_kept() throws Exception {
        var settings = new EncryptionSettings(
                Optional.empty(), Optional.empty(), dataDir.resolve(EncryptionSettings.KEY_FILE_NAME), false);
        // when
        ValueCipher first = ValueCipher.load(settings);
        String stored = first.seal(CONTEXT, SECRET);
        ValueCipher second = ValueCipher.load(settings);
        // then
        Path file = dataDir.resolve("data-encryption.key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(second.open(CONTEXT, stored)).isEqualTo(SECRET);
    }

    @Test
    void with_a_shared_redis_and_no_configured_key_the_key_file_comes_with_a_warning_to_set_the_variable() {
        var settings = new EncryptionSettings(
                Optional.empty(), Optional.empty(), dataDir.resolve(EncryptionSettings.KEY_FILE_NAME), true);
        Logger logger = (Logger) LoggerFactory.getLogger(DataKeyFile.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            // when
            ValueCipher.load(settings);
        } finally {
            logger.detachAppender(logs);
        }
        // then
        assertThat(logs.list)
                .filteredOn(event -> event.getLevel() == Level.WARN)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("Every replica sharing that Redis needs the same key: set DATA_ENCRYPTION_KEY");
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains(Base64.getEncoder()
                        .encodeToString(DataKey.parse("file", readKeyFile()).material())));
    }

    private String readKeyFile() {
        try {
            return Files.readString(dataDir.resolve("data-encryption.key")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DataKey key(String id) {
        return new DataKey(id, DataKey.generate().material());
    }
}
