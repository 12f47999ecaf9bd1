package org.yaraguard.interceptor.guard;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.rules.RuleSetListener;
import org.yaraguard.engine.yara.CompileError;

/** Passes a rules folder's news to the status file first, then to every observer; one observer's fault stays its own. */
final class RuleSetFanOut implements RuleSetListener {

    private static final Logger LOG = System.getLogger("org.yaraguard");

    private final RuleSetListener first;
    private final List<? extends RuleSetListener> rest;

    RuleSetFanOut(RuleSetListener first, List<? extends RuleSetListener> rest) {
        this.first = first;
        this.rest = rest;
    }

    @Override
    public void loaded(RuleSet ruleSet) {
        first.loaded(ruleSet);
        for (RuleSetListener listener : rest) {
            try {
                listener.loaded(ruleSet);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "YARA Guard observer {0} failed: {1}", listener.getClass().getName(), e.toString());
            }
        }
    }

    @Override
    public void refused(String folderId, List<CompileError> errors) {
        first.refused(folderId, errors);
        for (RuleSetListener listener : rest) {
            try {
                listener.refused(folderId, errors);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "YARA Guard observer {0} failed: {1}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
