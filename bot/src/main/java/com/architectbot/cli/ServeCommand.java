package com.architectbot.cli;

import com.architectbot.ops.ArchitectBot;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** {@code serve}: the HTTP server, the channels and the queue workers, until SIGTERM. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the bot: HTTP server (PORT, default 3000) with GET /health and GET /ready, GET /metrics on "
                    + "MANAGEMENT_PORT (default 127.0.0.1:9090), "
                    + "the Slack and Teams channels that are configured, and the queue workers.",
            "Stops gracefully on SIGTERM: in-flight jobs finish within SHUTDOWN_GRACE_SECONDS."
        })
final class ServeCommand implements Callable<Integer> {

    private final Supplier<ArchitectBot> bot;

    ServeCommand(Supplier<ArchitectBot> bot) {
        this.bot = bot;
    }

    @Override
    public Integer call() throws InterruptedException {
        bot.get().serveUntilShutdown();
        return ExitCodes.OK;
    }
}
