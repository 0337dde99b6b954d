package com.architectbot.tenancy;

import static com.architectbot.tenancy.TenancyPorts.inquiry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.architectbot.conversation.Surface;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.Reply;
import com.architectbot.core.UserRole;
import com.architectbot.core.answer.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private final TenancyPorts.Log log = new TenancyPorts.Log();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private final AuditTrail trail = new AuditTrail(log, false, clock);

    @Test
    void each_command_outcome_is_recorded_by_its_type() {
        // when
        trail.command(inquiry(InquiryKind.USAGE, UserRole.ADMIN, ""), new CommandOutcome.Shown("report"));
        trail.command(
                inquiry(InquiryKind.EXPORT, UserRole.MEMBER, ""),
                new CommandOutcome.Exported(new Reply.Export("f.json", "{}", "s")));
        trail.command(inquiry(InquiryKind.SETTINGS, UserRole.MEMBER, "model x"), new CommandOutcome.Denied("no"));
        // then
        assertThat(log.entries)
                .extracting(AuditEntry::kind, AuditEntry::outcome, AuditEntry::user)
                .containsExactly(
                        tuple("usage", "done", "U1"), tuple("export", "done", "U1"), tuple("settings", "denied", "U1"));
        assertThat(log.entries).allSatisfy(entry -> assertThat(entry.at()).isEqualTo(clock.instant()));
    }

    @Test
    void an_erasure_is_recorded_as_who_erased_and_a_forget_me_not_even_whose() {
        trail.command(
                inquiry(InquiryKind.ERASE_ALL_DATA, UserRole.ADMIN, "confirm"),
                new CommandOutcome.Erased(Surface.SLACK));
        trail.command(inquiry(InquiryKind.FORGET_ME, UserRole.MEMBER, ""), new CommandOutcome.Forgotten(2));
        trail.erasedByOperator(TenancyPorts.TENANT, "operator:alice");

        assertThat(log.entries)
                .extracting(AuditEntry::user, AuditEntry::kind, AuditEntry::thread, AuditEntry::outcome)
                .containsExactly(
                        tuple("U1", "erase-all-data", TenancyPorts.THREAD.id(), "erased"),
                        tuple("forgotten", "forget-me", "forgotten", "erased"),
                        tuple("operator:alice", "erase-all-data", "operator", "erased"));
        assertThat(log.entries).allSatisfy(entry -> assertThat(entry.text()).isEmpty());
    }

    @Test
    void answers_carry_their_tokens_and_refusals_the_limit_they_hit() {
        trail.answered(inquiry(InquiryKind.CONSULTATION, UserRole.MEMBER, "q"), new TokenUsage("gpt-4o", 10, 5));
        trail.refused(
                inquiry(InquiryKind.CONSULTATION, UserRole.MEMBER, "q"), new Refusal(Admission.TENANT_TOKENS, "Sorry"));

        assertThat(log.entries).extracting(AuditEntry::outcome).containsExactly("answered", "refused:tenant_tokens");
        assertThat(log.entries.getFirst().tokens().total()).isEqualTo(15);
    }

    @Test
    void with_audit_content_on_entries_carry_the_text_but_never_an_erasure_command() {
        AuditTrail withContent = new AuditTrail(log, true, clock);

        withContent.answered(inquiry(InquiryKind.CONSULTATION, UserRole.MEMBER, "A launch plan"), TokenUsage.NONE);
        withContent.command(
                inquiry(InquiryKind.ERASE_ALL_DATA, UserRole.MEMBER, "confirm"), new CommandOutcome.Denied("no"));

        assertThat(log.entries)
                .extracting(AuditEntry::text)
                .containsExactly(Optional.of("A launch plan"), Optional.empty());
    }
}
