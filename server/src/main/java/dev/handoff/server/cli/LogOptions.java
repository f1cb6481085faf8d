package dev.handoff.server.cli;

import ch.qos.logback.classic.Level;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --log-level} and {@code --log-format}, shared by the long-running verbs ({@code serve}, {@code witness}).
 * The environment gives the defaults, so a container or a systemd unit sets them without changing the command.
 */
final class LogOptions {
    /** How log lines are written to stderr. */
    enum Format {
        /** One human-readable line per event, as {@code logback.xml} lays it out. */
        TEXT,
        /** One JSON object per line, for log collectors (fields in {@link LogSetup}). */
        JSON
    }

    @Option(names = "--log-level", paramLabel = "LEVEL", converter = LevelConverter.class,
            defaultValue = "${env:HANDOFF_LOG_LEVEL:-info}",
            description = "Root log level: error, warn, info, debug, trace or off (default: ${DEFAULT-VALUE}; "
                    + "env HANDOFF_LOG_LEVEL).")
    Level level;

    @Option(names = "--log-format", paramLabel = "FORMAT", converter = FormatConverter.class,
            defaultValue = "${env:HANDOFF_LOG_FORMAT:-text}",
            description = "text or json, one object per line (default: ${DEFAULT-VALUE}; env HANDOFF_LOG_FORMAT).")
    Format format;

    /** Reconfigures the process's logging; call before anything worth logging happens. */
    void apply() {
        LogSetup.apply(level, format);
    }

    /** {@code text} or {@code json} in any case, whether or not the command line allows any case for enums. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.name().equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is no log format; use text or json");
        }
    }

    /** Only the names logback knows: {@link Level#toLevel(String)} would turn a typo into DEBUG. */
    static final class LevelConverter implements CommandLine.ITypeConverter<Level> {
        @Override
        public Level convert(String value) {
            Level level = Level.toLevel(value.strip(), null);
            if (level == null || level == Level.ALL) {
                throw new CommandLine.TypeConversionException("'" + value + "' is no log level; use error, warn,"
                        + " info, debug, trace or off");
            }
            return level;
        }
    }
}
