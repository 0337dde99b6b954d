package com.architectbot.tenancy;

import com.architectbot.core.answer.TokenUsage;
import java.time.YearMonth;
import java.util.List;

/** A tenant's usage in one month: counts, and tokens per model (largest first). */
public record MonthlyUsage(YearMonth month, long consultations, long licenceChecks, List<TokenUsage> tokens) {

    public MonthlyUsage {
        tokens = List.copyOf(tokens);
    }
}
