package com.architectbot.core;

import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.ArchitectReply;
import com.architectbot.core.answer.TokenUsage;
import com.architectbot.core.knowledge.WrittenRecord;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.ReleaseFilesLater;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Turns an inquiry into its reply: the one place that decides what each kind of request gets. It knows the
 * features only through their ports ({@link Consultations}, {@link LicenceChecks}, {@link TenantControls},
 * {@link KnowledgeCommands}).
 */
public final class InquiryHandler {

    private final Consultations consultations;
    private final LicenceChecks licences;
    private final ReleaseFiles releaseFiles;
    private final FileSource files;
    private final TenantControls tenancy;
    private final KnowledgeCommands knowledge;
    private final RequestMetrics metrics;

    /** A handler whose licence reports carry no files (the CLI's). */
    public InquiryHandler(
            Consultations consultations,
            LicenceChecks licences,
            FileSource files,
            TenantControls tenancy,
            MeterRegistry metrics) {
        this(consultations, licences, ReleaseFiles.NONE, files, tenancy, KnowledgeCommands.NONE, metrics);
    }

    /**
     * @param releaseFiles the files a licence report of a manifest goes with in chat
     * @param files where the manifests users send with a licence check are fetched from, on the worker
     * @param tenancy plan limits, metering and the tenant commands ({@link TenantControls#NONE} for the CLI)
     * @param knowledge the tenant's standards and decisions: its commands and proposed decision records
     */
    public InquiryHandler(
            Consultations consultations,
            LicenceChecks licences,
            ReleaseFiles releaseFiles,
            FileSource files,
            TenantControls tenancy,
            KnowledgeCommands knowledge,
            MeterRegistry metrics) {
        this.consultations = consultations;
        this.licences = licences;
        this.releaseFiles = releaseFiles;
        this.files = files;
        this.tenancy = tenancy;
        this.knowledge = knowledge;
        this.metrics = new RequestMetrics(metrics);
    }

    /** The reply to an inquiry nobody watches being written (the CLI's one-shot commands, tests). */
    public Reply process(Inquiry inquiry) {
        return process(inquiry, AnswerProgress.NONE);
    }

    /** The reply to an inquiry; a consultation's answer goes to {@code progress} while the model writes it. */
    public Reply process(Inquiry inquiry, AnswerProgress progress) {
        metrics.requested(inquiry); // refused ones too: the series shows demand, not only what was served
        Optional<Reply> refused = tenancy.admit(inquiry); // plan limits: checked before any model call
        if (refused.isPresent()) {
            return refused.get();
        }
        return switch (inquiry.kind()) {
            case CONSULTATION -> consult(inquiry, progress);
            case LICENCE_CHECK -> checkLicences(inquiry);
            case FORGET -> forget(inquiry);
            case HELP ->
                new Reply.Notice(Reply.Tone.INFO, HelpText.on(inquiry.thread().surface()));
            case USAGE, SETTINGS, EXPORT, FORGET_ME, ERASE_ALL_DATA -> tenancy.command(inquiry);
            case KNOWLEDGE -> knowledge.command(inquiry);
            case DECISION_RECORD -> writeDecisionRecord(inquiry);
        };
    }

    /** The model writes the record from the thread; it is kept as proposed until an admin accepts it. */
    private Reply writeDecisionRecord(Inquiry inquiry) {
        WrittenRecord written = consultations.decisionRecord(inquiry, tenancy.preferences(inquiry.thread()));
        tenancy.record(inquiry, written.usage());
        return new Reply.Decision(knowledge.propose(inquiry.thread(), written.record()), written.record());
    }

    private Reply consult(Inquiry inquiry, AnswerProgress progress) {
        ArchitectReply reply = consultations.consult(inquiry, tenancy.preferences(inquiry.thread()), progress);
        tenancy.record(inquiry, reply.usage());
        return new Reply.Answer(reply.answer());
    }

    /** Files first: one that cannot be read fails the check with a message saying why, before any look-up. */
    private Reply checkLicences(Inquiry inquiry) {
        List<FileText> manifests = inquiry.files().stream()
                .map(file -> files.fetch(file, inquiry.thread()))
                .toList();
        LicenceReport report = licences.check(
                inquiry.text(), manifests, tenancy.preferences(inquiry.thread()).licencePolicy());
        tenancy.record(inquiry, TokenUsage.NONE);
        return new Reply.LicenceCheck(report, filesFor(manifests, report));
    }

    /**
     * A manifest is a project, and a project's check is what a release ships from: it gets the release files.
     * Typed packages are a quick question and stay one message; an empty tree has nothing to ship. The files are
     * only promised here: the surface makes them after sending the report, and only where it can deliver them.
     */
    private ReleaseFilesLater filesFor(List<FileText> manifests, LicenceReport report) {
        return manifests.isEmpty() || report.dependencies().isEmpty()
                ? ReleaseFilesLater.NONE
                : ReleaseFilesLater.of(releaseFiles.names(), () -> releaseFiles.forReport(report));
    }

    private Reply forget(Inquiry inquiry) {
        boolean hadContext = consultations.forget(inquiry.thread());
        return new Reply.Notice(
                Reply.Tone.INFO,
                hadContext
                        ? "Done: I've forgotten this conversation. Your next message starts fresh."
                        : "There was nothing to forget: I had no context for this conversation.");
    }
}
