package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.testing.FakeSlackApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A manifest's licence check in chat, through the real bot: the report, then the files a release needs, in the
 * same place (Slack: one upload into the thread; Teams' personal chat: file consent cards).
 */
class LicenceFilesEndToEndTest {

    private static final String POM = "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
            + "<artifactId>app</artifactId><version>1.0</version><dependencies><dependency>"
            + "<groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>3.14.0</version>"
            + "</dependency></dependencies></project>";
    private static final String PURL = "pkg:maven/org.apache.commons/commons-lang3@3.14.0";

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = new RunningBot();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void a_manifest_attached_to_a_mention_gets_the_report_then_one_upload_of_its_files_in_the_thread() {
        String channel = unique("C");

        mentionWithFile(channel, "pom.xml");

        var report = bot.awaitSlackPosts(channel, "1700000005.000100", 1).getFirst();
        assertThat(report.param("blocks")).contains("Licence check", PURL);
        var shared = awaitUpload(channel);
        assertThat(shared.param("thread_ts")).isEqualTo("1700000005.000100");
        assertThat(shared.param("initial_comment"))
                .contains("sbom.cdx.json", "sbom.spdx.json", "THIRD-PARTY-NOTICES.txt");
        assertThat(uploadsTo(channel)).hasSize(1);
        List<String> methods = bot.slack.methods();
        assertThat(methods.lastIndexOf("chat.postMessage"))
                .isLessThan(methods.lastIndexOf("files.getUploadURLExternal"));
    }

    @Test
    void a_hostile_manifest_name_does_not_reach_the_uploaded_files() {
        String channel = unique("C");

        mentionWithFile(channel, "../../etc/passwd\\r\\nX-Injected: 1\\r\\n" + "x".repeat(300) + ".pom");

        var shared = awaitUpload(channel);
        assertThat(shared.param("files") + shared.param("initial_comment"))
                .contains("sbom.cdx.json")
                .doesNotContain("passwd", "..", "X-Injected", "xxxx");
        assertThat(bot.slack.calls("files.getUploadURLExternal"))
                .extracting(call -> call.param("filename"))
                .allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9][A-Za-z0-9._-]*"));
    }

    @Test
    void a_manifest_sent_in_a_teams_personal_chat_gets_the_report_and_a_consent_card_for_its_files() {
        String chat = unique("a:");
        String url = bot.connector.serveFile(unique("pom-") + ".xml", POM);
        ObjectNode message = bot.activities.personalMessage(unique("17"), chat, "");
        ObjectNode file = message.putArray("attachments")
                .addObject()
                .put("contentType", "application/vnd.microsoft.teams.file.download.info")
                .put("name", "pom.xml");
        file.putObject("content").put("downloadUrl", url).put("uniqueId", "u-1").put("fileType", "xml");

        bot.teamsActivity(message);

        // the report may take several cards: the consent cards come with the last one
        Awaitility.await("the consent cards")
                .atMost(RunningBot.WAIT)
                .until(() -> bot.awaitTeamsMessages(chat, 1)
                                .getLast()
                                .path("attachments")
                                .size()
                        > 1);
        List<JsonNode> sent = bot.awaitTeamsMessages(chat, 1);
        assertThat(sent.getFirst().toString()).contains("Licence check");
        JsonNode consent = sent.getLast().path("attachments").get(1);
        assertThat(consent.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.consent");
        assertThat(consent.path("name").asText()).isEqualTo("sbom.cdx.json");
        assertThat(sent.getLast().path("attachments").findValuesAsText("name"))
                .contains("sbom.cdx.json", "sbom.spdx.json", "THIRD-PARTY-NOTICES.txt");
        assertThat(consent.at("/content/acceptContext/exportId").asText()).matches("[0-9a-f]{32}");
    }

    private static void mentionWithFile(String channel, String name) {
        String file = bot.slack.shareFile("pom.xml", POM);
        bot.slackEvent(unique("Ev"), """
                {"type":"app_mention","user":"U1","text":"<@%s> check this","files":[{"id":"%s","name":"%s"}],\
                "ts":"1700000005.000200","thread_ts":"1700000005.000100","channel":"%s",\
                "event_ts":"1700000005.000200"}""".formatted(FakeSlackApi.BOT_USER, file, name, channel));
    }

    private static FakeSlackApi.Call awaitUpload(String channel) {
        Awaitility.await("the files shared in " + channel)
                .atMost(RunningBot.WAIT)
                .until(() -> !uploadsTo(channel).isEmpty());
        return uploadsTo(channel).getFirst();
    }

    private static List<FakeSlackApi.Call> uploadsTo(String channel) {
        return bot.slack.calls("files.completeUploadExternal").stream()
                .filter(call -> channel.equals(call.param("channel_id")))
                .toList();
    }
}
