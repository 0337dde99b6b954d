package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.server.AllowedHosts;
import com.architectbot.testing.FakeBotConnector;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The export as a file: consent card, the user's answer (an invoke), the upload, the file card. */
class TeamsExportTest {

    private static final String JSON =
            "{\"user\":\"29:user-1\",\"threads\":[{\"turns\":[\"Is Redis enough? — ünïcode\"]}]}";
    private final TeamsFixture teams = TeamsFixture.unauthenticated();

    @AfterEach
    void stop() {
        teams.close();
    }

    /** Asks for an export in the personal chat and delivers it; returns the consent card's pending id. */
    private String exportOffered() {
        teams.post(teams.personalMessage("1700000000300", "export"));
        ReplyTarget target = teams.queue.onlyJob().replyTo();
        teams.channel
                .forWorkers()
                .replier()
                .deliver(
                        target,
                        new Reply.Export("architect-bot-export.json", JSON, "Your 1 conversation."),
                        TestReplyParts.unrecorded());
        JsonNode consent = consentCard();
        return consent.at("/content/acceptContext/exportId").asText();
    }

    private JsonNode consentCard() {
        JsonNode message = teams.connector.activitiesOfType("message").getLast().body();
        for (JsonNode attachment : message.path("attachments")) {
            if (TeamsMessages.FILE_CONSENT.equals(attachment.path("contentType").asText())) {
                return attachment;
            }
        }
        throw new AssertionError("no file consent card in " + message);
    }

    @Test
    void export_in_a_personal_chat_offers_a_file_consent_card_without_the_content() {
        // when
        exportOffered();

        // then
        JsonNode consent = consentCard();
        assertThat(consent.path("name").asText()).isEqualTo("architect-bot-export.json");
        assertThat(consent.at("/content/sizeInBytes").asInt()).isEqualTo(JSON.getBytes(StandardCharsets.UTF_8).length);
        assertThat(consent.at("/content/acceptContext/exportId").asText())
                .matches("[0-9a-f]{32}")
                .isEqualTo(consent.at("/content/declineContext/exportId").asText());
        String sent =
                teams.connector.activitiesOfType("message").getLast().body().toString();
        assertThat(sent).doesNotContain("Is Redis enough", "threads");
        assertThat(teams.connector.uploads()).isEmpty();
    }

    @Test
    void accepted_export_is_uploaded_exactly_and_shown_as_a_file_card() {
        // given
        String id = exportOffered();

        // when
        HttpResponse<String> response = teams.post(teams.fileConsent("accept", id, "export-1"));

        // then the invoke is answered at once and the file follows
        assertThat(response.statusCode()).isEqualTo(200);
        FakeBotConnector.Call fileCard =
                teams.connector.awaitActivitiesOfType("message", 2).get(1);
        byte[] bytes = JSON.getBytes(StandardCharsets.UTF_8);
        assertThat(teams.connector.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.path()).isEqualTo("/uploads/export-1");
            assertThat(upload.body()).isEqualTo(JSON);
            assertThat(upload.contentRange()).isEqualTo("bytes 0-" + (bytes.length - 1) + "/" + bytes.length);
            assertThat(upload.contentLength()).isEqualTo(String.valueOf(bytes.length));
        });
        JsonNode info = fileCard.body().at("/attachments/0");
        assertThat(info.path("contentType").asText()).isEqualTo(TeamsMessages.FILE_INFO);
        assertThat(info.path("name").asText()).isEqualTo("architect-bot-export.json");
        assertThat(info.path("contentUrl").asText()).endsWith("/architect-bot-export.json");
        assertThat(info.at("/content/uniqueId").asText()).isEqualTo("1150D938-8870-4044-9F2C-5BBDEBA70C8C");
        assertThat(info.at("/content/fileType").asText()).isEqualTo("json");
        assertThat(fileCard.conversationId()).isEqualTo("a:personal-chat-1");
        assertThat(teams.exports.find(id)).isEmpty();
    }

    @Test
    void declined_export_gets_a_notice_and_nothing_is_uploaded() {
        // given
        String id = exportOffered();

        // when
        HttpResponse<String> response = teams.post(teams.fileConsent("decline", id, "export-2"));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lastMessageText()).contains(FileConsents.DECLINED);
        assertThat(teams.connector.uploads()).isEmpty();
        assertThat(teams.exports.find(id)).isEmpty();
    }

    @Test
    void accepting_an_unknown_or_expired_export_asks_to_ask_again() {
        // when
        HttpResponse<String> response =
                teams.post(teams.fileConsent("accept", "0123456789abcdef0123456789abcdef", "x"));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lastMessageText()).contains(FileConsents.EXPIRED);
        assertThat(teams.connector.uploads()).isEmpty();
    }

    @Test
    void another_user_cannot_accept_someone_elses_export() {
        // given
        String id = exportOffered();
        var invoke = teams.fileConsent("accept", id, "export-3");
        invoke.withObjectProperty("from").put("id", "29:mallory");

        // when
        teams.post(invoke);

        // then
        assertThat(lastMessageText()).contains(FileConsents.EXPIRED);
        assertThat(teams.connector.uploads()).isEmpty();
        assertThat(teams.exports.find(id)).isPresent();
    }

    @Test
    void upload_urls_must_pass_the_file_host_allow_list() {
        ExportUploads local =
                new ExportUploads(Duration.ofSeconds(1), AllowedHosts.parse("TEAMS_FILE_HOSTS", "http://127.0.0.1"));
        ExportUploads production =
                new ExportUploads(Duration.ofSeconds(1), AllowedHosts.parse("TEAMS_FILE_HOSTS", "*.sharepoint.com"));

        assertThat(local.acceptable(URI.create("http://127.0.0.1:8080/u"))).isTrue();
        assertThat(local.acceptable(URI.create("http://example.com/u"))).isFalse();
        assertThat(local.acceptable(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(production.acceptable(URI.create("http://127.0.0.1:8080/u"))).isFalse();
        assertThat(production.acceptable(URI.create("https://127.0.0.1:8080/u")))
                .isFalse();
        assertThat(production.acceptable(URI.create("https://attacker.example/u")))
                .isFalse();
        assertThat(production.acceptable(URI.create("https://localhost.sharepoint.com.attacker.example/u")))
                .isFalse();
    }

    @Test
    void a_refused_upload_tells_the_user_to_ask_again() {
        // given an upload URL the bot must not use
        String id = exportOffered();
        var invoke = teams.fileConsent("accept", id, "export-4");
        invoke.withObjectProperty("value").withObjectProperty("uploadInfo").put("uploadUrl", "http://example.com/u");

        // when
        teams.post(invoke);

        // then
        JsonNode notice =
                teams.connector.awaitActivitiesOfType("message", 2).get(1).body();
        assertThat(notice.toString()).contains(FileConsents.UPLOAD_FAILED);
        assertThat(teams.connector.uploads()).isEmpty();
    }

    @Test
    void other_invokes_are_still_not_implemented() {
        // given
        var invoke = teams.fileConsent("accept", "x", "y");
        invoke.put("name", "composeExtension/query");

        // when / then
        assertThat(teams.post(invoke).statusCode()).isEqualTo(501);
    }

    private String lastMessageText() {
        return teams.connector.activitiesOfType("message").getLast().body().toString();
    }
}
