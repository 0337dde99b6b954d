package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.report.ReleaseFile;
import com.architectbot.core.report.ReleaseFilesLater;
import com.architectbot.core.report.ReportFiles;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.testing.FakeBotConnector;
import com.architectbot.testing.LicenceReports;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A licence report's files in Teams: in a personal chat, a file consent card per file after the report; in a
 * channel, where a bot cannot post files, a line saying how to get them. Through the real channel to a
 * {@link FakeBotConnector}.
 */
class TeamsLicenceFilesTest {

    private static final String JSON = "{\"canary\":\"json-file-canary\"}";
    private static final String NOTICES = "lib-1 1.0.1, Apache-2.0: notices-file-canary\n";
    private static final Reply.LicenceCheck CHECK = new Reply.LicenceCheck(
            LicenceReports.withOkDependencies(2),
            new ReportFiles(
                    List.of(
                            new ReleaseFile("licence-report.json", "application/json", JSON),
                            new ReleaseFile("THIRD-PARTY-NOTICES.txt", "text/plain", NOTICES)),
                    List.of()));

    private final TeamsFixture teams = TeamsFixture.unauthenticated();

    @AfterEach
    void stop() {
        teams.close();
    }

    @Test
    void a_personal_chat_gets_the_report_with_a_consent_card_per_file_and_no_content() {
        deliver(teams.personalMessage("1700000000400", "license-check"));

        var messages = teams.connector.activitiesOfType("message");
        List<JsonNode> consents = consentCards(messages.getLast().body());
        assertThat(consents)
                .extracting(card -> card.path("name").asText())
                .containsExactly("licence-report.json", "THIRD-PARTY-NOTICES.txt");
        assertThat(consents.getFirst().at("/content/sizeInBytes").asInt()).isEqualTo(JSON.length());
        assertThat(messages.getFirst().body().toString()).contains("Licence check");
        assertThat(messages)
                .allSatisfy(sent ->
                        assertThat(sent.body().toString()).doesNotContain("json-file-canary", "notices-file-canary"));
        assertThat(teams.connector.uploads()).isEmpty();
    }

    @Test
    void an_accepted_file_is_uploaded_as_it_was_made() {
        deliver(teams.personalMessage("1700000000401", "license-check"));
        List<JsonNode> consents = consentCards(
                teams.connector.activitiesOfType("message").getLast().body());
        String notices = consents.get(1).at("/content/acceptContext/exportId").asText();

        teams.post(teams.fileConsent("accept", notices, "notices-1"));

        teams.connector.awaitActivitiesOfType("message", 2);
        assertThat(teams.connector.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.path()).isEqualTo("/uploads/notices-1");
            assertThat(upload.body()).isEqualTo(NOTICES);
        });
        assertThat(teams.exports.find(notices)).isEmpty();
    }

    @Test
    void a_channel_gets_the_report_with_how_to_get_the_files_and_no_file() {
        deliver(teams.channelMention("1700000000402", "Architect Bot", "license-check"));

        JsonNode message = teams.connector.activitiesOfType("message").getLast().body();
        assertThat(consentCards(message)).isEmpty();
        assertThat(message.toString())
                .contains(
                        "The files of this check (licence-report.json, THIRD-PARTY-NOTICES.txt) can only be shared"
                                + " in a personal chat",
                        "license-check --format cyclonedx|spdx|notices");
        assertThat(teams.connector.uploads()).isEmpty();
    }

    @Test
    void a_channel_never_makes_the_files() {
        var made = new AtomicInteger();
        var check = new Reply.LicenceCheck(
                LicenceReports.withOkDependencies(2), ReleaseFilesLater.of(List.of("THIRD-PARTY-NOTICES.txt"), () -> {
                    made.incrementAndGet();
                    return CHECK.files().get();
                }));

        deliver(teams.channelMention("1700000000403", "Architect Bot", "license-check"), check);

        assertThat(made).hasValue(0);
        assertThat(teams.connector.activitiesOfType("message").getLast().body().toString())
                .contains("The files of this check (THIRD-PARTY-NOTICES.txt) can only be shared");
    }

    private void deliver(Object activity) {
        deliver(activity, CHECK);
    }

    private void deliver(Object activity, Reply.LicenceCheck check) {
        teams.post(activity);
        ReplyTarget target = teams.queue.onlyJob().replyTo();
        teams.channel.forWorkers().replier().deliver(target, check, TestReplyParts.unrecorded());
    }

    private static List<JsonNode> consentCards(JsonNode message) {
        List<JsonNode> cards = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            if (TeamsMessages.FILE_CONSENT.equals(attachment.path("contentType").asText())) {
                cards.add(attachment);
            }
        }
        return cards;
    }
}
