package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the ecsgen version and the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "ecsgen " + EcsgenVersion.full(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            "Run 'ecsgen plugins' to list the loaded plugins and their versions."
        };
    }
}
