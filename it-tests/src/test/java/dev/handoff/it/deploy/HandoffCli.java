package dev.handoff.it.deploy;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.ToolRun;
import dev.handoff.server.cli.HandoffCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code handoff} command line as the deployment recipes call it, two ways: the picocli model of the
 * classes on the test class path (parses whole argument lists, converting every value), and the built
 * launcher's own {@code --help} (what an installed node actually accepts).
 */
final class HandoffCli {
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9-]*)");

    private HandoffCli() {
    }

    /** Parses {@code args} (the command word first) as the real CLI would, @files expanded; throws if refused. */
    static ParseResult parse(List<String> args) {
        return new CommandLine(new HandoffCommand()).parseArgs(args.toArray(String[]::new));
    }

    /** The spec of a subcommand path such as ["node", "drain"]. */
    static CommandSpec spec(String... path) {
        CommandLine at = new CommandLine(new HandoffCommand());
        for (String word : path) {
            at = at.getSubcommands().get(word);
            if (at == null) {
                throw new AssertionError("handoff has no command " + String.join(" ", path));
            }
        }
        return at.getCommandSpec();
    }

    /** The default of an option of {@code handoff serve}, as its help shows it. */
    static String serveDefault(String option) {
        OptionSpec o = spec("serve").findOption(option);
        if (o == null) {
            throw new AssertionError("handoff serve has no option " + option);
        }
        return o.defaultValueString();
    }

    /** Runs {@code ./handoff WORDS... --help} without building; skips loudly when no server jar is built. */
    static ToolRun launcherHelp(String... words) throws Exception {
        Path root = Prerequisites.repositoryRoot();
        Path jar = root.resolve("server/target/handoff-server.jar");
        if (!Files.exists(jar)) {
            System.err.println("*** SKIPPED: " + jar + " is not built; run ./handoff --version once");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(jar), "server jar not built");
        List<String> command = new java.util.ArrayList<>(List.of("env", "HANDOFF_NO_BUILD=1",
                root.resolve("handoff").toString()));
        command.addAll(List.of(words));
        command.add("--help");
        return ToolRun.run(command, Duration.ofSeconds(60), root);
    }

    /** Every long option a help text names (its usage line and option list). */
    static Set<String> optionsIn(String help) {
        Set<String> out = new TreeSet<>();
        Matcher m = OPTION.matcher(help);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
