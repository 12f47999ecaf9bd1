package org.yaraguard.engine.scan;

/** The action a rule's matches get, and why (its meta, which policy mapping, or the default). */
public record ResolvedAction(Action action, String reason) {
}
