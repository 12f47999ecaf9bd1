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
import org.dcm4chee.arc.storage.ReadContext;
import org.dcm4chee.arc.store.StoreContext;
import org.dcm4chee.arc.store.StoreService;
import org.dcm4chee.arc.store.StoreSession;
import org.yaraguard.engine.dicom.Framing;
import org.yaraguard.engine.scan.ScanContext;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.interceptor.IngestMethod;
import org.yaraguard.interceptor.StoreGate;
import org.yaraguard.interceptor.guard.Guard;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * The hook at the archive's ingest methods. Stream paths: spool the sender's bytes, judge them, and hand the archive
 * a stream over exactly those bytes; for a tag verdict the stream carries our private block inserted in the dataset
 * (the archive writes the file before any consumer runs) and a coercion consumer adds the same attributes for the
 * rules of this store (a tagged C-STORE object is handed to the 3-argument store directly, see
 * {@link #storeWithTags}). Attribute paths: judge the whole dataset as the archive's dcm4che encodes it, what cannot
 * be encoded is trouble; an import: judge the file it points to. A refusal is a
 * DicomServiceException, thrown after the object was quarantined. Anything unexpected in the gate's own work is a
 * DicomServiceException too (never an association abort, never a pass); what the archive itself throws passes as
 * it is. Each object is judged once, also when the 2-argument store calls the 3-argument one.
 */
public final class ArchiveStoreGate implements StoreGate {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    /** DICOM "Processing failure": the configuration is invalid, or the gate failed in an unexpected way. */
    private static final int PROCESSING_FAILURE = 0x0110;
    /** DICOM "Refused: Out of Resources": the gate ran out of memory or could not re-read its spool; may retry. */
    private static final int OUT_OF_RESOURCES = 0xA700;
    /** Objects being stored on this thread, innermost last: how a nested call finds its object's ruling. */
    private static final ThreadLocal<Deque<GuardedStream>> IN_PROGRESS = ThreadLocal.withInitial(ArrayDeque::new);

    private final Guard guard;
    private final String refusal;

    /** The gate's own work, which may fail in any way. */
    @FunctionalInterface
    private interface GateWork<T> {
        T run() throws Exception;
    }

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
            case ATTRIBUTES -> attributes(invocation, (Attributes) parameters[1], context, method.get());
            case IMPORT -> imported(invocation, (Attributes) parameters[1], (ReadContext) parameters[2], context);
        };
    }

    private Object stream(InvocationContext invocation, Object[] parameters, StoreContext context,
            IngestMethod method) throws Exception {
        InputStream data = (InputStream) parameters[1];
        Optional<GuardedStream> judged = inGate(() -> alreadyJudged(data, context));
        if (judged.isPresent()) {
            tagThroughConsumer(invocation, parameters, judged.get());
            return invocation.proceed();
        }
        Origin origin = inGate(() -> origin(context, method.source()));
        SpooledObject object = spool(data, origin);
        try {
            GuardedStream stream = inGate(() -> {
                Ruling ruling = guard.judge(object, origin);
                if (ruling.outcome() == Ruling.Outcome.REFUSE) {
                    throw refusal(ruling);
                }
                return new GuardedStream(guard.streamToStore(object, ruling, origin), context, ruling);
            });
            return proceedWith(invocation, parameters, context, method, stream);
        } finally {
            release(object);
        }
    }

    private static Object proceedWith(InvocationContext invocation, Object[] parameters, StoreContext context,
            IngestMethod method, GuardedStream stream) throws Exception {
        Ruling ruling = stream.ruling();
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

    /**
     * An attribute-based store: the whole dataset the archive was given is encoded by the archive's own dcm4che
     * (see {@link EncodedDataset}) and judged as the Part-10 file the archive would write; a refusal quarantines that
     * file. What could not be encoded (e.g. bulk data whose file is gone) is incomplete-inspection trouble. A tag
     * verdict sets our attributes on the dataset, from which the archive then writes its file, so they last.
     */
    private Object attributes(InvocationContext invocation, Attributes attributes, StoreContext context,
            IngestMethod method) throws Exception {
        if (attributes == null) {
            return invocation.proceed();
        }
        Origin origin = inGate(() -> origin(context, method.source(), EncodedDataset.TRANSFER_SYNTAX,
                Framing.PART10));
        EncodedDataset encoded = inGate(() -> {
            try {
                return EncodedDataset.spool(guard, attributes);
            } catch (IOException e) {
                throw refusal(guard.spoolFailed(e, origin));
            }
        });
        try {
            inGate(() -> {
                Ruling ruling = guard.judge(encoded.object(), origin, encoded.unreadable());
                if (ruling.outcome() == Ruling.Outcome.REFUSE) {
                    throw refusal(ruling);
                }
                if (ruling.outcome() == Ruling.Outcome.TAG) {
                    PrivateTags.add(attributes, ruling);
                }
                return ruling;
            });
        } finally {
            release(encoded.object());
        }
        return invocation.proceed();
    }

    /**
     * An import: the object already lies on the archive's storage, so the hook reads that file (the whole of it, as
     * it lies there) and judges it. A tag verdict sets our attributes on what the archive keeps; the file itself is
     * not rewritten. A file that cannot be read is refused.
     */
    private Object imported(InvocationContext invocation, Attributes attributes, ReadContext readContext,
            StoreContext context) throws Exception {
        Origin origin = inGate(() -> origin(context, IngestMethod.IMPORT.source()));
        SpooledObject object = inGate(() -> {
            try (InputStream in = readContext.getStorage().openInputStream(readContext)) {
                return guard.spool(in);
            } catch (IOException | RuntimeException e) {
                throw refusal(guard.spoolFailed(e instanceof IOException io ? io
                        : new IOException("cannot read the object to import: " + e, e), origin));
            }
        });
        try {
            inGate(() -> {
                Ruling ruling = guard.judge(object, origin);
                if (ruling.outcome() == Ruling.Outcome.REFUSE) {
                    throw refusal(ruling);
                }
                if (ruling.outcome() == Ruling.Outcome.TAG && attributes != null) {
                    PrivateTags.add(attributes, ruling);
                }
                return ruling;
            });
        } finally {
            release(object);
        }
        return invocation.proceed();
    }

    /** Spools the object; a stream or disk failure is the guard's recorded out-of-resources refusal. */
    private SpooledObject spool(InputStream data, Origin origin) throws DicomServiceException {
        return inGate(() -> {
            try {
                return guard.spool(data);
            } catch (IOException e) {
                throw refusal(guard.spoolFailed(e, origin));
            }
        });
    }

    /**
     * Runs the gate's own work. A refusal passes as it is; anything else (an IOException re-opening the spool, an
     * OutOfMemoryError, a bug) becomes a failure status, so the sender gets an answer and the object is not stored.
     */
    private static <T> T inGate(GateWork<T> work) throws DicomServiceException {
        try {
            return work.run();
        } catch (DicomServiceException e) {
            throw e;
        } catch (IOException | Error e) {
            LOG.log(Level.ERROR, "YARA Guard refused an object it could not handle (status A700H)", e);
            throw new DicomServiceException(OUT_OF_RESOURCES, "YARA Guard: out of resources");
        } catch (Exception e) {
            LOG.log(Level.ERROR, "YARA Guard refused an object it could not handle (status 0110H)", e);
            throw new DicomServiceException(PROCESSING_FAILURE, "YARA Guard: internal error");
        }
    }

    /** Frees the spooled bytes; a failure then must not turn a store the archive completed into a failure. */
    private static void release(SpooledObject object) {
        try {
            object.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "YARA Guard could not remove a spooled object", e);
        }
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
