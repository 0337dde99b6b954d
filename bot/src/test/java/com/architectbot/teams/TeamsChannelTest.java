package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryKind;
import com.architectbot.testing.FakeBotConnector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsChannelTest {

    private final TeamsFixture teams = TeamsFixture.unauthenticated();

    @AfterEach
    void stop() {
        teams.close();
    }

    @Test
    void channel_mention_becomes_a_job_without_the_mention_keyed_by_its_reply_chain() {
        // given a bot name the SDK's regex helper chokes on
        ObjectNode mention = teams.channelMention(
                "1700000000001",
                "Architect Bot (Preview) v2.0+",
                "Should we shard <at>Ada</at>'s Postgres before launch?");

        // when
        HttpResponse<String> response = teams.post(mention);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        Inquiry inquiry = teams.queue.onlyJob().inquiry();
        assertThat(inquiry.kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(inquiry.text()).isEqualTo("Should we shard Ada's Postgres before launch?");
        assertThat(inquiry.thread())
                .isEqualTo(new ThreadKey(Surface.TEAMS, TeamsFixture.TENANT, TeamsFixture.CHANNEL, "1700000000001"));
        assertThat(inquiry.user()).isEqualTo("29:user-1");
        assertThat(inquiry.id().value()).startsWith("teams:1700000000001@");
    }

    @Test
    void the_user_sees_typing_at_once_in_the_reply_chain() {
        // when
        teams.post(teams.channelMention("1700000000002", "Architect Bot", "How do we roll out migrations?"));

        // then
        FakeBotConnector.Call typing =
                teams.connector.activitiesOfType("typing").getFirst();
        assertThat(typing.conversationId()).isEqualTo(TeamsFixture.CHANNEL + ";messageid=1700000000002");
        assertThat(typing.authorization()).isNull(); // authentication is off
    }

    @Test
    void a_reply_in_the_chain_shares_the_context_of_its_root() {
        // given a reply inside the chain started by 1700000000003
        ObjectNode reply = teams.channelMention("1700000000009", "Architect Bot", "And what about backups?");
        reply.withObjectProperty("conversation").put("id", TeamsFixture.CHANNEL + ";messageid=1700000000003");

        // when
        teams.post(reply);

        // then
        assertThat(teams.queue.onlyJob().inquiry().thread().thread()).isEqualTo("1700000000003");
    }

    @Test
    void personal_chat_message_is_a_consultation_in_the_context_of_the_chat() {
        // when
        teams.post(teams.personalMessage("1700000000004", "Is Redis fine as our only state store?"));

        // then
        Inquiry inquiry = teams.queue.onlyJob().inquiry();
        assertThat(inquiry.kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(inquiry.text()).isEqualTo("Is Redis fine as our only state store?");
        assertThat(inquiry.thread())
                .isEqualTo(new ThreadKey(
                        Surface.TEAMS, TeamsFixture.TENANT, "a:personal-chat-1", TeamsInquiries.WHOLE_CHAT));
    }

    @Test
    void license_check_command_becomes_a_licence_check_of_its_arguments() {
        // when
        teams.post(teams.channelMention(
                "1700000000005",
                "Architect Bot",
                "license-check pkg:maven/org.apache.commons/commons-lang3@3.19.0 --policy saas"));

        // then
        Inquiry inquiry = teams.queue.onlyJob().inquiry();
        assertThat(inquiry.kind()).isEqualTo(InquiryKind.LICENCE_CHECK);
        assertThat(inquiry.text()).isEqualTo("pkg:maven/org.apache.commons/commons-lang3@3.19.0 --policy saas");
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "HELP", "forget", ""})
    void typed_commands_and_a_bare_mention_become_their_own_kinds(String text) {
        // when
        teams.post(teams.channelMention("1700000000006", "Architect Bot", text));

        // then
        assertThat(teams.queue.onlyJob().inquiry().kind())
                .isEqualTo(text.equals("forget") ? InquiryKind.FORGET : InquiryKind.HELP);
    }

    @Test
    void file_sent_in_a_personal_chat_is_a_licence_check_of_that_file() {
        // given
        String url = teams.connector.serveFile("pom.xml", "<project><dependencies/></project>");
        ObjectNode message = teams.personalMessage("1700000000007", "");
        ObjectNode file = message.putArray("attachments")
                .addObject()
                .put("contentType", TeamsInquiries.FILE_DOWNLOAD_INFO)
                .put("name", "pom.xml");
        file.putObject("content").put("downloadUrl", url).put("uniqueId", "u-1").put("fileType", "xml");

        // when
        teams.post(message);

        // then the request thread only records where the file is; a worker downloads it
        Inquiry inquiry = teams.queue.onlyJob().inquiry();
        assertThat(inquiry.kind()).isEqualTo(InquiryKind.LICENCE_CHECK);
        assertThat(inquiry.files())
                .singleElement()
                .satisfies(f -> assertThat(f.name()).isEqualTo("pom.xml"));
        assertThat(teams.channel
                        .forWorkers()
                        .files()
                        .fetch(inquiry.files().getFirst(), inquiry.thread())
                        .content())
                .isEqualTo("<project><dependencies/></project>");
    }

    @Test
    void the_emulator_channel_is_served_while_authentication_is_off() {
        HttpResponse<String> response =
                teams.post(teams.personalMessage("1700000000013", "Hello").put("channelId", "emulator"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(teams.queue.jobs).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack", "directline", "Msteams"})
    void other_channels_get_403_even_while_authentication_is_off(String channelId) {
        HttpResponse<String> response =
                teams.post(teams.personalMessage("1700000000014", "Hello").put("channelId", channelId));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(teams.queue.jobs).isEmpty();
    }

    @Test
    void the_same_activity_sent_twice_has_the_same_inquiry_id() {
        // given
        ObjectNode mention = teams.channelMention("1700000000008", "Architect Bot", "Retry me");

        // when Teams re-sends it
        teams.post(mention);
        teams.post(mention);

        // then
        assertThat(teams.queue.jobs).hasSize(2);
        assertThat(teams.queue.jobs.get(0).inquiry().id())
                .isEqualTo(teams.queue.jobs.get(1).inquiry().id());
    }

    @Test
    void same_message_id_in_another_conversation_is_another_inquiry() {
        // when
        teams.post(teams.channelMention("1700000000010", "Architect Bot", "One"));
        teams.post(teams.personalMessage("1700000000010", "Two"));

        // then
        assertThat(teams.queue.jobs.get(0).inquiry().id())
                .isNotEqualTo(teams.queue.jobs.get(1).inquiry().id());
    }

    @Test
    void bot_added_to_a_team_sends_a_welcome_card_with_examples() {
        // when
        HttpResponse<String> response = teams.post(teams.botAdded(TeamsFixture.CHANNEL, "channel"));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        FakeBotConnector.Call welcome =
                teams.connector.activitiesOfType("message").getFirst();
        assertThat(welcome.conversationId()).isEqualTo(TeamsFixture.CHANNEL);
        assertThat(welcome.body().at("/attachments/0/contentType").asText()).isEqualTo(TeamsMessages.ADAPTIVE_CARD);
        assertThat(welcome.body().at("/attachments/0/content").toString()).contains("license-check", "Try:");
        assertThat(teams.queue.jobs).isEmpty();
    }

    @Test
    void someone_else_joining_gets_no_welcome() {
        // given
        ObjectNode update = teams.botAdded("a:personal-chat-1", "personal");
        update.withArrayProperty("membersAdded").removeAll().addObject().put("id", "29:someone-else");

        // when
        teams.post(update);

        // then
        assertThat(teams.connector.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[1, 2]",
                "{}",
                "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"ftp://x\",\"id\":\"1\"}",
                "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:1\",\"conversation\":{\"id\":\"c\"},\"recipient\":{\"id\":\"b\"},\"from\":{\"id\":\"u\"}}",
                "{\"type\":\"message\",\"id\":\"1\",\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:1\",\"conversation\":{\"id\":\"c\"},\"recipient\":{\"id\":\"b\"},\"from\":{\"id\":\"u\"},\"entities\":\"oops\"}",
                "{\"type\":\"message\",\"id\":\"1\",\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:1\",\"conversation\":{\"id\":\"c\"},\"recipient\":{\"id\":\"b\"},\"from\":{\"id\":\"u\"},\"timestamp\":\"yesterday\"}"
            })
    void malformed_activities_get_400_and_the_endpoint_keeps_working(String body) {
        // when
        HttpResponse<String> malformed = teams.post(body);

        // then
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(teams.queue.jobs).isEmpty();
        assertThat(teams.post(teams.personalMessage("1700000000011", "Still there?"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void queue_away_gets_503_so_teams_sends_the_activity_again() {
        // given
        teams.queue.away = true;

        // when
        HttpResponse<String> response = teams.post(teams.personalMessage("1700000000012", "Hello?"));

        // then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("Exception");
    }
}
