package com.architectbot.consultation;

import com.architectbot.licence.LicenceCommand;
import com.architectbot.licence.LicenceService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/** Turns an inquiry into its reply: the one place that decides what each kind of request gets. */
public final class InquiryHandler {

    private final ConsultationService consultations;
    private final LicenceService licences;
    private final RequestMetrics metrics;

    /** Without metrics: for tests. */
    public InquiryHandler(ConsultationService consultations, LicenceService licences) {
        this(consultations, licences, new SimpleMeterRegistry());
    }

    public InquiryHandler(ConsultationService consultations, LicenceService licences, MeterRegistry metrics) {
        this.consultations = consultations;
        this.licences = licences;
        this.metrics = new RequestMetrics(metrics);
    }

    public Reply process(Inquiry inquiry) {
        metrics.requested(inquiry);
        return switch (inquiry.kind()) {
            case CONSULTATION -> new Reply.Answer(consultations.consult(inquiry));
            case LICENCE_CHECK -> new Reply.LicenceCheck(
                    licences.check(LicenceCommand.parse(inquiry.text(), List.of())));
            case FORGET -> forget(inquiry);
            case HELP -> new Reply.Notice(Reply.Tone.INFO, HelpText.on(inquiry.thread().surface()));
        };
    }

    private Reply forget(Inquiry inquiry) {
        boolean hadContext = consultations.forget(inquiry.thread());
        return new Reply.Notice(Reply.Tone.INFO, hadContext
                ? "Done: I've forgotten this conversation. Your next message starts fresh."
                : "There was nothing to forget: I had no context for this conversation.");
    }
}
