package org.yaraguard.rules.samples;

/** How a DCMTK tool ended: its exit code and what it printed (standard output and error together). */
public record ToolRun(int exitCode, String output) {
}
