package com.architectbot.server;

import io.javalin.config.RoutesConfig;

/** A channel's HTTP endpoints (Slack events, Teams activities), added to the one server. */
public interface HttpRoutes {

    void addTo(RoutesConfig routes);
}
