package org.yaraguard.hunt;

/**
 * Where a hunt stands: every object up to and including this one (of source {@code source}, in its list order) was
 * judged and counted.
 */
public record Position(int source, String key) {
}
