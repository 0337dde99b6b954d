package com.architectbot.slack;

import com.architectbot.core.UserRole;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a Slack user is a workspace admin: {@code users.info}'s {@code is_admin}, {@code is_owner} or
 * {@code is_primary_owner}, remembered for a few minutes so a burst of admin commands costs one call.
 * The user must also belong to the workspace the request came from ({@code team_id}, or one of the
 * workspaces of an Enterprise Grid user): an admin of another workspace is a member here. When Slack cannot
 * tell us, the user is treated as a member: admin rights are never assumed.
 */
final class SlackAdmins {

    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(SlackAdmins.class);

    private record Known(UserRole role, Instant until) {}

    private final SlackWebApi api;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    SlackAdmins(SlackWebApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    UserRole roleOf(MethodsClient client, String team, String user) {
        String key = team + "/" + user;
        Known cached = known.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.until().isAfter(now)) {
            return cached.role();
        }
        UserRole role = lookUp(client, team, user);
        known.put(key, new Known(role, now.plus(CACHE_FOR)));
        return role;
    }

    private UserRole lookUp(MethodsClient client, String team, String user) {
        try {
            User found = api.call("users.info", () -> client.usersInfo(r -> r.user(user)))
                    .getUser();
            boolean admin = found != null && (found.isAdmin() || found.isOwner() || found.isPrimaryOwner());
            if (admin && !belongsTo(found, team)) {
                LOG.warn(
                        "a workspace admin of another team ({}) asked in team {}: treated as a member",
                        found.getTeamId(),
                        team);
                return UserRole.MEMBER;
            }
            return admin ? UserRole.ADMIN : UserRole.MEMBER;
        } catch (RuntimeException e) {
            LOG.warn("users.info failed; treating the user as a member: {}", e.getMessage());
            return UserRole.MEMBER;
        }
    }

    private static boolean belongsTo(User user, String team) {
        if (team == null || team.isBlank()) {
            return false;
        }
        boolean enterpriseMember = user.getEnterpriseUser() != null
                && user.getEnterpriseUser().getTeams() != null
                && user.getEnterpriseUser().getTeams().contains(team);
        return team.equals(user.getTeamId()) || enterpriseMember;
    }
}
