package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/** The limits of every plan: the bundled {@code tenancy/plans.properties}, overridden line by line by a file. */
public record Plans(Map<Plan, PlanLimits> limits) {

    static final String RESOURCE = "/tenancy/plans.properties";

    public Plans {
        limits = Map.copyOf(limits);
        for (Plan plan : Plan.values()) {
            if (!limits.containsKey(plan)) {
                throw new IllegalArgumentException("no limits for the " + plan.id() + " plan");
            }
        }
    }

    public PlanLimits of(Plan plan) {
        return limits.get(plan);
    }

    public static Plans bundled() {
        return from(Settings.bundled(RESOURCE));
    }

    /** The bundled plans with {@code file}'s lines over them; the variable is named in errors. */
    public static Plans withFile(Path file, String variable) {
        Properties properties = Settings.bundled(RESOURCE);
        properties.putAll(Settings.file(file, variable));
        return from(properties);
    }

    private static Plans from(Properties properties) {
        Map<Plan, PlanLimits> limits = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            limits.put(
                    plan,
                    new PlanLimits(
                            (int) number(properties, plan, "requests-per-hour-per-user"),
                            (int) number(properties, plan, "requests-per-hour-per-tenant"),
                            number(properties, plan, "tokens-per-day-per-user"),
                            number(properties, plan, "tokens-per-day-per-tenant")));
        }
        return new Plans(limits);
    }

    private static long number(Properties properties, Plan plan, String limit) {
        String name = plan.id() + "." + limit;
        String value = requireNonNull(properties.getProperty(name), name);
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0 || (limit.startsWith("requests") && parsed > Integer.MAX_VALUE)) {
                throw new NumberFormatException(value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "plan limit " + name + "=" + value + " is not a whole number of 0 or more");
        }
    }

    /** Reads properties from the class path and from files, naming the variable when a file is unreadable. */
    static final class Settings {

        private Settings() {}

        static Properties bundled(String resource) {
            try (InputStream in = Plans.class.getResourceAsStream(resource)) {
                Properties properties = new Properties();
                properties.load(new java.io.InputStreamReader(requireNonNull(in, resource), StandardCharsets.UTF_8));
                return properties;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the bundled " + resource, e);
            }
        }

        static Properties file(Path file, String variable) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.load(reader);
                return properties;
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        variable + "=" + file + " could not be read (" + e.getMessage()
                                + "): point it at a readable properties file, or unset it for the defaults",
                        e);
            }
        }
    }
}
