package com.architectbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRedactorTest {

    static Stream<RedactionCorpus> secrets() {
        return RedactionCorpus.load().stream().filter(RedactionCorpus::isSecret);
    }

    static Stream<RedactionCorpus> lookAlikes() {
        return RedactionCorpus.load().stream().filter(c -> !c.isSecret());
    }

    @Test
    void the_corpus_holds_at_least_sixty_secrets_and_sixty_look_alikes() {
        assertThat(secrets().count()).isGreaterThanOrEqualTo(60);
        assertThat(lookAlikes().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void every_secret_is_replaced_by_a_label_and_the_rest_of_the_text_is_kept(RedactionCorpus secret) {
        String redacted = SecretRedactor.redact(secret.input());

        assertThat(redacted).isEqualTo(secret.expected());
        secret.secrets().forEach(value -> assertThat(redacted).doesNotContain(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void a_look_alike_is_left_exactly_as_it_is(RedactionCorpus harmless) {
        assertThat(SecretRedactor.redact(harmless.input())).isEqualTo(harmless.input());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void redacting_twice_changes_nothing_more(RedactionCorpus secret) {
        String once = SecretRedactor.redact(secret.input());

        assertThat(SecretRedactor.redact(once)).isEqualTo(once);
    }
}
