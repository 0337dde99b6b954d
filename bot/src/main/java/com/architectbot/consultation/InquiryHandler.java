package com.architectbot.consultation;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.LicenceCommand;
import com.architectbot.licence.LicenceReport;
import com.architectbot.licence.LicenceService;
import java.util.List;

/** Turns an inquiry into its reply: the one place that decides what each kind of request gets. */
public final class InquiryHandler {

    private final ConsultationService consultations;
    private final LicenceService licences;
    private final FileSource files;

    /**
     * @param files where the manifests users send with a licence check are fetched from, on the worker
     */
    public InquiryHandler(ConsultationService consultations, LicenceService licences, FileSource files) {
        this.consultations = consultations;
        this.licences = licences;
        this.files = files;
    }

    public Reply process(Inquiry inquiry) {
        return switch (inquiry.kind()) {
            case CONSULTATION -> new Reply.Answer(consultations.consult(inquiry));
            case LICENCE_CHECK -> new Reply.LicenceCheck(checkLicences(inquiry));
            case FORGET -> forget(inquiry);
            case HELP -> new Reply.Notice(Reply.Tone.INFO, HelpText.on(inquiry.thread().surface()));
        };
    }

    /** Files first: one that cannot be read fails the check with a message saying why, before any look-up. */
    private LicenceReport checkLicences(Inquiry inquiry) {
        List<CheckInput.Manifest> manifests = inquiry.files().stream()
                .map(file -> files.fetch(file, inquiry.thread()))
                .toList();
        return licences.check(LicenceCommand.parse(inquiry.text(), manifests));
    }

    private Reply forget(Inquiry inquiry) {
        boolean hadContext = consultations.forget(inquiry.thread());
        return new Reply.Notice(Reply.Tone.INFO, hadContext
                ? "Done: I've forgotten this conversation. Your next message starts fresh."
                : "There was nothing to forget: I had no context for this conversation.");
    }
}
