package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryKind;
import com.architectbot.core.TypedCommand;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The core's message rules, through the Teams messaging endpoint. */
class TeamsIntakeTest {

    private final TeamsFixture teams = TeamsFixture.unauthenticated();

    @AfterEach
    void stop() {
        teams.close();
    }

    private String onlyReplyText() {
        return teams.connector
                .activitiesOfType("message")
                .getFirst()
                .body()
                .path("text")
                .asText();
    }

    @Test
    void usage_in_a_channel_is_not_queued_and_points_to_the_personal_chat() {
        teams.post(teams.channelMention("1700000000401", "Architect Bot", "usage"));

        assertThat(teams.queue.jobs).isEmpty();
        assertThat(onlyReplyText()).contains("only answer it in private").endsWith("type usage.");
    }

    static Stream<InquiryKind> privateCommands() {
        return Arrays.stream(InquiryKind.values()).filter(TypedCommand::isPrivate);
    }

    @ParameterizedTest
    @MethodSource("privateCommands")
    void every_private_command_in_a_channel_is_not_queued_and_points_to_the_personal_chat(InquiryKind kind) {
        String word = TypedCommand.word(kind);
        teams.post(teams.channelMention("1700000000404", "Architect Bot", word));

        assertThat(teams.queue.jobs).isEmpty();
        assertThat(onlyReplyText()).endsWith("open a personal chat with me and type " + word + ".");
    }

    @Test
    void a_file_no_reader_understands_is_not_queued_and_the_user_gets_the_supported_files() {
        ObjectNode message = teams.personalMessage("1700000000402", "");
        ObjectNode file = message.putArray("attachments")
                .addObject()
                .put("contentType", TeamsInquiries.FILE_DOWNLOAD_INFO)
                .put("name", "yarn.lock");
        file.putObject("content").put("downloadUrl", "https://contoso.sharepoint.com/yarn.lock");

        teams.post(message);

        assertThat(teams.queue.jobs).isEmpty();
        assertThat(onlyReplyText()).contains("Supported: pom.xml, package.json");
    }

    @Test
    void a_manifest_sent_with_a_typed_command_is_still_a_licence_check() {
        ObjectNode message = teams.personalMessage("1700000000403", "help");
        ObjectNode file = message.putArray("attachments")
                .addObject()
                .put("contentType", TeamsInquiries.FILE_DOWNLOAD_INFO)
                .put("name", "go.mod");
        file.putObject("content").put("downloadUrl", "https://contoso.sharepoint.com/go.mod");

        teams.post(message);

        assertThat(teams.queue.onlyJob().inquiry().kind()).isEqualTo(InquiryKind.LICENCE_CHECK);
    }
}
