package com.architectbot.ops;

import com.architectbot.core.InquiryRules;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.queue.Repliers;
import com.architectbot.server.Channel;
import com.architectbot.slack.SlackChannel;
import com.architectbot.slack.redis.SlackStores;
import com.architectbot.teams.TeamsChannel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured channels (a channel that is not configured is absent and says so in one log line), and the
 * repliers the workers deliver each surface's answers through. Building a channel registers where its users'
 * files come from; starting it (a Socket Mode connection) waits until the HTTP server is up.
 */
record BotChannels(List<Channel> all, Repliers repliers) {

    private static final Logger LOG = LoggerFactory.getLogger(BotChannels.class);

    BotChannels {
        all = List.copyOf(all);
    }

    static BotChannels create(BotConfig config, BotStores stores, BotFeatures features) {
        var queue = stores.queue();
        List<Channel> channels = new ArrayList<>();
        var rules = new InquiryRules(ManifestResolver.names());
        SlackChannel.create(
                        config.slack(),
                        queue,
                        SlackStores.on(stores.redis().client(), stores.cipher(), stores.recentThreads()),
                        rules,
                        features.tenancy(),
                        features.tenancy())
                .ifPresent(channels::add);
        TeamsChannel.create(
                        config.teams(), queue, rules, stores.exports(), stores.answerActivities(), features.tenancy())
                .ifPresent(channels::add);
        Repliers repliers = new Repliers();
        channels.stream().map(Channel::forWorkers).forEach(channel -> {
            repliers.register(channel.surface(), channel.replier());
            features.files().register(channel.surface(), channel.files());
        });
        return new BotChannels(channels, repliers);
    }

    void start() {
        all.forEach(Channel::start);
    }

    /** Closes every channel: one failing to stop must not keep the others, the server and the workers from it. */
    void close() {
        all.forEach(BotChannels::closeQuietly);
    }

    List<String> names() {
        return all.stream().map(channel -> channel.forWorkers().surface().id()).toList();
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (RuntimeException e) {
            LOG.warn(
                    "closing the {} channel failed: {}",
                    channel.forWorkers().surface().id(),
                    e.toString());
        }
    }
}
