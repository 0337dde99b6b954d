package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ConversationRecords;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.Feedback;
import com.architectbot.core.Inquiry;
import com.architectbot.core.Reply;
import com.architectbot.core.TenantControls;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.TokenUsage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenancy's front door, for the core and the operator: it builds the parts and hands each request to its
 * part, then records the typed outcome in the audit trail. Plan limits ({@link PlanAdmission}) come before
 * any slow work; {@link Metering} and the {@link AuditTrail} after it; {@link AdminCommands} and
 * {@link DataRights} answer the commands; {@link TenantErasure} erases a tenant that uninstalled the bot;
 * {@link Ratings} keeps the thumbs up and down on answers.
 * The parts are package-private records of the ports they use, built only here.
 */
public final class Tenancy implements TenantControls, TenantEraser, AnswerFeedback {

    private static final Logger LOG = LoggerFactory.getLogger(Tenancy.class);
    /** What an erasure removes, in words, for the operator's CLI. */
    public static final String ERASED_DATA = ErasureTexts.WHAT;
    /** How long an answer can be rated and a rating is kept: the store's retention. */
    public static final Duration RATINGS_KEPT = Ratings.KEPT;

    private final TenantPlans plans;
    private final PlanAdmission limits;
    private final Metering metering;
    private final AuditTrail audit;
    private final SettingsCommand settings;
    private final AdminCommands admin;
    private final DataRights rights;
    private final TenantErasure erasure;
    private final Ratings ratings;

    /**
     * @param ratings the answers that may be rated and their ratings ({@link AnswerFeedback})
     * @param elsewhere the other stores that keep something about a tenant's users, erased with them
     * @param metrics where ratings are counted
     */
    public Tenancy(
            TenancySettings settings,
            UsageMeter meter,
            TenantProfiles profiles,
            AuditLog audit,
            AnswerRatings ratings,
            ConversationRecords records,
            List<PersonalData> elsewhere,
            MeterRegistry metrics,
            Clock clock) {
        requireNonNull(settings, "settings");
        List<PersonalData> stores = Stream.concat(Stream.of(meter, audit, ratings), elsewhere.stream())
                .toList();
        this.plans = new TenantPlans(profiles, settings);
        this.limits = new PlanAdmission(plans, meter, clock);
        this.metering = new Metering(meter, plans, settings.prices(), clock);
        this.audit = new AuditTrail(audit, settings.auditContent(), clock);
        this.settings = new SettingsCommand(settings.prices(), profiles);
        this.erasure = new TenantErasure(records, profiles, stores);
        this.ratings = new Ratings(ratings, this.audit, metrics, clock);
        this.admin = new AdminCommands(this::usageReport, this.settings, erasure, plans);
        this.rights = new DataRights(records, stores, this.ratings, clock);
    }

    @Override
    public Optional<Reply> admit(Inquiry inquiry) {
        Optional<Refusal> refusal = limits.admit(inquiry);
        refusal.ifPresent(refused -> audit.refused(inquiry, refused));
        return refusal.map(Refusal::reply);
    }

    @Override
    public TenantPreferences preferences(ThreadKey thread) {
        return settings.preferences(TenantId.of(thread));
    }

    @Override
    public void record(Inquiry inquiry, TokenUsage usage) {
        metering.record(inquiry, usage);
        ratings.answered(inquiry, usage);
        audit.answered(inquiry, usage);
    }

    @Override
    public Outcome record(Feedback feedback) {
        return ratings.record(feedback);
    }

    @Override
    public Reply command(Inquiry inquiry) {
        CommandOutcome outcome = switch (inquiry.kind()) {
            case USAGE -> admin.usage(inquiry);
            case SETTINGS -> admin.settings(inquiry);
            case EXPORT -> rights.export(inquiry);
            case FORGET_ME -> rights.forgetMe(inquiry);
            case ERASE_ALL_DATA -> admin.eraseAllData(inquiry);
            case CONSULTATION, LICENCE_CHECK, FORGET, HELP, KNOWLEDGE, DECISION_RECORD ->
                throw new IllegalArgumentException(inquiry.kind() + " is not a tenancy command");
        };
        audit.command(inquiry, outcome);
        return outcome.reply();
    }

    @Override
    public void erase(TenantId tenant) {
        erasure.erase(tenant);
    }

    /**
     * The operator's erasure: everything {@link #erase} removes, then one audit entry saying who erased it.
     *
     * @param by who erased it, for the audit entry
     */
    public void erase(TenantId tenant, String by) {
        erasure.erase(tenant);
        audit.erasedByOperator(tenant, by);
    }

    /** Sets the plan the tenant pays for (the operator's {@code tenant plan}), keeping its admins' settings. */
    public void setPlan(TenantId tenant, Plan plan) {
        plans.set(tenant, plan);
        LOG.info("tenant {} is now on the {} plan", tenant, plan.id());
    }

    /**
     * The usage report admins see with {@code usage} (and the operator with {@code tenant usage}): this month's
     * usage, then how helpful the answers were rated; per-user figures are the viewer's.
     */
    public String usageReport(TenantId tenant, String operator) {
        return metering.report(tenant, operator) + ratings.report(tenant);
    }
}
