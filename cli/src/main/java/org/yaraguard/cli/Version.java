package org.yaraguard.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the build's version and, when it loads, the libyara in use. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = YaraGuard.class.getPackage().getImplementationVersion();
        String yara;
        try {
            yara = org.yaraguard.engine.yara.Yara.get().libraryName();
        } catch (org.yaraguard.engine.yara.YaraUnavailableException e) {
            yara = e.getMessage();
        }
        return new String[] {"yara-guard " + (version == null ? "(development build)" : version), "libyara: " + yara};
    }
}
