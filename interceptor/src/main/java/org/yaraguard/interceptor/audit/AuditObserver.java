package org.yaraguard.interceptor.audit;

import java.time.Clock;
import java.util.List;
import org.yaraguard.audit.AuditOutbox;
import org.yaraguard.audit.message.AuditIdentity;
import org.yaraguard.audit.message.AuditXml;
import org.yaraguard.audit.message.Detection;
import org.yaraguard.audit.message.GuardCode;
import org.yaraguard.audit.message.RuleSetChange;
import org.yaraguard.audit.message.SecurityAlert;
import org.yaraguard.audit.message.SecurityConfiguration;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.yara.CompileError;
import org.yaraguard.interceptor.guard.GuardObserver;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * Tells the Audit Record Repository what the hook did: a Security Alert for every audited ruling (see
 * {@link Detections}) and a Security Configuration event for every rule set that goes live, every refused rules
 * folder, and every refused folder restored. On the store's thread it only builds the XML (no I/O) and hands it to
 * the outbox, which never blocks; clean objects cost one comparison. The outbox is the deployment's (metrics and status read its state): whoever
 * started it closes it.
 */
public final class AuditObserver implements GuardObserver {

    private final AuditOutbox outbox;
    private final AuditIdentity identity;
    private final Clock clock;
    /** The rule set in force as this observer last heard; the rules folder's watcher is the only writer. */
    private volatile String inForce;

    public AuditObserver(AuditOutbox outbox, AuditIdentity identity, Clock clock) {
        this.outbox = outbox;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void judged(Ruling ruling, Origin origin, long judgeNanos) {
        Detection detection = Detections.of(ruling, origin, clock);
        if (detection != null) {
            outbox.submit(AuditXml.write(SecurityAlert.of(detection, identity)));
        }
    }

    @Override
    public void loaded(RuleSet ruleSet) {
        String previous = inForce;
        // The folder's watcher tells the set in force again when a refused folder is put back as it was.
        GuardCode kind = ruleSet.id().equals(previous) ? GuardCode.RULE_SET_RESTORED : GuardCode.RULE_SET_LIVE;
        List<String> files = ruleSet.files().stream().map(file -> file.path() + " " + file.sha256()).toList();
        int rules = ruleSet.rules() == null ? -1 : ruleSet.rules().rules().size();
        submit(new RuleSetChange(clock.instant(), kind, kind == GuardCode.RULE_SET_RESTORED ? null : previous,
                ruleSet.id(), files, rules, List.of()));
        inForce = ruleSet.id();
    }

    @Override
    public void refused(String folderId, List<CompileError> errors) {
        submit(new RuleSetChange(clock.instant(), GuardCode.RULE_SET_REFUSED, inForce, folderId, List.of(), -1,
                errors.stream().map(CompileError::toString).toList()));
    }

    private void submit(RuleSetChange change) {
        outbox.submit(AuditXml.write(SecurityConfiguration.of(change, identity)));
    }
}
