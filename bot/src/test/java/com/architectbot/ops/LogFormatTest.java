package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The production logback.xml (tests run with logback-test.xml), configured into a context of its own. */
class LogFormatTest {

    @Test
    void text_is_the_default_and_carries_the_correlation_id() throws Exception {
        LoggerContext context = configured(null);
        assertThat(root(context).getAppender("TEXT")).isNotNull();
        assertThat(root(context).getAppender("JSON")).isNull();
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(status -> status.getLevel() >= Status.WARN);
    }

    @Test
    void log_format_json_selects_the_json_encoder() throws Exception {
        LoggerContext context = configured("json");
        assertThat(root(context).getAppender("JSON")).isNotNull();
        assertThat(root(context).getAppender("TEXT")).isNull();
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(status -> status.getLevel() >= Status.WARN);
    }

    @Test
    void an_unknown_log_format_falls_back_to_text() throws Exception {
        assertThat(root(configured("xml")).getAppender("TEXT")).isNotNull();
    }

    @Test
    void the_text_pattern_includes_the_inquiry_id_and_slack_stays_above_debug() throws Exception {
        LoggerContext context = configured(null);
        var appender =
                (ch.qos.logback.core.OutputStreamAppender<?>) root(context).getAppender("TEXT");
        var encoder = (ch.qos.logback.classic.encoder.PatternLayoutEncoder) appender.getEncoder();
        assertThat(encoder.getPattern()).contains("%X{inquiryId}");
        assertThat(context.getLogger("com.slack.api").getLevel()).hasToString("INFO");
    }

    private static LoggerContext configured(String logFormat) throws Exception {
        LoggerContext context = new LoggerContext();
        if (logFormat != null) {
            context.putProperty("LOG_FORMAT", logFormat); // looked up before the environment
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL production = LogFormatTest.class.getResource("/logback.xml");
        assertThat(production).isNotNull();
        configurator.doConfigure(production);
        return context;
    }

    private static Logger root(LoggerContext context) {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
