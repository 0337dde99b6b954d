package com.architectbot.testing;

import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import java.util.List;
import java.util.stream.IntStream;

/** Consultation answers for delivery tests. */
public final class Answers {

    private Answers() {}

    /** An answer too long for one message: {@code count} numbered findings of some 200 characters each. */
    public static ConsultationAnswer withFindings(int count) {
        var findings = IntStream.range(0, count)
                .mapToObj(i -> "Finding number " + i + " " + "detail ".repeat(30))
                .toList();
        return new ConsultationAnswer(
                "Summary.", null, List.of(new AreaAnalysis(Area.SCALABILITY, findings)), null, null);
    }
}
