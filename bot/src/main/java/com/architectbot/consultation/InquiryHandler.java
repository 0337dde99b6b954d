package com.architectbot.consultation;

/** Turns an inquiry into its reply: the one place that decides what each kind of request gets. */
public final class InquiryHandler {

    private final ConsultationService consultations;

    public InquiryHandler(ConsultationService consultations) {
        this.consultations = consultations;
    }

    public Reply process(Inquiry inquiry) {
        return switch (inquiry.kind()) {
            case CONSULTATION -> new Reply.Answer(consultations.consult(inquiry));
            case LICENCE_CHECK -> throw new PermanentFailure("Licence checks are not available yet.");
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
