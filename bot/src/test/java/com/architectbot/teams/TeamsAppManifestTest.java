package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryKind;
import com.architectbot.core.TypedCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command menu of the Teams app package ({@code deploy/teams/manifest.json}): private commands are answered
 * only in a personal chat, so the menu of a team or group chat must not offer them.
 */
class TeamsAppManifestTest {

    private static final List<String> PRIVATE_WORDS = Arrays.stream(InquiryKind.values())
            .filter(TypedCommand::isPrivate)
            .map(TypedCommand::word)
            .toList();

    @Test
    void team_and_group_chat_menus_offer_no_private_command() throws IOException {
        for (String scope : List.of("team", "groupChat")) {
            assertThat(commandsOffered(scope)).as(scope).containsExactly("help", "license-check", "forget");
            assertThat(commandsOffered(scope)).as(scope).doesNotContainAnyElementsOf(PRIVATE_WORDS);
        }
    }

    @Test
    void the_personal_chat_menu_also_offers_erase_all_data() throws IOException {
        assertThat(commandsOffered("personal")).containsExactly("help", "license-check", "forget", "erase-all-data");
    }

    @Test
    void every_command_offered_is_one_the_bot_understands() throws IOException {
        for (String scope : List.of("personal", "team", "groupChat")) {
            assertThat(commandsOffered(scope))
                    .as(scope)
                    .allSatisfy(title -> assertThat(TypedCommand.parse(title)).isPresent());
        }
    }

    private static List<String> commandsOffered(String scope) throws IOException {
        JsonNode manifest =
                new ObjectMapper().readTree(Files.readString(repositoryRoot().resolve("deploy/teams/manifest.json")));
        List<String> titles = new ArrayList<>();
        for (JsonNode list : manifest.path("bots").path(0).path("commandLists")) {
            boolean inScope = false;
            for (JsonNode listed : list.path("scopes")) {
                inScope |= listed.asText().equals(scope);
            }
            if (inScope) {
                list.path("commands")
                        .forEach(command -> titles.add(command.path("title").asText()));
            }
        }
        return titles;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/teams"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no deploy/teams folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
