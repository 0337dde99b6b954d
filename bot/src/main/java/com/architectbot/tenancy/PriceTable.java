package com.architectbot.tenancy;

import com.architectbot.core.answer.TokenUsage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Estimated model prices in US dollars per million tokens: the bundled {@code tenancy/prices.properties},
 * with a file's lines added or overriding. An estimate from list prices, never an invoice.
 */
public record PriceTable(Map<String, Price> prices) {

    static final String RESOURCE = "/tenancy/prices.properties";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** Dollars per million input and output tokens. */
    public record Price(BigDecimal input, BigDecimal output) {}

    public PriceTable {
        prices = Map.copyOf(prices);
    }

    public static PriceTable bundled() {
        return from(Plans.Settings.bundled(RESOURCE));
    }

    public static PriceTable withFile(Path file, String variable) {
        Properties properties = Plans.Settings.bundled(RESOURCE);
        properties.putAll(Plans.Settings.file(file, variable));
        return from(properties);
    }

    public Set<String> models() {
        return prices.keySet();
    }

    public boolean knows(String model) {
        return prices.containsKey(model);
    }

    /** The estimated cost, or empty when the model has no price. */
    public Optional<BigDecimal> cost(TokenUsage usage) {
        Price price = prices.get(usage.model());
        if (price == null) {
            return Optional.empty();
        }
        BigDecimal dollars = price.input()
                .multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(price.output().multiply(BigDecimal.valueOf(usage.outputTokens())));
        return Optional.of(dollars.divide(MILLION, MathContext.DECIMAL64));
    }

    private static PriceTable from(Properties properties) {
        Map<String, BigDecimal[]> parts = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            int dot = name.lastIndexOf('.');
            String side = dot < 0 ? "" : name.substring(dot + 1);
            if (!side.equals("input") && !side.equals("output")) {
                throw new IllegalArgumentException("price line '" + name + "' must end in .input or .output");
            }
            BigDecimal value;
            try {
                value = new BigDecimal(properties.getProperty(name).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "price " + name + "=" + properties.getProperty(name) + " is not a number");
            }
            if (value.signum() < 0) {
                throw new IllegalArgumentException("price " + name + " must not be negative");
            }
            parts.computeIfAbsent(name.substring(0, dot), model -> new BigDecimal[2])[side.equals("input") ? 0 : 1] =
                    value;
        }
        Map<String, Price> prices = new HashMap<>();
        parts.forEach((model, pair) -> prices.put(
                model,
                new Price(pair[0] == null ? BigDecimal.ZERO : pair[0], pair[1] == null ? BigDecimal.ZERO : pair[1])));
        return new PriceTable(prices);
    }
}
