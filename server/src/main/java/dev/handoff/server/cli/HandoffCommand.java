package dev.handoff.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code handoff} command line: one subcommand per operator verb. */
@Command(name = "handoff", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A userspace NFSv3 server whose addresses move between cluster nodes without hanging clients.",
        subcommands = {ServeCommand.class, ExportsCommand.class, StatusCommand.class, VipCommand.class,
                NodeCommand.class, ClientsCommand.class, LocksCommand.class, WitnessCommand.class,
                CommandLine.HelpCommand.class})
public final class HandoffCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HandoffCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
