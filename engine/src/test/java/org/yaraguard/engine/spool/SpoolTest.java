package org.yaraguard.engine.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path folder;

    @Test
    void smallObjectStaysInMemoryAndStreamsBackIdentical() throws IOException {
        byte[] data = randomBytes(1000);
        try (SpooledObject object = new Spool(folder, 4096).spool(new ByteArrayInputStream(data))) {
            assertThat(object.size()).isEqualTo(1000);
            assertThat(object.bytes().isDirect()).isTrue();
            assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(data)));
            assertThat(readAll(object)).isEqualTo(data);
            assertThat(spoolFiles()).isEmpty();
        }
    }

    @Test
    void largeObjectGoesToAPrivateFileThatIsMappedAndDeletedOnClose() throws IOException {
        byte[] data = randomBytes(300_000);
        SpooledObject object = new Spool(folder, 100_000).spool(new ByteArrayInputStream(data));
        assertThat(spoolFiles()).hasSize(1);
        Path file = spoolFiles()[0];
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        ByteBuffer bytes = object.bytes();
        assertThat(bytes.isDirect()).isTrue();
        assertThat(bytes.remaining()).isEqualTo(data.length);
        assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(data)));
        assertThat(readAll(object)).isEqualTo(data);
        object.close();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void thresholdBoundaryIsInclusive() throws IOException {
        byte[] data = randomBytes(4096);
        try (SpooledObject object = new Spool(folder, 4096).spool(new ByteArrayInputStream(data))) {
            assertThat(spoolFiles()).isEmpty();
            assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(data)));
        }
        try (SpooledObject object = new Spool(folder, 4095).spool(new ByteArrayInputStream(data))) {
            assertThat(spoolFiles()).hasSize(1);
            assertThat(readAll(object)).isEqualTo(data);
        }
    }

    @Test
    void aFailingStreamLeavesNoSpoolFile() {
        InputStream failing = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served++ > 200_000) {
                    throw new IOException("No space left on device");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> new Spool(folder, 1000).spool(failing)).hasMessageContaining("No space left");
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aClosedObjectRefusesFurtherReadsInsteadOfTouchingFreedMemory() throws IOException {
        SpooledObject object = new Spool(folder, 4096).spool(new ByteArrayInputStream(randomBytes(1000)));
        InputStream stream = object.openStream();
        assertThat(stream.read()).isNotNegative();
        object.close();
        assertThatThrownBy(stream::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThatThrownBy(object::bytes).isInstanceOf(IOException.class).hasMessageContaining("closed");
        object.close();
    }

    @Test
    void closingUnmapsSoThousandsOfFilesDoNotAccumulateMappings() throws IOException {
        Path file = folder.resolve("object.dcm");
        Files.write(file, randomBytes(64 * 1024));
        for (int i = 0; i < 3000; i++) {
            try (SpooledObject object = SpooledObject.open(file)) {
                assertThat(object.bytes().get(0)).isEqualTo(Files.readAllBytes(file)[0]);
            }
        }
        long mappingsOfFile = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(line -> line.endsWith(file.toString())).count();
        assertThat(mappingsOfFile).isLessThan(10);
    }

    @Test
    void openedFileIsHashedOnDemandAndNeverDeleted() throws IOException {
        byte[] data = randomBytes(5000);
        Path file = folder.resolve("object.dcm");
        Files.write(file, data);
        try (SpooledObject object = SpooledObject.open(file)) {
            assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(data)));
            object.copyTo(folder.resolve("copy.dcm"));
        }
        assertThat(file).exists();
        assertThat(Files.readAllBytes(folder.resolve("copy.dcm"))).isEqualTo(data);
    }

    @Test
    void readingStopsAtTheLimitAndNoMoreThanTheLimitReachesTheDisk() throws IOException {
        byte[] data = randomBytes(1_000_000);
        CountingStream sender = new CountingStream(data);
        try (SpooledObject object = new Spool(folder, 1024, 200_000).spool(sender)) {
            assertThat(object.complete()).isFalse();
            assertThat(object.size()).isGreaterThan(200_000);
            assertThat(sender.served).as("read no further than one chunk past the limit").isLessThan(300_000);
            assertThat(spoolFiles()).singleElement()
                    .satisfies(f -> assertThat(Files.size(f)).isLessThanOrEqualTo(200_000));
            assertThat(object.sha256()).isNull();
            assertThatThrownBy(object::bytes).isInstanceOf(ObjectTooLargeException.class);
            assertThat(readAll(object)).as("streamed on, unscanned, the object is whole").isEqualTo(data);
        }
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void anObjectOverTheLimitThatFitsInMemoryIsStoppedToo() throws IOException {
        byte[] data = randomBytes(100_000);
        try (SpooledObject object = new Spool(folder, 1 << 20, 4096).spool(new CountingStream(data))) {
            assertThat(object.complete()).isFalse();
            assertThat(spoolFiles()).isEmpty();
            assertThat(readAll(object)).isEqualTo(data);
        }
    }

    @Test
    void anObjectOfExactlyTheLimitIsComplete() throws IOException {
        byte[] data = randomBytes(8 * 1024);
        try (SpooledObject object = new Spool(folder, 1024, 8 * 1024).spool(new ByteArrayInputStream(data))) {
            assertThat(object.complete()).isTrue();
            assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(data)));
        }
    }

    @Test
    void consecutiveObjectsReuseOneBlockOfMemory() throws IOException {
        try (Spool spool = new Spool(folder, 4096)) {
            for (int i = 0; i < 10; i++) {
                byte[] data = randomBytes(1000 + i);
                try (SpooledObject object = spool.spool(new ByteArrayInputStream(data))) {
                    assertThat(readAll(object)).isEqualTo(data);
                    assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(data)));
                }
            }
            assertThat(spool.memoryBlocks()).isEqualTo(1);
        }
    }

    @Test
    void aSmallObjectIsHashedOnlyWhenAskedFor() throws IOException {
        byte[] data = randomBytes(1000);
        try (Spool spool = new Spool(folder, 4096);
             SpooledObject object = spool.spool(new ByteArrayInputStream(data))) {
            assertThat(object.knownSha256()).isNull();
            assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(data)));
        }
    }

    @Test
    void concurrentObjectsBeyondTheMemoryBlocksGoToFilesSoMemoryStaysBounded() throws IOException {
        List<SpooledObject> open = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        try (Spool spool = new Spool(folder, 4096)) {
            for (int i = 0; i < SpoolMemory.BLOCKS + 3; i++) {
                sent.add(randomBytes(2000 + i));
                open.add(spool.spool(new ByteArrayInputStream(sent.get(i))));
            }
            assertThat(spool.memoryBlocks()).isEqualTo(SpoolMemory.BLOCKS);
            assertThat(spoolFiles()).hasSize(3);
            for (int i = 0; i < open.size(); i++) {
                assertThat(readAll(open.get(i))).isEqualTo(sent.get(i));
            }
            for (SpooledObject object : open) {
                object.close();
            }
            assertThat(spoolFiles()).isEmpty();
            try (SpooledObject next = spool.spool(new ByteArrayInputStream(randomBytes(100)))) {
                assertThat(spoolFiles()).isEmpty();
                assertThat(spool.memoryBlocks()).isEqualTo(SpoolMemory.BLOCKS);
            }
        }
    }

    @Test
    void aBlockStillLentWhenTheSpoolClosesIsFreedWhenItsObjectCloses() throws IOException {
        Spool spool = new Spool(folder, 4096);
        SpooledObject lent = spool.spool(new ByteArrayInputStream(randomBytes(100)));
        try (SpooledObject idle = spool.spool(new ByteArrayInputStream(randomBytes(100)))) {
            assertThat(spool.memoryBlocks()).isEqualTo(2);
        }
        spool.close();
        assertThat(spool.memoryBlocks()).isEqualTo(1);
        lent.close();
        assertThat(spool.memoryBlocks()).isZero();
        try (SpooledObject afterClose = spool.spool(new ByteArrayInputStream(randomBytes(100)))) {
            assertThat(spool.memoryBlocks()).isZero();
            assertThat(spoolFiles()).hasSize(1);
        }
    }

    @Test
    void aSpoolFileIsWrittenOutWithoutBeingMapped() throws IOException {
        byte[] data = randomBytes(300_000);
        Path copy = folder.resolve("copy.dcm");
        try (SpooledObject object = new Spool(folder, 1000).spool(new ByteArrayInputStream(data));
             java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(copy,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            object.writeTo(out);
            Path spooled = spoolFiles()[0];
            long mappings = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(line -> line.endsWith(spooled.toString())).count();
            assertThat(mappings).isZero();
        }
        assertThat(Files.readAllBytes(copy)).isEqualTo(data);
    }

    /** A sender's stream that counts what it served. */
    private static final class CountingStream extends ByteArrayInputStream {
        long served;

        CountingStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            served += Math.max(n, 0);
            return n;
        }
    }

    private Path[] spoolFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("spool-")).toArray(Path[]::new);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(SpooledObject object) throws IOException {
        try (InputStream in = object.openStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] data = new byte[n];
        new Random(n).nextBytes(data);
        return data;
    }
}
