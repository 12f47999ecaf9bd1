package org.yaraguard.interceptor.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;
import org.dcm4che3.net.service.DicomServiceException;
import org.dcm4chee.arc.storage.ReadContext;
import org.dcm4chee.arc.storage.Storage;
import org.dcm4chee.arc.store.StoreContext;
import org.dcm4chee.arc.store.StoreService;
import org.dcm4chee.arc.store.StoreSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.Framing;
import org.yaraguard.engine.dicom.Inspection;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.dicom.PrivateGroupLayout;
import org.yaraguard.interceptor.guard.BulkDataset;
import org.yaraguard.interceptor.guard.Guard;
import org.yaraguard.interceptor.guard.GuardFolders;
import org.yaraguard.interceptor.guard.GuardSettings;

/**
 * The gate against a fake archive shaped like StoreServiceImpl: the 2-argument store calls the 3-argument one
 * through the interceptor, the 3-argument one reads the stream and then calls the coercion consumer.
 */
class ArchiveStoreGateTest {

    private static final String RULES = """
            rule Test_Reject { meta: action = "reject" strings: $a = "REJECT-ME-NOW" condition: $a }
            rule Test_Tag { meta: action = "tag" strings: $a = "TAG-ME-NOW" condition: $a }
            """;

    @TempDir
    Path temp;
    private Guard guard;
    private ArchiveStoreGate gate;
    private final StoreContext context = new TestContext();
    private byte[] stored;
    private RecordingAttributes parsed;
    private int threeArgumentBodies;

    @BeforeEach
    void start() throws IOException {
        Map<String, String> properties = GuardFolders.under(temp, RULES);
        properties.put("yara-guard.spool.memory.bytes", "1024");
        guard = Guard.start(GuardSettings.from(properties::get), java.time.Clock.systemUTC());
        gate = new ArchiveStoreGate(guard, null);
    }

    private void restart(Map<String, String> more) throws IOException {
        guard.close();
        Map<String, String> properties = GuardFolders.under(temp, RULES);
        properties.put("yara-guard.spool.memory.bytes", "1024");
        properties.putAll(more);
        guard = Guard.start(GuardSettings.from(properties::get), java.time.Clock.systemUTC());
        gate = new ArchiveStoreGate(guard, null);
    }

    @AfterEach
    void stop() {
        guard.close();
    }

    @Test
    void cStoreOfACleanObjectReachesTheArchiveByteForByteAndIsScannedOnce() throws Exception {
        byte[] object = object("clean", 5000);

        cStore(object);

        assertThat(stored).isEqualTo(object);
        assertThat(threeArgumentBodies).isEqualTo(1);
        assertThat(parsed.set).isEmpty();
        assertThat(temp.resolve("spool")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void cStoreOfATaggedObjectGetsOurPrivateAttributesThroughTheNestedCall() throws Exception {
        byte[] object = object("TAG-ME-NOW", 300);

        cStore(object);

        assertThat(storedBlock()).containsExactly(0x00770010, 0x00771010, 0x00771011, 0x00771012, 0x00771013);
        assertThat(new String(stored, StandardCharsets.US_ASCII)).contains("YARA GUARD 1.0", "TAG", "Test_Tag");
        assertThat(stored).startsWith(object);
        assertThat(parsed.set).extracting(RecordingAttributes.Set::creator).containsOnly(PrivateTags.CREATOR);
        assertThat(parsed.set).filteredOn(s -> s.tag() == PrivateTags.ACTION).singleElement()
                .satisfies(s -> assertThat(s.values()).containsExactly("TAG"));
        assertThat(parsed.set).filteredOn(s -> s.tag() == PrivateTags.RULES).singleElement()
                .satisfies(s -> assertThat(s.values()).containsExactly("Test_Tag"));
        assertThat(threeArgumentBodies).isEqualTo(1);
        assertThat(Files.readAllLines(temp.resolve("findings.log"))).hasSize(1);
    }

    @Test
    void whenTheContainerInterceptsTheNestedCallTheObjectIsStillJudgedAndTaggedOnce() throws Exception {
        byte[] object = object("TAG-ME-NOW", 300);

        cStoreWithNestedInterception(object);

        assertThat(storedBlock()).containsExactly(0x00770010, 0x00771010, 0x00771011, 0x00771012, 0x00771013);
        assertThat(threeArgumentBodies).isEqualTo(1);
        assertThat(parsed.set).filteredOn(s -> s.tag() == PrivateTags.ACTION).hasSize(1);
        assertThat(Files.readAllLines(temp.resolve("findings.log"))).hasSize(1);
    }

    @Test
    void stowOfARejectedObjectThrowsAfterQuarantineAndNeverReachesTheArchive() throws Exception {
        Call call = new Call(method("store", StoreContext.class, InputStream.class, Consumer.class), this::threeArgs,
                context, new ByteArrayInputStream(object("REJECT-ME-NOW", 300)), (Consumer<Attributes>) a -> { });

        assertThatThrownBy(() -> gate.around(call)).isInstanceOf(DicomServiceException.class)
                .hasMessage("YARA Guard: Test_Reject");
        assertThat(call.proceeded).isZero();
        assertThat(stored).isNull();
        assertThat(Files.walk(temp.resolve("quarantine")).filter(p -> p.toString().endsWith(".dcm"))).hasSize(1);
    }

    @Test
    void aLargeObjectGoesThroughASpoolFileThatIsRemovedAfterwards() throws Exception {
        byte[] object = object("clean", 200_000);

        cStore(object);

        assertThat(stored).isEqualTo(object);
        try (var files = Files.list(temp.resolve("spool"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anObjectOverTheLimitIsRefusedWithoutBeingReadToItsEnd() throws Exception {
        restart(Map.of("yara-guard.max.object.bytes", "4096"));
        byte[] object = object("clean", 300_000);
        InputStream sender = new ByteArrayInputStream(object);

        assertThatThrownBy(() -> gate.around(new Call(method("store", StoreContext.class, InputStream.class),
                p -> null, context, sender))).isInstanceOfSatisfying(DicomServiceException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("YARA Guard: object too large to scan"));
        assertThat(sender.available()).as("the rest is left unread").isGreaterThan(200_000);
        assertThat(stored).isNull();
    }

    @Test
    void anObjectOverTheLimitThatMayPassReachesTheArchiveWhole() throws Exception {
        restart(Map.of("yara-guard.max.object.bytes", "4096", "yara-guard.on.too.large", "log"));
        byte[] object = object("clean", 300_000);

        cStore(object);

        assertThat(stored).isEqualTo(object);
    }

    @Test
    void anObjectOverTheLimitThatIsTaggedReachesTheArchiveWhole() throws Exception {
        // Only part of it was read, so there is nowhere to place the block: it is stored as received, not refused.
        restart(Map.of("yara-guard.max.object.bytes", "4096", "yara-guard.on.too.large", "tag"));
        byte[] object = object("clean", 300_000);

        cStore(object);

        assertThat(stored).isEqualTo(object);
    }

    @Test
    void metadataStoreThatTheArchivesEncoderCannotWriteIsIncompleteAndRefused() throws Exception {
        // arc-api's DicomOutputStream is a declaration only: here the archive's encoder fails, as a broken one would.
        RecordingAttributes attributes = new RecordingAttributes()
                .put(0x0020000D, VR.LO, "1.2.3")
                .put(0x00420011, VR.OB, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        Call call = new Call(method("store", StoreContext.class, Attributes.class), p -> "stored", context,
                attributes);

        assertThatThrownBy(() -> gate.around(call)).isInstanceOf(DicomServiceException.class);
        assertThat(call.proceeded).isZero();
        assertThat(Files.readString(temp.resolve("findings.log"))).contains("\"trouble\":\"incomplete: ");
    }

    @Test
    void importScansTheFileOnTheStorageAndRefusesWhatARuleRejects() throws Exception {
        Path file = temp.resolve("on-storage.dcm");
        Files.write(file, part10(object("REJECT-ME-NOW", 300)));
        RecordingAttributes attributes = new RecordingAttributes().put(0x0020000D, VR.LO, "1.2.3");
        Call call = new Call(method("importInstanceOnStorage", StoreContext.class, Attributes.class,
                ReadContext.class), p -> "imported", context, attributes, onStorage(file));

        assertThatThrownBy(() -> gate.around(call)).isInstanceOf(DicomServiceException.class);
        assertThat(call.proceeded).isZero();
    }

    @Test
    void importOfACleanFilePassesAndAnUnreadableOneIsRefused() throws Exception {
        Path file = temp.resolve("on-storage.dcm");
        Files.write(file, part10(object("clean", 300)));
        RecordingAttributes attributes = new RecordingAttributes().put(0x0020000D, VR.LO, "1.2.3");
        Call clean = new Call(method("importInstanceOnStorage", StoreContext.class, Attributes.class,
                ReadContext.class), p -> "imported", context, attributes, onStorage(file));
        Call missing = new Call(method("importInstanceOnStorage", StoreContext.class, Attributes.class,
                ReadContext.class), p -> "imported", context, attributes, onStorage(temp.resolve("gone.dcm")));

        assertThat(gate.around(clean)).isEqualTo("imported");
        assertThatThrownBy(() -> gate.around(missing)).isInstanceOf(DicomServiceException.class);
        assertThat(missing.proceeded).isZero();
    }

    /** The dataset as a Part-10 file (zeroed preamble, "DICM", a file meta group declaring explicit VR LE). */
    private static byte[] part10(byte[] dataset) {
        byte[] meta = new BulkDataset().text(0x00020010, "UI", BulkDataset.TRANSFER_SYNTAX).encode();
        ByteBuffer file = ByteBuffer.allocate(132 + 12 + meta.length + dataset.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        file.position(128);
        file.put("DICM".getBytes(StandardCharsets.US_ASCII));
        file.putShort((short) 2).putShort((short) 0).put("UL".getBytes(StandardCharsets.US_ASCII)).putShort((short) 4)
                .putInt(meta.length);
        return file.put(meta).put(dataset).array();
    }

    /** A read context whose storage reads the given file, as the archive's file-system storage would. */
    private static ReadContext onStorage(Path file) {
        return new ReadContext() {
            @Override
            public Storage getStorage() {
                return ctx -> Files.newInputStream(file);
            }

            @Override
            public String getStoragePath() {
                return file.getFileName().toString();
            }
        };
    }

    @Test
    void aBulkValueThatCannotBeReadIsRefusedNotSkipped() throws Exception {
        RecordingAttributes attributes = new RecordingAttributes()
                .put(0x0020000D, VR.LO, "1.2.3")
                .put(0x00420011, VR.OB, new IOException("bulk data file gone"));
        Call call = new Call(method("store", StoreContext.class, Attributes.class), p -> "stored", context,
                attributes);

        assertThatThrownBy(() -> gate.around(call)).isInstanceOfSatisfying(DicomServiceException.class,
                e -> assertThat(e.getMessage()).isEqualTo("YARA Guard: object not fully inspected"));
        assertThat(call.proceeded).isZero();
        // The whole dataset is encoded by the archive's DicomOutputStream (only declared here, so it fails): the
        // verdict is incomplete-inspection trouble either way, never a skipped value.
        assertThat(Files.readString(temp.resolve("findings.log"))).contains("\"trouble\":\"incomplete: ");
    }

    @Test
    void anUnexpectedFailureInTheGateIsAFailureStatusNeverAPass() throws Exception {
        StoreContext broken = new TestContext() {
            @Override
            public StoreSession getStoreSession() {
                throw new NullPointerException("attributes not parsed yet");
            }
        };
        Call call = new Call(method("store", StoreContext.class, InputStream.class, Consumer.class), this::threeArgs,
                broken, new ByteArrayInputStream(object("clean", 300)), (Consumer<Attributes>) a -> { });

        assertThatThrownBy(() -> gate.around(call)).isInstanceOfSatisfying(DicomServiceException.class,
                e -> assertThat(e.getStatus()).isEqualTo(0x0110));
        assertThat(call.proceeded).isZero();
    }

    @Test
    void anErrorInTheGateIsOutOfResourcesNotAnAbort() throws Exception {
        StoreContext exhausted = new TestContext() {
            @Override
            public String getReceiveTranferSyntax() {
                throw new OutOfMemoryError("Direct buffer memory");
            }
        };
        Call call = new Call(method("store", StoreContext.class, InputStream.class), p -> null, exhausted,
                new ByteArrayInputStream(object("clean", 300)));

        assertThatThrownBy(() -> gate.around(call)).isInstanceOfSatisfying(DicomServiceException.class,
                e -> assertThat(e.getStatus()).isEqualTo(0xA700));
        assertThat(call.proceeded).isZero();
    }

    @Test
    void aVerdictThatCannotBeRecordedIsRefusedWithOutOfResources() throws Exception {
        Files.createDirectories(temp.resolve("findings.log"));
        Call call = new Call(method("store", StoreContext.class, InputStream.class), this::threeArgs, context,
                new ByteArrayInputStream(object("TAG-ME-NOW", 300)));

        assertThatThrownBy(() -> gate.around(call)).isInstanceOfSatisfying(DicomServiceException.class,
                e -> assertThat(e.getStatus()).isEqualTo(0xA700));
        assertThat(stored).isNull();
    }

    @Test
    void whatTheArchiveThrowsPassesAsItIs() throws Exception {
        DicomServiceException archiveRefusal = new DicomServiceException(0x0124, "Storage denied.");
        Call call = new Call(method("store", StoreContext.class, InputStream.class), p -> {
            throw archiveRefusal;
        }, context, new ByteArrayInputStream(object("clean", 300)));

        assertThatThrownBy(() -> gate.around(call)).isSameAs(archiveRefusal);
    }

    @Test
    void anInvalidConfigurationRefusesEveryStore() {
        ArchiveStoreGate refusing = new ArchiveStoreGate(null, "yara-guard.mode=\"x\"");
        Call call = new Call(method("store", StoreContext.class, InputStream.class), p -> null, context,
                new ByteArrayInputStream(new byte[0]));

        assertThatThrownBy(() -> refusing.around(call)).isInstanceOf(DicomServiceException.class)
                .hasMessageContaining("invalid configuration");
    }

    /**
     * C-STORE as Weld runs it: the interceptor sees the 2-argument call; the archive's 2-argument body calls its
     * 3-argument one on {@code this}, which Weld does not intercept again.
     */
    private void cStore(byte[] object) throws Exception {
        FakeArchive archive = new FakeArchive();
        gate.around(new Call(method("store", StoreContext.class, InputStream.class),
                p -> {
                    archive.store((StoreContext) p[0], (InputStream) p[1]);
                    return null;
                }, context, new ByteArrayInputStream(object)).on(archive));
    }

    /** The same, in a container that does intercept the nested 3-argument call. */
    private void cStoreWithNestedInterception(byte[] object) throws Exception {
        FakeArchive archive = new FakeArchive();
        gate.around(new Call(method("store", StoreContext.class, InputStream.class), p -> {
            Call inner = new Call(method("store", StoreContext.class, InputStream.class, Consumer.class),
                    this::threeArgs, p[0], p[1], (Consumer<Attributes>) a -> { }).on(archive);
            return gate.around(inner);
        }, context, new ByteArrayInputStream(object)).on(archive));
    }

    /** Shaped like StoreServiceImpl: the 2-argument store calls the 3-argument one with a no-op consumer. */
    private final class FakeArchive implements StoreService {
        @Override
        public void store(StoreContext ctx, InputStream data) throws IOException {
            store(ctx, data, attrs -> { });
        }

        @Override
        public void store(StoreContext ctx, InputStream data, Consumer<Attributes> coerce) throws IOException {
            threeArgs(new Object[] {ctx, data, coerce});
        }

        @Override
        public void store(StoreContext ctx, Attributes attrs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void importInstanceOnStorage(StoreContext ctx, Attributes attrs, ReadContext readCtx) {
            throw new UnsupportedOperationException();
        }
    }

    @SuppressWarnings("unchecked")
    private Object threeArgs(Object[] p) throws IOException {
        threeArgumentBodies++;
        stored = ((InputStream) p[1]).readAllBytes();
        parsed = new RecordingAttributes();
        ((Consumer<Attributes>) p[2]).accept(parsed);
        return null;
    }

    /** The top-level tags of group 0077 in what the archive read. */
    private List<Integer> storedBlock() {
        try (Inspection inspection = new DicomInspector(InspectionLimits.defaults())
                .inspect(ByteBuffer.wrap(stored), Framing.BARE, BulkDataset.TRANSFER_SYNTAX)) {
            assertThat(inspection.anomalies()).isEmpty();
            return inspection.privateGroup().elements().stream().map(PrivateGroupLayout.Element::tag).toList();
        }
    }

    private static Method method(String name, Class<?>... types) {
        try {
            return StoreService.class.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] object(String payload, int size) {
        byte[] value = (payload + " ".repeat(size)).getBytes(StandardCharsets.US_ASCII);
        return new BulkDataset().text(0x0020000D, "UI", "1.2.3").bytes(0x00091010, "OB", value).encode();
    }

    private static class TestContext implements StoreContext {
        @Override
        public StoreSession getStoreSession() {
            return new StoreSession() {
                @Override
                public String getCallingAET() {
                    return "MODALITY1";
                }

                @Override
                public String getCalledAET() {
                    return "DCM4CHEE";
                }

                @Override
                public String getRemoteHostName() {
                    return "10.0.0.5";
                }
            };
        }

        @Override
        public String getReceiveTranferSyntax() {
            return BulkDataset.TRANSFER_SYNTAX;
        }
    }
}
