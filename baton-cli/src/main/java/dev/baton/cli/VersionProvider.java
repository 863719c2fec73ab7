package dev.baton.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = BatonCli.class.getPackage().getImplementationVersion();
        return new String[] {"baton " + (version == null ? "development build" : version)};
    }
}
