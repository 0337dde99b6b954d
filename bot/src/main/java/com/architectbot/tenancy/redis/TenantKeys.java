package com.architectbot.tenancy.redis;

import com.architectbot.tenancy.TenantId;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The Redis keys of one tenant: {@code ab:{tenant:slack:T1}:<what>}. The hash tag is the one the conversation
 * store's tenant indexes use, so a tenant's counters live in one cluster slot, a script may touch them together,
 * and erasing them is one {@code DEL}. Windows are UTC clock hours, days and months.
 */
final class TenantKeys {

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final String prefix;

    TenantKeys(TenantId tenant) {
        this.prefix = "ab:{tenant:" + tenant + "}:";
    }

    /**
     * The tenant's usage keys that have not expired (a sorted set scored by each key's expiry, in ms), so
     * erasure needs no scan. Expired members are dropped on every write, so it is as small as what it indexes.
     */
    String index() {
        return prefix + "usage-index";
    }

    /** The unbounded set of every usage key that the first releases kept: only erased now. */
    String legacyIndex() {
        return prefix + "usage-keys";
    }

    /** Whether the key is one of the user's own counters ({@link #userRequests}, {@link #userTokens}). */
    boolean isUserKey(String key, String user) {
        return Pattern.compile(Pattern.quote(prefix) + "(requests:\\d{10}|tokens:\\d{4}-\\d{2}-\\d{2}):user:"
                        + Pattern.quote(user))
                .matcher(key)
                .matches();
    }

    String tenantRequests(Instant now) {
        return prefix + "requests:" + HOUR.format(now);
    }

    String userRequests(Instant now, String user) {
        return prefix + "requests:" + HOUR.format(now) + ":user:" + user;
    }

    String tenantTokens(Instant now) {
        return prefix + "tokens:" + DAY.format(now);
    }

    String userTokens(Instant now, String user) {
        return prefix + "tokens:" + DAY.format(now) + ":user:" + user;
    }

    String day(Instant now) {
        return prefix + "usage:" + DAY.format(now);
    }

    String month(YearMonth month) {
        return prefix + "usage:" + month;
    }

    String profile() {
        return prefix + "profile";
    }

    String audit() {
        return prefix + "audit";
    }

    /** The answers that may be rated: inquiry id to what is kept of the answer. */
    String answers() {
        return prefix + "answers";
    }

    /** The same inquiry ids, scored by when they were answered (ms): what is old enough to drop. */
    String answersByTime() {
        return prefix + "answers-by-time";
    }

    /** The ratings: one field per answer and user. */
    String ratings() {
        return prefix + "ratings";
    }

    /** The same fields, scored by when they were given (ms). */
    String ratingsByTime() {
        return prefix + "ratings-by-time";
    }
}
