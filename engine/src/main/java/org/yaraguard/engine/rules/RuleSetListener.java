package org.yaraguard.engine.rules;

import java.util.List;
import org.yaraguard.engine.yara.CompileError;

/** Hears what a rules folder did: a new rule set in force, or a folder refused (the previous set stays). */
public interface RuleSetListener {

    void loaded(RuleSet ruleSet);

    void refused(String folderId, List<CompileError> errors);
}
