package com.architectbot.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the test JVM from DEBUG up (our code's DEBUG included; libraries stay at the levels of
 * logback-test.xml), for asserting what a log line must never hold. Close to stop capturing.
 */
public final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level levelBefore = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }

    /** The captured lines: message, arguments, MDC and exception messages. */
    public String text() {
        return appender.list.stream().map(CapturedLogs::line).collect(Collectors.joining("\n"));
    }

    public int count() {
        return appender.list.size();
    }

    private static String line(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName())
                .append(' ')
                .append(event.getFormattedMessage())
                .append(' ')
                .append(event.getMDCPropertyMap());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return line.toString();
    }

    @Override
    public void close() {
        root.setLevel(levelBefore);
        root.detachAppender(appender);
        appender.stop();
    }
}
