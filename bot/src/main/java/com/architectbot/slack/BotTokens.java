package com.architectbot.slack;

import com.architectbot.core.PermanentFailure;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.service.InstallationService;

/** The bot token to act in a workspace with: the configured one, or the one its installation stored. */
@FunctionalInterface
interface BotTokens {

    /**
     * @throws PermanentFailure when the workspace has no installation (it uninstalled the app)
     */
    String forTeam(String teamId);

    static BotTokens single(String token) {
        return team -> token;
    }

    static BotTokens installed(InstallationService installations) {
        return team -> {
            Bot bot = installations.findBot(null, team);
            if (bot == null || bot.getBotAccessToken() == null) {
                throw new PermanentFailure(
                        "The app is not installed in this workspace any more.",
                        "no Slack installation for team " + team,
                        null);
            }
            return bot.getBotAccessToken();
        };
    }
}
