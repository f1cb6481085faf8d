package dev.handoff.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code --log-level} and {@code --log-format} to logback once the command line is read: the root level,
 * and for JSON the root appender replaced by one writing logback's own {@link JsonEncoder} to stderr. A JSON line
 * holds {@code timestamp} (epoch milliseconds), {@code level}, {@code threadName}, {@code loggerName},
 * {@code formattedMessage}, {@code mdc} and {@code kvpList} when present, and {@code throwable} (class, message,
 * stack frames, causes) for an exception.
 *
 * <p>Text keeps the appenders the configuration file set up, so an operator's own {@code logback.xml}
 * ({@code -Dlogback.configurationFile}) still decides the layout; per-logger levels (Netty's at WARN) stay too.
 */
final class LogSetup {
    static final String JSON_APPENDER = "JSON";

    private LogSetup() {
    }

    /** Configures the process's logback; says so on stderr and leaves logging alone when slf4j is bound elsewhere. */
    static void apply(Level level, LogOptions.Format format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            System.err.println("handoff: logging is not logback (" + LoggerFactory.getILoggerFactory().getClass()
                    .getName() + "); --log-level and --log-format have no effect");
            return;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setTarget("System.err");
        apply(context, level, format, console);
    }

    /** Configures {@code context}; for JSON, {@code appender} (not yet started) becomes the root's only appender. */
    static void apply(LoggerContext context, Level level, LogOptions.Format format,
                      OutputStreamAppender<ILoggingEvent> appender) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        if (format == LogOptions.Format.TEXT) {
            return;
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // The formatted message alone: the template and its arguments again would double every line's size.
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.start();
        appender.setContext(context);
        appender.setName(JSON_APPENDER);
        appender.setEncoder(encoder);
        appender.start();
        // Swap, not add: a second appender would print every event twice, once as text.
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }
}
