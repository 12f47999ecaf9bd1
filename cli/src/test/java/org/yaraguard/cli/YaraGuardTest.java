package org.yaraguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class YaraGuardTest {

    /** What a run printed and returned. */
    private record Run(int status, String out, String err) {
    }

    @Test
    void eachSubcommandIsListedUnderTheNameItsCommandAnnotationGives() {
        YaraGuard.SUBCOMMANDS.forEach((name, command) ->
                assertThat(new CommandLine(command).getCommandName()).as(command.getName()).isEqualTo(name));
    }

    @Test
    void aRunOfOneSubcommandBuildsOnlyThatOne() {
        assertThat(YaraGuard.commandLine(YaraGuard.reachedBy(new String[] {"scan", "--threads", "1", "x.dcm"}))
                .getSubcommands()).containsOnlyKeys("scan");
        assertThat(YaraGuard.commandLine(YaraGuard.reachedBy(new String[] {"--version"})).getSubcommands()).isEmpty();
    }

    @Test
    void usageVersionAndErrorsAreThoseOfTheCompleteCommandLine() {
        List<List<String>> runs = List.of(List.of(), List.of("--help"), List.of("-h"), List.of("--version"),
                List.of("-V"), List.of("-V", "scan"), List.of("--help", "scan"), List.of("--version", "--help"),
                List.of("foo"), List.of("foo", "--help"), List.of("SCAN"), List.of("sca"), List.of("help"),
                List.of("scan"), List.of("scan", "--help"), List.of("scan", "--bogus", "x"), List.of("rules"),
                List.of("rules", "check", "--help"), List.of("quarantine"), List.of("quarantine", "list", "--help"),
                List.of("hunt", "--help"), List.of("status", "--help"));
        for (List<String> args : runs) {
            String[] array = args.toArray(String[]::new);
            assertThat(run(YaraGuard.commandLine(YaraGuard.reachedBy(array)), array)).as(String.join(" ", args))
                    .isEqualTo(run(YaraGuard.commandLine(), array));
        }
    }

    private static Run run(CommandLine commandLine, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
