package com.architectbot.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Slack bot token      | our bot uses xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp for posting | Slack token
            Slack app token      | socket mode with xapp-1-A0123456789-1234567890-abcdef0123456789 ok  | Slack app token
            GitHub token         | CI pulls with ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 daily      | GitHub token
            OpenAI key           | we call sk-proj-abcdefghijklmnopqrstuvwxyz012345 from the browser   | OpenAI key
            Anthropic key        | key sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123 is in config       | Anthropic key
            AWS access key       | deploy user AKIAIOSFODNN7EXAMPLE has admin rights                 | AWS access key
            password assignment  | DB_PASSWORD: hunter22secret in the env file                       | password
            """)
    void pasted_secrets_never_reach_the_model(String kind, String text, String label) {
        String redacted = redactor.redact(text);

        assertThat(redacted).contains("[redacted " + label + "]");
        assertThat(redacted).doesNotContainPattern("xoxb-\\d|xapp-1-A|ghp_A|sk-proj-a|sk-ant-api|AKIAIOS|hunter22");
    }

    @Test
    void a_password_in_a_url_is_removed_but_the_host_is_kept() {
        String redacted = redactor.redact("we connect to postgres://app:S3cr3t!pw@db.internal:5432/prod");

        assertThat(redacted).isEqualTo("we connect to postgres://app:[redacted password]@db.internal:5432/prod");
    }

    @Test
    void a_private_key_block_is_removed_whole() {
        String text = "here is our key\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAKCAQEA\n"
                + "-----END RSA PRIVATE KEY-----\nis that safe?";

        assertThat(redactor.redact(text)).isEqualTo("here is our key\n[redacted private key]\nis that safe?");
    }

    @Test
    void ordinary_architecture_text_is_left_alone() {
        String text = "We run 3 replicas of the API behind an ALB; the token bucket allows 100 req/s per tenant.";

        assertThat(redactor.redact(text)).isEqualTo(text);
    }
}
