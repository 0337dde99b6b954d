package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.Reply;
import com.architectbot.core.TenantControls;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.TokenUsage;
import com.architectbot.conversation.ConversationRecords;
import com.architectbot.conversation.ThreadKey;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenancy and commercial controls: plan limits before any slow work, metering and the audit log after it,
 * the admin commands ({@code usage}, {@code settings}, {@code erase-all-data}), the data-rights commands
 * ({@code export}, {@code forget-me}), erasing a tenant that uninstalled the bot, and the operator's plan,
 * usage and erasure commands.
 */
public final class Tenancy implements TenantControls, TenantEraser {

    private static final Logger LOG = LoggerFactory.getLogger(Tenancy.class);
    /** The audit outcome of an erasure. */
    static final String ERASED = "erased";
    /** What an erasure removes, in words, for the operator's CLI. */
    public static final String ERASED_DATA = ErasureTexts.WHAT;
    /** The thread an operator's erasure is recorded in: it has none. */
    static final String OPERATOR_THREAD = "operator";
    /** Who and where a {@code forget-me} is recorded as: the entry says that it happened, not whose it was. */
    static final String FORGOTTEN = "forgotten";

    private final TenancySettings settings;
    private final UsageMeter meter;
    private final TenantProfiles profiles;
    private final AuditLog audit;
    private final ConversationRecords records;
    private final Clock clock;
    private final DataRights rights;
    private final List<PersonalData> elsewhere;

    public Tenancy(TenancySettings settings, UsageMeter meter, TenantProfiles profiles, AuditLog audit,
                   ConversationRecords records, Clock clock) {
        this(settings, meter, profiles, audit, records, List.of(), clock);
    }

    /** @param elsewhere the other stores that keep something about a tenant's users, erased with them */
    public Tenancy(TenancySettings settings, UsageMeter meter, TenantProfiles profiles, AuditLog audit,
                   ConversationRecords records, List<PersonalData> elsewhere, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.meter = requireNonNull(meter, "meter");
        this.profiles = requireNonNull(profiles, "profiles");
        this.audit = requireNonNull(audit, "audit");
        this.records = requireNonNull(records, "records");
        this.elsewhere = List.copyOf(elsewhere);
        this.clock = requireNonNull(clock, "clock");
        this.rights = new DataRights(records, clock);
    }

    @Override
    public Optional<Reply> admit(Inquiry inquiry) {
        if (inquiry.kind() != InquiryKind.CONSULTATION && inquiry.kind() != InquiryKind.LICENCE_CHECK) {
            return Optional.empty(); // only requests that cost something are limited
        }
        boolean usesTokens = inquiry.kind() == InquiryKind.CONSULTATION;
        TenantId tenant = TenantId.of(inquiry.thread());
        Plan plan = plan(tenant);
        Admission admission = meter.admit(tenant, inquiry.user(), inquiry.id().value(), settings.plans().of(plan),
                usesTokens, clock.instant());
        if (admission == Admission.ADMITTED) {
            return Optional.empty();
        }
        log(inquiry, "refused:" + admission.name().toLowerCase(Locale.ROOT), TokenUsage.NONE);
        LOG.info("{} refused for tenant {}: {} on the {} plan", inquiry.id(), tenant, admission, plan.id());
        return Optional.of(new Reply.Notice(Reply.Tone.REJECTED,
                LimitNotice.text(admission, plan, settings.plans().of(plan), inquiry.thread().surface(), clock.instant())));
    }

    @Override
    public TenantPreferences preferences(ThreadKey thread) {
        TenantProfile profile = profiles.load(TenantId.of(thread));
        return new TenantPreferences(profile.model(), profile.licencePolicy());
    }

    @Override
    public void record(Inquiry inquiry, TokenUsage usage) {
        UsageMeter.Metered what = switch (inquiry.kind()) {
            case CONSULTATION -> UsageMeter.Metered.CONSULTATION;
            case LICENCE_CHECK -> UsageMeter.Metered.LICENCE_CHECK;
            case FORGET, HELP, USAGE, SETTINGS, EXPORT, FORGET_ME, ERASE_ALL_DATA -> null;
        };
        if (what != null) {
            meter.record(TenantId.of(inquiry.thread()), inquiry.user(), what, usage, clock.instant());
        }
        log(inquiry, "answered", usage);
    }

    @Override
    public Reply command(Inquiry inquiry) {
        Reply reply = switch (inquiry.kind()) {
            case USAGE -> adminOnly(inquiry, "see this workspace's usage", this::usage);
            case SETTINGS -> adminOnly(inquiry, "change this workspace's settings", this::settings);
            case EXPORT -> rights.export(inquiry);
            case FORGET_ME -> forgetMe(inquiry);
            case ERASE_ALL_DATA -> adminOnly(inquiry, "erase all of this workspace's data", this::eraseAllData);
            case CONSULTATION, LICENCE_CHECK, FORGET, HELP ->
                    throw new IllegalArgumentException(inquiry.kind() + " is not a tenancy command");
        };
        if (inquiry.kind() == InquiryKind.FORGET_ME) {
            audit.append(TenantId.of(inquiry.thread()), new AuditEntry(clock.instant(), FORGOTTEN,
                    Commands.word(InquiryKind.FORGET_ME), FORGOTTEN, ERASED, TokenUsage.NONE, Optional.empty()));
        } else if (!erasing(inquiry, reply)) { // an erasure has written its own entry, after erasing
            log(inquiry, denied(reply) ? "denied" : "done", TokenUsage.NONE);
        }
        return reply;
    }

    /** Everything kept under the user's name in this tenant, in every store; the conversations go last. */
    private Reply forgetMe(Inquiry inquiry) {
        TenantId tenant = TenantId.of(inquiry.thread());
        meter.eraseUser(tenant, inquiry.user());
        audit.eraseUser(tenant, inquiry.user());
        elsewhere.forEach(store -> store.eraseUser(tenant, inquiry.user()));
        return rights.forgetMe(inquiry);
    }

    @Override
    public void erase(TenantId tenant) {
        int threads = records.forgetTenant(tenant.surface(), tenant.id());
        meter.erase(tenant);
        profiles.erase(tenant);
        audit.erase(tenant);
        elsewhere.forEach(store -> store.eraseTenant(tenant));
        LOG.info("erased tenant {}: {} thread(s), usage, settings, audit log and {} other store(s)", tenant, threads,
                elsewhere.size());
    }

    /**
     * The operator's erasure: everything {@link #erase} removes, then one audit entry saying who erased it.
     *
     * @param by who erased it, for the audit entry
     */
    public void erase(TenantId tenant, String by) {
        erase(tenant);
        audit.append(tenant, erasureEntry(by, OPERATOR_THREAD));
    }

    /** Sets the plan the tenant pays for (the operator's {@code tenant plan}), keeping its admins' settings. */
    public void setPlan(TenantId tenant, Plan plan) {
        profiles.save(tenant, profiles.load(tenant).withPlan(Optional.of(plan)));
        LOG.info("tenant {} is now on the {} plan", tenant, plan.id());
    }

    /** The usage report admins see with {@code usage}, for the operator; per-user figures are the operator's. */
    public String usageReport(TenantId tenant, String operator) {
        Plan plan = plan(tenant);
        return UsageReport.text(plan, settings.plans().of(plan), settings.prices(), meter, tenant, operator,
                clock.instant());
    }

    /** The plan the tenant pays for: stored by the operator, else {@code DEFAULT_PLAN}. */
    Plan plan(TenantId tenant) {
        return profiles.load(tenant).plan().orElse(settings.defaultPlan());
    }

    private Reply adminOnly(Inquiry inquiry, String what, java.util.function.Function<Inquiry, Reply> command) {
        return switch (inquiry.role()) {
            case ADMIN -> command.apply(inquiry);
            case MEMBER -> new Reply.Notice(Reply.Tone.REJECTED, "Only workspace admins can " + what + ". "
                    + Commands.whoIsAdmin(inquiry.thread().surface()) + " If you need something changed, ask one of them to run "
                    + Commands.of(inquiry.thread().surface(), inquiry.kind()) + ".");
        };
    }

    private Reply usage(Inquiry inquiry) {
        TenantId tenant = TenantId.of(inquiry.thread());
        Plan plan = plan(tenant);
        return new Reply.Notice(Reply.Tone.INFO, UsageReport.text(plan, settings.plans().of(plan), settings.prices(),
                meter, tenant, inquiry.user(), clock.instant()));
    }

    /** Without {@code confirm}: what would go and how to confirm. With it: erased, the plan kept, and audited. */
    private Reply eraseAllData(Inquiry inquiry) {
        var surface = inquiry.thread().surface();
        if (!inquiry.text().strip().equalsIgnoreCase(ErasureTexts.CONFIRM)) {
            return new Reply.Notice(Reply.Tone.INFO, ErasureTexts.prompt(surface));
        }
        TenantId tenant = TenantId.of(inquiry.thread());
        Optional<Plan> plan = profiles.load(tenant).plan();
        erase(tenant);
        if (plan.isPresent()) { // the plan is the operator's commercial record, not the workspace's data
            profiles.save(tenant, TenantProfile.EMPTY.withPlan(plan));
        }
        audit.append(tenant, erasureEntry(inquiry.user(), inquiry.thread().id()));
        return new Reply.Notice(Reply.Tone.INFO, ErasureTexts.done(surface));
    }

    private boolean erasing(Inquiry inquiry, Reply reply) {
        return inquiry.kind() == InquiryKind.ERASE_ALL_DATA && !denied(reply)
                && inquiry.text().strip().equalsIgnoreCase(ErasureTexts.CONFIRM);
    }

    private static boolean denied(Reply reply) {
        return reply instanceof Reply.Notice notice && notice.tone() == Reply.Tone.REJECTED;
    }

    /** The one entry left after an erasure: who and when, no content. */
    private AuditEntry erasureEntry(String by, String thread) {
        return new AuditEntry(clock.instant(), by, Commands.word(InquiryKind.ERASE_ALL_DATA), thread, ERASED,
                TokenUsage.NONE, Optional.empty());
    }

    private Reply settings(Inquiry inquiry) {
        TenantId tenant = TenantId.of(inquiry.thread());
        return new SettingsCommand(settings.prices()).apply(inquiry, profiles, tenant);
    }

    private void log(Inquiry inquiry, String outcome, TokenUsage usage) {
        audit.append(TenantId.of(inquiry.thread()), new AuditEntry(clock.instant(), inquiry.user(),
                Commands.word(inquiry.kind()), inquiry.thread().id(), outcome, usage,
                settings.auditContent() && !inquiry.text().isEmpty() && inquiry.kind() != InquiryKind.ERASE_ALL_DATA
                        ? Optional.of(inquiry.text()) : Optional.empty()));
    }
}
