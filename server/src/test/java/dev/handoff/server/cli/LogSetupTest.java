package dev.handoff.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --log-level} and {@code --log-format} applied to a logback context of the test's own. */
class LogSetupTest {
    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LogSetupTest() {
        // The process's context gets its MDC adapter from slf4j's binding; one made by hand needs it given.
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    private OutputStreamAppender<ILoggingEvent> captured() {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setOutputStream(bytes);
        return appender;
    }

    private List<JsonNode> lines() {
        ObjectMapper json = new ObjectMapper();
        return bytes.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object: " + l, e);
            }
        }).toList();
    }

    @Test
    void jsonWritesOneObjectPerLineWithTimeLevelLoggerThreadMessageAndException() {
        LogSetup.apply(context, Level.INFO, LogOptions.Format.JSON, captured());
        Logger log = context.getLogger("dev.handoff.Example");
        long before = System.currentTimeMillis();

        log.info("mount of {} by {}", "/srv/share", "192.0.2.7");
        log.debug("not at info");
        log.warn("a \"quoted\"\nmessage", new IllegalStateException("boom"));

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode info = lines.get(0);
        assertThat(info.get("timestamp").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("loggerName").asText()).isEqualTo("dev.handoff.Example");
        assertThat(info.get("threadName").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(info.get("formattedMessage").asText()).isEqualTo("mount of /srv/share by 192.0.2.7");
        assertThat(info.path("throwable").isMissingNode() || info.get("throwable").isNull()).isTrue();
        JsonNode warn = lines.get(1);
        assertThat(warn.get("formattedMessage").asText()).isEqualTo("a \"quoted\"\nmessage");
        assertThat(warn.get("throwable").get("className").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(warn.get("throwable").get("message").asText()).isEqualTo("boom");
    }

    @Test
    void jsonReplacesTheRootAppendersSoNoEventIsWrittenTwice() {
        ListAppender<ILoggingEvent> text = new ListAppender<>();
        text.setContext(context);
        text.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(text);

        LogSetup.apply(context, Level.INFO, LogOptions.Format.JSON, captured());
        context.getLogger("x").info("once");

        assertThat(text.list).isEmpty();
        assertThat(text.isStarted()).isFalse();
        assertThat(lines()).hasSize(1);
    }

    @Test
    void textKeepsTheConfiguredAppendersAndSetsTheRootLevel() {
        ListAppender<ILoggingEvent> text = new ListAppender<>();
        text.setContext(context);
        text.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(text);

        LogSetup.apply(context, Level.DEBUG, LogOptions.Format.TEXT, captured());
        context.getLogger("x").debug("shown at debug");
        context.getLogger("x").trace("not at debug");

        assertThat(text.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("shown at debug");
        assertThat(bytes.size()).isZero();
    }

    @Test
    void aLoggerWithItsOwnLevelKeepsIt() {
        context.getLogger("io.netty").setLevel(Level.WARN);

        LogSetup.apply(context, Level.DEBUG, LogOptions.Format.JSON, captured());
        context.getLogger("io.netty.channel").info("chatty");

        assertThat(bytes.size()).isZero();
    }

    @Test
    void levelsAreTheNamesLogbackKnowsAndNothingElse() {
        LogOptions.LevelConverter converter = new LogOptions.LevelConverter();

        assertThat(converter.convert("debug")).isEqualTo(Level.DEBUG);
        assertThat(converter.convert("WARN")).isEqualTo(Level.WARN);
        assertThat(converter.convert("off")).isEqualTo(Level.OFF);
        assertThatThrownBy(() -> converter.convert("verbose")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'verbose' is no log level");
    }

    @Test
    void serveTakesBothOptionsWithTheirDefaults() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--log-format", "Json",
                "--log-level", "debug");

        assertThat(serve.logs.format).isEqualTo(LogOptions.Format.JSON);
        assertThat(serve.logs.level).isEqualTo(Level.DEBUG);

        WitnessCommand witness = new WitnessCommand();
        new CommandLine(witness).parseArgs();
        assertThat(witness.logs.format).isEqualTo(LogOptions.Format.TEXT);
        assertThat(witness.logs.level).isNotNull();
    }
}
