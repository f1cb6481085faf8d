package dev.handoff.server.cli;

import picocli.CommandLine;

/** Prints the version Maven stamped into the jar manifest. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"handoff " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version()};
    }
}
