package com.architectbot.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.Reply;
import com.architectbot.core.UserRole;
import com.architectbot.core.answer.TokenUsage;
import com.architectbot.core.report.DistributionModel;
import com.architectbot.testing.FakeOpenAi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TenancyTest {

    private TenancyFixture f = new TenancyFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void metering_counts_consultations_licence_checks_and_tokens_by_model() {
        // when: two consultations (the fake model reports 10 tokens in and 10 out per call) and a licence check
        f.handler.process(f.ask("U1", f.thread("1.1"), "Are we ready to launch?"));
        f.handler.process(f.ask("U2", f.thread("2.2"), "How do we scale Postgres?"));
        f.handler.process(f.inquiry(InquiryKind.LICENCE_CHECK, "U1", f.thread("3.3"), "c", UserRole.MEMBER));
        // then
        MonthlyUsage usage =
                f.meter.month(f.tenantId, YearMonth.from(f.clock.instant().atZone(ZoneOffset.UTC)));
        assertThat(usage.consultations()).isEqualTo(2);
        assertThat(usage.licenceChecks()).isEqualTo(1);
        assertThat(usage.tokens())
                .containsExactly(new TokenUsage(f.model.settings().modelName(), 20, 20));
        assertThat(f.meter.current(f.tenantId, "U1", f.clock.instant()).userTokensToday())
                .isEqualTo(20);
    }

    @Test
    void a_user_over_the_hourly_limit_is_told_politely_and_the_model_is_not_called() {
        // given: a plan of two requests per hour per user
        f.close();
        f = new TenancyFixture(withFreePlan(new PlanLimits(2, 100, 1_000_000, 1_000_000)));
        f.handler.process(f.ask("U1", f.thread("1.1"), "First"));
        f.handler.process(f.ask("U1", f.thread("1.1"), "Second"));
        int calls = f.model.requests().size();
        // when
        Reply reply = f.handler.process(f.ask("U1", f.thread("1.1"), "Third"));
        // then
        assertThat(f.model.requests()).hasSize(calls);
        assertThat(reply).isInstanceOfSatisfying(Reply.Notice.class, notice -> {
            assertThat(notice.tone()).isEqualTo(Reply.Tone.REJECTED);
            assertThat(notice.text())
                    .contains("haven't answered", "2 requests per hour", "Free plan", "resets at", "admin");
        });
        assertThat(f.handler.process(f.ask("U2", f.thread("2.2"), "Someone else")))
                .isInstanceOf(Reply.Answer.class);
        assertThat(f.audit.recent(f.tenantId, 10))
                .anySatisfy(e -> assertThat(e.outcome()).isEqualTo("refused:user_requests"));
    }

    @Test
    void the_limit_resets_in_the_next_hour() {
        // given
        f.close();
        f = new TenancyFixture(withFreePlan(new PlanLimits(1, 100, 1_000_000, 1_000_000)));
        f.handler.process(f.ask("U1", f.thread("1.1"), "First"));
        assertThat(f.handler.process(f.ask("U1", f.thread("1.1"), "Second"))).isInstanceOf(Reply.Notice.class);
        // when
        f.clock.advance(Duration.ofHours(1));
        // then
        assertThat(f.handler.process(f.ask("U1", f.thread("1.1"), "Third"))).isInstanceOf(Reply.Answer.class);
    }

    @Test
    void a_redelivered_request_is_admitted_without_being_counted_again() {
        // given
        f.close();
        f = new TenancyFixture(withFreePlan(new PlanLimits(1, 100, 1_000_000, 1_000_000)));
        var inquiry = f.ask("U1", f.thread("1.1"), "First");
        f.handler.process(inquiry);
        // when / then
        assertThat(f.handler.process(inquiry)).isInstanceOf(Reply.Answer.class);
    }

    @Test
    void a_tenant_over_its_daily_tokens_is_refused_before_the_model_is_called() {
        // given: 20 tokens a day for the workspace; one consultation uses them
        f.close();
        f = new TenancyFixture(withFreePlan(new PlanLimits(100, 100, 1_000_000, 20)));
        f.handler.process(f.ask("U1", f.thread("1.1"), "First"));
        int calls = f.model.requests().size();
        // when
        Reply reply = f.handler.process(f.ask("U2", f.thread("2.2"), "Second"));
        // then
        assertThat(f.model.requests()).hasSize(calls);
        assertThat(((Reply.Notice) reply).text())
                .contains("this workspace has used its 20 model tokens for today", "00:00 UTC tomorrow");
        // and licence checks, which use no tokens, still run
        assertThat(f.handler.process(f.inquiry(InquiryKind.LICENCE_CHECK, "U1", f.thread("3.3"), "c", UserRole.MEMBER)))
                .isInstanceOf(Reply.LicenceCheck.class);
    }

    @Test
    void a_tenant_on_no_plan_is_answered_far_past_the_free_plans_limits_and_still_metered() {
        // given: no DEFAULT_PLAN and no plan stored for the tenant (the free plan allows a user 10 an hour)
        assertThat(f.settings.defaultPlan()).isEmpty();
        // when
        for (int i = 0; i < 30; i++) {
            assertThat(f.handler.process(f.ask("U1", f.thread("1." + i), "Question " + i)))
                    .isInstanceOf(Reply.Answer.class);
        }
        // then
        assertThat(f.meter.current(f.tenantId, "U1", f.clock.instant()).userRequestsThisHour())
                .isEqualTo(30);
        String report = ((Reply.Notice)
                        f.handler.process(f.inquiry(InquiryKind.USAGE, "UADMIN", f.thread("c"), "", UserRole.ADMIN)))
                .text();
        assertThat(report)
                .contains(
                        "(no plan: no limits)",
                        "Consultations: 30",
                        "Limits: none, as no plan is assigned",
                        "`architect-bot tenant plan`",
                        "workspace 30;")
                .doesNotContain("Free plan", "left");
    }

    @Test
    void a_plan_the_operator_assigns_limits_a_tenant_on_no_default_plan() {
        // given
        f.tenancy.setPlan(f.tenantId, Plan.FREE);
        for (int i = 0; i < 10; i++) {
            f.handler.process(f.ask("U1", f.thread("1." + i), "Question " + i));
        }
        // when
        Reply eleventh = f.handler.process(f.ask("U1", f.thread("1.99"), "One more"));
        // then
        assertThat(((Reply.Notice) eleventh).text()).contains("10 requests per hour", "Free plan");
    }

    @Test
    void licence_checks_do_not_reduce_the_consultations_left() {
        // given: two consultations an hour, and five licence checks first
        f.close();
        f = new TenancyFixture(withFreePlan(new PlanLimits(2, 2, 1_000_000, 1_000_000)));
        for (int i = 0; i < 5; i++) {
            assertThat(f.handler.process(
                            f.inquiry(InquiryKind.LICENCE_CHECK, "U1", f.thread("3." + i), "c", UserRole.MEMBER)))
                    .isInstanceOf(Reply.LicenceCheck.class);
        }
        // when / then: both consultations are still answered, and only the third is refused
        assertThat(f.handler.process(f.ask("U1", f.thread("1.1"), "First"))).isInstanceOf(Reply.Answer.class);
        assertThat(f.handler.process(f.ask("U1", f.thread("1.2"), "Second"))).isInstanceOf(Reply.Answer.class);
        assertThat(((Reply.Notice) f.handler.process(f.ask("U1", f.thread("1.3"), "Third"))).text())
                .contains("2 requests per hour");
        // and the licence checks are still counted for the report
        assertThat(f.meter
                        .month(f.tenantId, YearMonth.from(f.clock.instant().atZone(ZoneOffset.UTC)))
                        .licenceChecks())
                .isEqualTo(5);
    }

    @Test
    void default_plan_is_unset_by_default_and_names_the_variable_when_wrong() {
        assertThat(TenancySettings.from(new Environment(Map.of())).defaultPlan())
                .isEmpty();
        assertThat(TenancySettings.from(new Environment(Map.of("DEFAULT_PLAN", " ")))
                        .defaultPlan())
                .isEmpty();
        assertThat(TenancySettings.from(new Environment(Map.of("DEFAULT_PLAN", "Free")))
                        .defaultPlan())
                .contains(Plan.FREE);
        assertThatThrownBy(() -> TenancySettings.from(new Environment(Map.of("DEFAULT_PLAN", "platinum"))))
                .hasMessageContaining("DEFAULT_PLAN=platinum")
                .hasMessageContaining("free, team");
    }

    @Test
    void usage_is_refused_politely_to_a_member() {
        // when
        Reply reply = f.handler.process(f.inquiry(InquiryKind.USAGE, "U1", f.thread("c"), "", UserRole.MEMBER));
        // then
        assertThat(reply).isInstanceOfSatisfying(Reply.Notice.class, notice -> {
            assertThat(notice.tone()).isEqualTo(Reply.Tone.REJECTED);
            assertThat(notice.text()).contains("Only workspace admins", "/architect usage");
        });
    }

    @Test
    void an_admin_gets_this_months_numbers_cost_and_limits() {
        // given: the free plan, a consultation and a licence check, which spends none of the hour's requests
        f.close();
        f = new TenancyFixture(withFreePlan(TenancySettings.defaults().plans().of(Plan.FREE)));
        f.handler.process(f.ask("U1", f.thread("1.1"), "Are we ready?"));
        f.handler.process(f.inquiry(InquiryKind.LICENCE_CHECK, "U1", f.thread("3.3"), "c", UserRole.MEMBER));
        // when
        Reply reply = f.handler.process(f.inquiry(InquiryKind.USAGE, "UADMIN", f.thread("c"), "", UserRole.ADMIN));
        // then
        String text = ((Reply.Notice) reply).text();
        assertThat(text)
                .contains(
                        "Consultations: 1",
                        "Licence checks: 1",
                        "Free plan",
                        "Tokens on " + f.model.settings().modelName() + ": 10 in, 10 out",
                        "Estimated cost",
                        "requests per hour: you 0 of 10 used, 10 left, workspace 1 of 50 used, 49 left");
    }

    @Test
    void settings_change_the_licence_policy_the_next_check_uses_and_the_model() {
        // given
        Reply saved = f.handler.process(f.inquiry(
                InquiryKind.SETTINGS, "UADMIN", f.thread("c"), "licence-policy saas model gpt-4o", UserRole.ADMIN));
        assertThat(((Reply.Notice) saved).text()).contains("saas", "gpt-4o");
        // when
        Reply check =
                f.handler.process(f.inquiry(InquiryKind.LICENCE_CHECK, "U1", f.thread("3.3"), "c", UserRole.MEMBER));
        f.handler.process(f.ask("U1", f.thread("1.1"), "Which model answers?"));
        // then
        assertThat(((Reply.LicenceCheck) check).report().model()).isEqualTo(DistributionModel.SAAS);
        assertThat(f.model.lastRequest().get("model").asText()).isEqualTo("gpt-4o");
        assertThat(f.meter
                        .month(f.tenantId, YearMonth.from(f.clock.instant().atZone(ZoneOffset.UTC)))
                        .tokens())
                .extracting(TokenUsage::model)
                .containsExactly("gpt-4o");
        // and a policy named in the command still wins
        Reply named = f.handler.process(
                f.inquiry(InquiryKind.LICENCE_CHECK, "U1", f.thread("4.4"), "c --policy internal", UserRole.MEMBER));
        assertThat(((Reply.LicenceCheck) named).report().model()).isEqualTo(DistributionModel.INTERNAL);
    }

    @Test
    void the_architects_licence_tool_judges_by_the_asking_tenants_policy() {
        try (TenancyFixture other = new TenancyFixture()) {
            // given: two tenants whose admins chose different licence policies
            setLicencePolicy(f, "distributed");
            setLicencePolicy(other, "internal");
            String gplCall = "{\"packages\": [\"g\"]}";
            for (TenancyFixture tenant : List.of(f, other)) {
                tenant.model.enqueue(
                        FakeOpenAi.Response.toolCall("call_1", "checkLicences", gplCall),
                        FakeOpenAi.Response.answer(FakeOpenAi.DEFAULT_ANSWER));
            }
            // when: a member of each asks about the same GPL library; the model names no distribution model
            f.handler.process(f.ask("U1", f.thread("5.5"), "Can we use readline-java?"));
            other.handler.process(other.ask("U1", other.thread("5.5"), "Can we use readline-java?"));
            // then
            assertThat(lastToolResult(f)).contains("policy: distributed", "readline-java@1.0: BLOCKER - GPL-3.0-only");
            assertThat(lastToolResult(other)).contains("policy: internal", "readline-java@1.0: OK - GPL-3.0-only");
        }
    }

    private static void setLicencePolicy(TenancyFixture tenant, String policy) {
        Reply saved = tenant.handler.process(tenant.inquiry(
                InquiryKind.SETTINGS, "UADMIN", tenant.thread("c"), "licence-policy " + policy, UserRole.ADMIN));
        assertThat(((Reply.Notice) saved).text()).contains(policy);
    }

    private static String lastToolResult(TenancyFixture tenant) {
        JsonNode messages = tenant.model.lastRequest().get("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.get("role").asText()).isEqualTo("tool");
        return last.get("content").asText();
    }

    @Test
    void settings_refuse_members_and_unknown_models() {
        Reply member = f.handler.process(
                f.inquiry(InquiryKind.SETTINGS, "U1", f.thread("c"), "model gpt-4o", UserRole.MEMBER));
        Reply unknown = f.handler.process(
                f.inquiry(InquiryKind.SETTINGS, "UADMIN", f.thread("c"), "model gpt-9", UserRole.ADMIN));

        assertThat(((Reply.Notice) member).tone()).isEqualTo(Reply.Tone.REJECTED);
        assertThat(((Reply.Notice) unknown).text()).contains("I don't know the model 'gpt-9'", "gpt-4o");
        assertThat(f.profiles.load(f.tenantId)).isEqualTo(TenantProfile.EMPTY);
    }

    @Test
    void audit_entries_carry_who_what_where_and_tokens_but_no_text_by_default() {
        // when
        f.handler.process(f.ask("U1", f.thread("1.1"), "A secret launch plan"));
        // then
        AuditEntry entry = f.audit.recent(f.tenantId, 1).getFirst();
        assertThat(entry.user()).isEqualTo("U1");
        assertThat(entry.kind()).isEqualTo("consultation");
        assertThat(entry.thread()).isEqualTo(f.thread("1.1").id());
        assertThat(entry.outcome()).isEqualTo("answered");
        assertThat(entry.tokens().total()).isEqualTo(20);
        assertThat(entry.text()).isEmpty();
        assertThat(f.redis
                        .client()
                        .xrange("ab:{tenant:" + f.tenantId + "}:audit", "-", "+")
                        .getFirst()
                        .getFields())
                .doesNotContainValue("A secret launch plan");
    }

    @Test
    void audit_entries_carry_the_text_when_audit_content_is_on() {
        f.close();
        var defaults = TenancySettings.defaults();
        f = new TenancyFixture(new TenancySettings(
                defaults.defaultPlan(),
                defaults.plans(),
                defaults.prices(),
                true,
                defaults.auditRetention(),
                defaults.usageRetention()));

        f.handler.process(f.ask("U1", f.thread("1.1"), "A launch plan"));

        assertThat(f.audit.recent(f.tenantId, 1).getFirst().text()).contains("A launch plan");
    }

    @Test
    void audit_entries_older_than_the_retention_are_trimmed_on_write() {
        // given: an entry written now
        f.handler.process(f.inquiry(InquiryKind.HELP, "U1", f.thread("1.1"), "", UserRole.MEMBER));
        f.tenancy.record(f.ask("U1", f.thread("1.1"), "q"), TokenUsage.NONE);
        assertThat(f.audit.recent(f.tenantId, 10)).hasSize(1);
        // when: the next write comes after the retention
        f.clock.advance(f.settings.auditRetention().plusMinutes(1));
        f.tenancy.record(f.ask("U2", f.thread("2.2"), "q"), TokenUsage.NONE);
        // then
        assertThat(f.audit.recent(f.tenantId, 10)).extracting(AuditEntry::user).containsExactly("U2");
    }

    @Test
    void export_returns_exactly_the_users_turns() throws Exception {
        // given: U1 and U2 share a thread; U1 has another
        f.handler.process(f.ask("U1", f.thread("1.1"), "Mine in a shared thread"));
        f.handler.process(f.ask("U2", f.thread("1.1"), "Theirs"));
        f.handler.process(f.ask("U1", f.thread("2.2"), "Mine alone"));
        // when
        Reply reply = f.handler.process(f.inquiry(InquiryKind.EXPORT, "U1", f.thread("c"), "", UserRole.MEMBER));
        // then
        var export = (Reply.Export) reply;
        JsonNode json = new ObjectMapper().readTree(export.json());
        assertThat(export.fileName()).endsWith(".json");
        assertThat(json.get("user").asText()).isEqualTo("U1");
        assertThat(json.findValues("question"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("Mine in a shared thread", "Mine alone");
        assertThat(json.findValues("answer").getFirst().get("summary").asText()).isNotBlank();
        assertThat(export.summary()).contains("2 messages in 2 threads");
    }

    @Test
    void forget_me_erases_the_users_turns_and_leaves_everyone_elses() {
        // given
        f.handler.process(f.ask("U1", f.thread("1.1"), "Mine"));
        f.handler.process(f.ask("U2", f.thread("1.1"), "Theirs"));
        // when
        Reply reply = f.handler.process(f.inquiry(InquiryKind.FORGET_ME, "U1", f.thread("c"), "", UserRole.MEMBER));
        // then
        assertThat(((Reply.Notice) reply).text()).contains("erased 1 of your messages");
        assertThat(f.memory.recall(f.thread("1.1"), 100_000))
                .extracting(t -> t.user())
                .containsExactly("U2");
        assertThat(f.handler.process(f.inquiry(InquiryKind.EXPORT, "U1", f.thread("c"), "", UserRole.MEMBER)))
                .isInstanceOf(Reply.Notice.class);
    }

    @Test
    void forget_me_erases_the_users_usage_counters_and_audit_entries_and_leaves_the_tenants_and_everyone_elses() {
        // given
        f.handler.process(f.ask("U1", f.thread("1.1"), "Mine"));
        f.handler.process(f.ask("U2", f.thread("2.2"), "Theirs"));
        // when
        f.handler.process(f.inquiry(InquiryKind.FORGET_ME, "U1", f.thread("c"), "", UserRole.MEMBER));
        // then
        var now = f.clock.instant();
        assertThat(f.meter.current(f.tenantId, "U1", now).userRequestsThisHour())
                .isZero();
        assertThat(f.meter.current(f.tenantId, "U1", now).userTokensToday()).isZero();
        assertThat(f.meter.current(f.tenantId, "U2", now).userTokensToday()).isEqualTo(20);
        assertThat(f.meter.current(f.tenantId, "U2", now).tenantTokensToday()).isEqualTo(40);
        assertThat(f.audit.recent(f.tenantId, 10))
                .extracting(AuditEntry::user)
                .doesNotContain("U1")
                .contains("U2");
        assertThat(f.audit.recent(f.tenantId, 1)).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("forget-me");
            assertThat(entry.user()).isEqualTo(AuditTrail.FORGOTTEN);
        });
        assertThat(f.redis.client().keys("ab:{tenant:" + f.tenantId + "}*U1*")).isEmpty();
    }

    @Test
    void the_usage_index_holds_only_live_keys_and_expires_with_them() {
        // given: a request this hour, then one two months later
        f.handler.process(f.ask("U1", f.thread("1.1"), "Now"));
        String index = "ab:{tenant:" + f.tenantId + "}:usage-index";
        assertThat(f.redis.client().zcard(index)).isEqualTo(6); // two hour sets, three day keys, the month
        f.clock.advance(Duration.ofDays(60));
        // when
        f.handler.process(f.ask("U1", f.thread("1.1"), "Later"));
        // then: of the first request only its month is left; the second added its own six
        assertThat(f.redis.client().zcount(index, Double.NEGATIVE_INFINITY, f.clock.millis()))
                .isZero();
        assertThat(f.redis.client().zcard(index)).isEqualTo(7);
        assertThat(f.redis.client().pttl(index))
                .isPositive()
                .isLessThanOrEqualTo(TenancySettings.DEFAULT_USAGE_RETENTION.toMillis());
    }

    @Test
    void an_idle_tenants_audit_log_is_trimmed_by_time_and_expires() {
        // given
        f.handler.process(f.ask("U1", f.thread("1.1"), "Hello"));
        String stream = "ab:{tenant:" + f.tenantId + "}:audit";
        assertThat(f.redis.client().pttl(stream))
                .isPositive()
                .isLessThanOrEqualTo(f.settings.auditRetention().toMillis());
        // when: nothing is written for longer than the retention, and the sweep runs
        f.clock.advance(f.settings.auditRetention().plusDays(1));
        f.audit.trimExpired();
        // then
        assertThat(f.audit.recent(f.tenantId, 10)).isEmpty();
    }

    @Test
    void erasing_a_tenant_removes_its_threads_usage_settings_and_audit() {
        // given
        f.handler.process(f.ask("U1", f.thread("1.1"), "Hello"));
        f.handler.process(f.inquiry(InquiryKind.SETTINGS, "UADMIN", f.thread("c"), "model gpt-4o", UserRole.ADMIN));
        // when
        f.tenancy.erase(f.tenantId);
        // then
        assertThat(f.memory.recall(f.thread("1.1"), 100_000)).isEmpty();
        assertThat(f.meter
                        .month(f.tenantId, YearMonth.from(f.clock.instant().atZone(ZoneOffset.UTC)))
                        .consultations())
                .isZero();
        assertThat(f.profiles.load(f.tenantId)).isEqualTo(TenantProfile.EMPTY);
        assertThat(f.audit.recent(f.tenantId, 10)).isEmpty();
        assertThat(f.redis.client().keys("ab:{tenant:" + f.tenantId + "}*")).isEmpty();
    }

    @Test
    void erase_all_data_from_an_admin_first_says_what_would_go_and_how_to_confirm_and_erases_nothing() {
        // given
        f.handler.process(f.ask("U1", f.thread("1.1"), "Hello"));
        // when
        Reply reply =
                f.handler.process(f.inquiry(InquiryKind.ERASE_ALL_DATA, "UADMIN", f.thread("c"), "", UserRole.ADMIN));
        // then
        assertThat(reply).isInstanceOfSatisfying(Reply.Notice.class, notice -> {
            assertThat(notice.tone()).isEqualTo(Reply.Tone.INFO);
            assertThat(notice.text())
                    .contains(
                            "conversation",
                            "usage",
                            "audit log",
                            "settings",
                            "Slack installation",
                            "`/architect erase-all-data confirm`");
        });
        assertThat(f.memory.recall(f.thread("1.1"), 100_000)).hasSize(1);
        assertThat(f.audit.recent(f.tenantId, 10))
                .extracting(AuditEntry::kind)
                .contains("consultation", "erase-all-data");
    }

    @ParameterizedTest
    @EnumSource(
            value = Surface.class,
            names = {"SLACK", "TEAMS"})
    void confirmed_by_an_admin_it_erases_the_tenant_keeps_the_plan_and_the_audit_holds_only_the_erasure(
            Surface surface) {
        // given: a conversation, usage, a setting and a plan, and the admin has seen the prompt
        ThreadKey chat = new ThreadKey(surface, f.tenant, "C1", "1.1");
        TenantId tenant = TenantId.of(chat);
        f.handler.process(f.ask("U1", chat, "Hello"));
        f.handler.process(f.inquiry(InquiryKind.SETTINGS, "UADMIN", chat, "model gpt-4o", UserRole.ADMIN));
        f.tenancy.setPlan(tenant, Plan.TEAM);
        f.handler.process(f.inquiry(InquiryKind.ERASE_ALL_DATA, "UADMIN", chat, "", UserRole.ADMIN));
        // when
        Reply reply =
                f.handler.process(f.inquiry(InquiryKind.ERASE_ALL_DATA, "UADMIN", chat, "confirm", UserRole.ADMIN));
        // then
        assertThat(((Reply.Notice) reply).text()).startsWith("Done: I erased all of this workspace's data");
        assertThat(f.memory.recall(chat, 100_000)).isEmpty();
        assertThat(f.meter
                        .month(tenant, YearMonth.from(f.clock.instant().atZone(ZoneOffset.UTC)))
                        .consultations())
                .isZero();
        assertThat(f.profiles.load(tenant)).isEqualTo(TenantProfile.EMPTY.withPlan(java.util.Optional.of(Plan.TEAM)));
        assertThat(f.audit.recent(tenant, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.user()).isEqualTo("UADMIN");
            assertThat(entry.kind()).isEqualTo("erase-all-data");
            assertThat(entry.outcome()).isEqualTo("erased");
            assertThat(entry.text()).isEmpty();
        });
    }

    @Test
    void erase_all_data_confirmed_by_a_member_is_refused_politely_and_erases_nothing() {
        // given
        f.handler.process(f.ask("U1", f.thread("1.1"), "Hello"));
        // when
        Reply reply = f.handler.process(
                f.inquiry(InquiryKind.ERASE_ALL_DATA, "U1", f.thread("c"), "confirm", UserRole.MEMBER));
        // then
        assertThat(reply).isInstanceOfSatisfying(Reply.Notice.class, notice -> {
            assertThat(notice.tone()).isEqualTo(Reply.Tone.REJECTED);
            assertThat(notice.text())
                    .contains(
                            "Only workspace admins can erase all of this workspace's data",
                            "`/architect erase-all-data`");
        });
        assertThat(f.memory.recall(f.thread("1.1"), 100_000)).hasSize(1);
        assertThat(f.audit.recent(f.tenantId, 10))
                .extracting(AuditEntry::outcome)
                .contains("answered", "denied");
    }

    private static TenancySettings withFreePlan(PlanLimits free) {
        var defaults = TenancySettings.defaults();
        Map<Plan, PlanLimits> limits = new EnumMap<>(defaults.plans().limits());
        limits.put(Plan.FREE, free);
        return new TenancySettings(
                Optional.of(Plan.FREE),
                new Plans(limits),
                defaults.prices(),
                false,
                defaults.auditRetention(),
                defaults.usageRetention());
    }
}
