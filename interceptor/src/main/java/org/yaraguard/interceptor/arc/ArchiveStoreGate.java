package org.yaraguard.interceptor.arc;

import jakarta.interceptor.InvocationContext;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.net.service.DicomServiceException;
import org.dcm4chee.arc.store.StoreContext;
import org.dcm4chee.arc.store.StoreService;
import org.dcm4chee.arc.store.StoreSession;
import org.yaraguard.engine.dicom.Framing;
import org.yaraguard.engine.scan.ScanContext;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.interceptor.IngestMethod;
import org.yaraguard.interceptor.StoreGate;
import org.yaraguard.interceptor.guard.BulkDataset;
import org.yaraguard.interceptor.guard.Guard;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * The hook at the archive's ingest methods. Stream paths: spool the sender's bytes, judge them, and hand the archive
 * a stream over exactly those bytes (plus, for a tag verdict, a coercion consumer that adds our private attributes;
 * a tagged C-STORE object is handed to the 3-argument store directly, see {@link #storeWithTags}).
 * Attribute paths: judge the bulk values that exist. A refusal is a DicomServiceException, thrown after the object
 * was quarantined. Each object is judged once, also when the 2-argument store calls the 3-argument one.
 */
public final class ArchiveStoreGate implements StoreGate {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    /** DICOM "Processing failure": used while the configuration is invalid. */
    private static final int PROCESSING_FAILURE = 0x0110;
    /** Objects being stored on this thread, innermost last: how a nested call finds its object's ruling. */
    private static final ThreadLocal<Deque<GuardedStream>> IN_PROGRESS = ThreadLocal.withInitial(ArrayDeque::new);

    private final Guard guard;
    private final String refusal;

    /**
     * @param guard   the deployment's guard, or null when the configuration is invalid
     * @param refusal why there is no guard, or null
     */
    public ArchiveStoreGate(Guard guard, String refusal) {
        this.guard = guard;
        this.refusal = refusal;
    }

    @Override
    public Object around(InvocationContext invocation) throws Exception {
        Optional<IngestMethod> method = IngestMethod.of(invocation.getMethod());
        if (method.isEmpty()) {
            return invocation.proceed();
        }
        if (guard == null) {
            throw new DicomServiceException(PROCESSING_FAILURE, "YARA Guard: invalid configuration");
        }
        Object[] parameters = invocation.getParameters();
        StoreContext context = (StoreContext) parameters[0];
        return switch (method.get()) {
            case C_STORE, STOW -> stream(invocation, parameters, context, method.get());
            case ATTRIBUTES, IMPORT -> attributes(invocation, (Attributes) parameters[1], context, method.get());
        };
    }

    private Object stream(InvocationContext invocation, Object[] parameters, StoreContext context,
            IngestMethod method) throws Exception {
        InputStream data = (InputStream) parameters[1];
        Optional<GuardedStream> judged = alreadyJudged(data, context);
        if (judged.isPresent()) {
            tagThroughConsumer(invocation, parameters, judged.get());
            return invocation.proceed();
        }
        Origin origin = origin(context, method.source());
        SpooledObject object;
        try {
            object = guard.spool(data);
        } catch (IOException e) {
            throw refusal(guard.spoolFailed(e, origin));
        }
        try (object) {
            Ruling ruling = guard.judge(object, origin);
            if (ruling.outcome() == Ruling.Outcome.REFUSE) {
                throw refusal(ruling);
            }
            GuardedStream stream = new GuardedStream(object.openStream(), context, ruling);
            parameters[1] = stream;
            tagThroughConsumer(invocation, parameters, stream);
            Deque<GuardedStream> inProgress = IN_PROGRESS.get();
            inProgress.addLast(stream);
            try (stream) {
                if (method == IngestMethod.C_STORE && ruling.outcome() == Ruling.Outcome.TAG) {
                    return storeWithTags(invocation, context, stream);
                }
                return invocation.proceed();
            } finally {
                inProgress.removeLastOccurrence(stream);
                if (inProgress.isEmpty()) {
                    IN_PROGRESS.remove();
                }
                if (ruling.outcome() == Ruling.Outcome.TAG && !stream.wereTagsApplied()) {
                    LOG.log(Level.WARNING, "YARA Guard could not add its private attributes to tagged object {0}:"
                            + " the archive never called store with a coercion consumer", ruling.verdict().sha256());
                }
            }
        }
    }

    /**
     * A tagged C-STORE object: the archive's 2-argument store only calls its 3-argument one with a no-op consumer,
     * and Weld does not intercept that call on {@code this}. So the hook makes that call itself, on the bean, with
     * a consumer that adds our private attributes. Should the call be intercepted after all, the gate recognises
     * the stream and does not judge or tag again.
     */
    private static Object storeWithTags(InvocationContext invocation, StoreContext context, GuardedStream stream)
            throws IOException {
        Ruling ruling = stream.ruling();
        stream.tagsApplied();
        ((StoreService) invocation.getTarget()).store(context, stream,
                attributes -> PrivateTags.add(attributes, ruling));
        return null;
    }

    /** Our own stream, or (if the archive wrapped it) the object in progress on this thread for the same context. */
    private static Optional<GuardedStream> alreadyJudged(InputStream data, StoreContext context) {
        if (data instanceof GuardedStream guarded) {
            return Optional.of(guarded);
        }
        Deque<GuardedStream> inProgress = IN_PROGRESS.get();
        GuardedStream innermost = inProgress.peekLast();
        if (inProgress.isEmpty()) {
            IN_PROGRESS.remove();
        }
        return innermost != null && innermost.context() == context ? Optional.of(innermost) : Optional.empty();
    }

    /** For a tag verdict on the 3-argument store: the archive's consumer, then ours, before its database update. */
    private static void tagThroughConsumer(InvocationContext invocation, Object[] parameters, GuardedStream stream) {
        if (stream.ruling().outcome() != Ruling.Outcome.TAG || parameters.length < 3 || stream.wereTagsApplied()) {
            invocation.setParameters(parameters);
            return;
        }
        @SuppressWarnings("unchecked")
        Consumer<Attributes> archive = (Consumer<Attributes>) parameters[2];
        Ruling ruling = stream.ruling();
        parameters[2] = (Consumer<Attributes>) attributes -> {
            if (archive != null) {
                archive.accept(attributes);
            }
            PrivateTags.add(attributes, ruling);
        };
        stream.tagsApplied();
        invocation.setParameters(parameters);
    }

    private Object attributes(InvocationContext invocation, Attributes attributes, StoreContext context,
            IngestMethod method) throws Exception {
        BulkDataset dataset = attributes == null ? new BulkDataset() : BulkValues.of(attributes);
        if (!dataset.hasBulkValues()) {
            return invocation.proceed();
        }
        // The bytes scanned are the dataset encoded here, never the sender's file: bare, whatever the entry point.
        Origin origin = origin(context, method.source(), BulkDataset.TRANSFER_SYNTAX, Framing.BARE);
        SpooledObject object;
        try {
            object = guard.spool(new java.io.ByteArrayInputStream(dataset.encode()));
        } catch (IOException e) {
            throw refusal(guard.spoolFailed(e, origin));
        }
        try (object) {
            Ruling ruling = guard.judge(object, origin);
            if (ruling.outcome() == Ruling.Outcome.REFUSE) {
                throw refusal(ruling);
            }
            if (ruling.outcome() == Ruling.Outcome.TAG) {
                PrivateTags.add(attributes, ruling);
            }
        }
        return invocation.proceed();
    }

    private static DicomServiceException refusal(Ruling ruling) {
        return new DicomServiceException(ruling.status(), ruling.comment());
    }

    private static Origin origin(StoreContext context, String source) {
        return origin(context, source, context == null ? null : context.getReceiveTranferSyntax(),
                ScanContext.framingOf(source));
    }

    private static Origin origin(StoreContext context, String source, String transferSyntax, Framing framing) {
        StoreSession session = context == null ? null : context.getStoreSession();
        if (session == null) {
            return new Origin(source, null, null, null, transferSyntax, framing);
        }
        return new Origin(source, session.getCallingAET(), session.getCalledAET(), session.getRemoteHostName(),
                transferSyntax, framing);
    }
}
