package com.architectbot.cli;

import com.architectbot.ops.ArchitectBot;
import com.architectbot.ops.BotConfig;
import java.util.function.Supplier;

/**
 * Opens the bot when a command first needs it (so {@code --help} reads no configuration and starts no
 * Redis) and closes it when the command is done, stopping an embedded Redis this process started.
 */
final class BotOnDemand implements Supplier<ArchitectBot>, AutoCloseable {

    private final Supplier<BotConfig> config;
    private ArchitectBot bot;

    BotOnDemand(Supplier<BotConfig> config) {
        this.config = config;
    }

    @Override
    public synchronized ArchitectBot get() {
        if (bot == null) {
            bot = ArchitectBot.open(config.get());
        }
        return bot;
    }

    @Override
    public synchronized void close() {
        if (bot != null) {
            bot.close();
            bot = null;
        }
    }
}
