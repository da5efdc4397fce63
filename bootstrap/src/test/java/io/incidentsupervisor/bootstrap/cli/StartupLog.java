package io.incidentsupervisor.bootstrap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the local servers and the collector wiring log as they start, captured at INFO for one test. */
final class StartupLog implements AutoCloseable {

    private static final List<String> STARTING = List.of(
            "io.incidentsupervisor.local.DynamoDbLocal",
            "io.incidentsupervisor.local.SampleAccount",
            "io.incidentsupervisor.bootstrap.ContextCollectors");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private StartupLog() {}

    static StartupLog capture() {
        StartupLog log = new StartupLog();
        log.appender.start();
        for (String name : STARTING) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.setLevel(Level.INFO);
            logger.addAppender(log.appender);
        }
        return log;
    }

    synchronized List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    synchronized void clear() {
        appender.list.clear();
    }

    @Override
    public void close() {
        for (String name : STARTING) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.detachAppender(appender);
            logger.setLevel(null);
        }
        appender.stop();
    }
}
