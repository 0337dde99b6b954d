package com.architectbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.TestRedis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code tenant plan|usage|erase} in-process, on the real Redis, through the same bot the server opens. */
class TenantCommandTest {

    private final FakeOpenAi model = FakeOpenAi.start();
    private final String tenant = "T" + UUID.randomUUID().toString().substring(0, 8);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stopModel() {
        model.close();
    }

    @Test
    void a_plan_set_by_the_operator_shows_in_the_usage_report_with_its_limits() {
        // when
        int set = run("tenant", "plan", "slack", tenant, "enterprise");
        int usage = run("tenant", "usage", "slack", tenant);
        // then
        assertThat(set).isEqualTo(ExitCodes.OK);
        assertThat(usage).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("(Enterprise plan)", "Consultations: 0", "Limits:");
    }

    @Test
    void an_unknown_plan_is_refused_with_exit_code_2() {
        assertThat(run("tenant", "plan", "teams", tenant, "platinum")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("free", "team", "enterprise");
    }

    @Test
    void erase_without_yes_erases_nothing_and_says_what_it_would_erase() {
        // given
        run("tenant", "plan", "teams", tenant, "team");
        // when
        int exit = run("tenant", "erase", "teams", tenant);
        // then
        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("Nothing erased", "conversation", "usage", "audit log", "--yes");
        assertThat(keysOfTenant("teams")).isNotEmpty();
        run("tenant", "usage", "teams", tenant);
        assertThat(out.toString()).contains("(Team plan)");
    }

    @Test
    void erase_with_yes_erases_the_tenant_and_leaves_only_the_erasure_in_its_audit_log() {
        // given
        run("tenant", "plan", "slack", tenant, "team");
        // when
        int exit = run("tenant", "erase", "slack", tenant, "--yes");
        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Erased all data of slack:" + tenant);
        assertThat(keysOfTenant("slack")).singleElement().asString().endsWith(":audit");
        run("tenant", "usage", "slack", tenant);
        assertThat(out.toString()).contains("(no plan: no limits)");
    }

    @Test
    void a_tenant_without_a_plan_is_on_no_plan_unless_default_plan_is_set() {
        // when
        run("tenant", "usage", "teams", tenant);
        String withoutDefault = out.toString();
        runWith(Map.of("DEFAULT_PLAN", "free"), "tenant", "usage", "teams", tenant);
        // then
        assertThat(withoutDefault).contains("(no plan: no limits)", "Limits: none");
        assertThat(out.toString()).contains("(Free plan)", "you 0 of 10 used, 10 left");
    }

    private java.util.Set<String> keysOfTenant(String surface) {
        return TestRedis.client().keys("ab:{tenant:" + surface + ":" + tenant + "}*");
    }

    private int run(String... args) {
        return runWith(Map.of(), args);
    }

    private int runWith(Map<String, String> variables, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var env = BotEnvironment.of(model).with(variables).environment();
        return Main.run(env, cli -> cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)), args);
    }
}
