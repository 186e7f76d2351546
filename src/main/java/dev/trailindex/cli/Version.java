package dev.trailindex.cli;

import picocli.CommandLine;

/** Version from the jar manifest, if any. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"trailindex " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version() + ", Lucene " + org.apache.lucene.util.Version.LATEST};
    }
}
