package org.yaraguard.it;

import java.nio.file.Path;

/** Where the build put the test WildFly and the folders the plugin was installed with (see prepare-wildfly.xml). */
final class ItEnvironment {

    private ItEnvironment() {
    }

    static int httpPort() {
        return 8080 + Integer.getInteger("it.port.offset", 0);
    }

    /** The stand-in archive's DICOM port (system property yg.it.dicom.port of the server, see arquillian.xml). */
    static int dicomPort() {
        return Integer.getInteger("it.dicom.port", 11249);
    }

    /** The command line jar the reactor built (it-tests depends on the cli module). */
    static Path cliJar() {
        return Path.of(System.getProperty("it.cli.jar", "../cli/target/yara-guard.jar"));
    }

    static Path work() {
        return Path.of(System.getProperty("it.work", "target/it-work"));
    }

    static Path archiveFolder() {
        return work().resolve("archive");
    }

    static Path rulesFolder() {
        return work().resolve("rules");
    }

    static Path quarantineFolder() {
        return work().resolve("quarantine");
    }

    static Path findingsLog() {
        return work().resolve("findings.log");
    }

    static Path approvalsFolder() {
        return work().resolve("approvals");
    }

    /** The review console's base URL (context root of console/target/yara-guard-console.war). */
    static String consoleUrl() {
        return "http://127.0.0.1:" + httpPort() + "/yara-guard";
    }

    /** The console WAR the reactor built (it-tests depends on the console module). */
    static Path consoleWar() {
        return Path.of(System.getProperty("it.console.war", "../console/target/yara-guard-console.war"));
    }

    /** The reviewer prepare-wildfly.xml added with add-user.sh (group yara-guard-reviewer). */
    static String reviewerUser() {
        return System.getProperty("it.reviewer.user", "reviewer");
    }

    static String reviewerPassword() {
        return System.getProperty("it.reviewer.password");
    }

    static Path serverLog() {
        return Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
    }

    /** The console's hunt report folder: the default under the server's data folder, made by install.sh. */
    static Path huntsFolder() {
        return Path.of(System.getProperty("jboss.home"), "standalone", "data", "yara-guard", "hunts");
    }

    static Path samplesFolder() {
        return work().resolve("samples");
    }

    static int rejectStatus() {
        return Integer.decode(System.getProperty("it.reject.status", "0x0124"));
    }

    static String monitorAet() {
        return System.getProperty("it.monitor.aet", "MONITOR1");
    }
}
