package org.yaraguard.cli.quarantine;

import picocli.CommandLine.Option;

/** The {@code --user} option of the review commands: who is recorded in the audit trail. */
final class Reviewer {

    @Option(names = "--user", paramLabel = "NAME", description = "Reviewer recorded in the audit trail.",
            defaultValue = "${sys:user.name}")
    String name;
}
