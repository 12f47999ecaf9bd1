package org.yaraguard.engine.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.yara.Yara;
import org.yaraguard.engine.yara.YaraCompiler;
import org.yaraguard.engine.yara.YaraMatch;
import org.yaraguard.engine.yara.YaraRules;

class ReadBufferTest {

    private static final int CAPACITY = 4096;
    private static final byte[] MARKER = "END-MARKER".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;

    @Test
    void holdsOneFileAtATimeAndReadsLargerFilesWithinTheBudget() throws IOException {
        byte[] small = randomBytes(3000);
        byte[] large = randomBytes(50_000);
        Path smallFile = Files.write(folder.resolve("small.dcm"), small);
        Path largeFile = Files.write(folder.resolve("large.dcm"), large);
        ReadBudget budget = new ReadBudget(60_000);
        try (ReadBuffer buffer = new ReadBuffer(CAPACITY, budget)) {
            for (int i = 0; i < 200; i++) {
                try (SpooledObject object = buffer.open(i % 2 == 0 ? smallFile : largeFile)) {
                    byte[] expected = i % 2 == 0 ? small : large;
                    assertThat(object.size()).isEqualTo(expected.length);
                    assertThat(object.bytes().isDirect()).isTrue();
                    assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(expected)));
                    assertThat(budget.held()).isEqualTo(i % 2 == 0 ? 0 : 60_000);
                    assertThatThrownBy(() -> buffer.open(smallFile)).isInstanceOf(IllegalStateException.class);
                    assertThatThrownBy(buffer::close).isInstanceOf(IllegalStateException.class);
                    assertThat(mappingsOf(largeFile)).isZero();
                }
                assertThat(budget.held()).isZero();
            }
        }
    }

    @Test
    void theOwnBufferGrowsWithTheFilesReadNotToItsWholeCapacity() throws IOException {
        byte[] small = randomBytes(3000);
        byte[] larger = randomBytes(300_000);
        Path smallFile = Files.write(folder.resolve("small.dcm"), small);
        Path largerFile = Files.write(folder.resolve("larger.dcm"), larger);
        try (ReadBuffer buffer = new ReadBuffer(8 << 20, new ReadBudget(0))) {
            for (Path file : new Path[] {smallFile, largerFile, smallFile}) {
                try (SpooledObject object = buffer.open(file)) {
                    byte[] expected = file == smallFile ? small : larger;
                    assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(expected)));
                }
            }
            assertThat(buffer.allocated()).as("grown for the larger file only").isBetween(300_000, 1 << 20);
        }
    }

    /** Read, then truncated by someone else before libyara scans it: a mapped file would kill the JVM with SIGBUS. */
    @Test
    void aFileTruncatedAfterItWasOpenedIsScannedAsItWasRead() throws Exception {
        ReadBudget budget = new ReadBudget(1 << 20);
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("truncation", "rule end_marker { strings: $m = \"END-MARKER\" condition: $m }", "t.yar");
        try (YaraRules rules = compiler.compile(); YaraRules.Lease lease = rules.lease().orElseThrow();
             ReadBuffer buffer = new ReadBuffer(CAPACITY, budget)) {
            for (int size : new int[] {CAPACITY, 512 * 1024}) {
                byte[] data = randomBytes(size);
                System.arraycopy(MARKER, 0, data, size - MARKER.length, MARKER.length);
                Path file = Files.write(folder.resolve("changing-" + size + ".dcm"), data);
                try (SpooledObject object = buffer.open(file)) {
                    ByteBuffer bytes = object.bytes();
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(0);
                    }
                    assertThat(lease.scan(bytes, Map.of(), Duration.ofSeconds(10)))
                            .extracting(YaraMatch::rule).extracting(r -> r.identifier()).containsExactly("end_marker");
                    assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(data)));
                    assertThat(mappingsOf(file)).isZero();
                }
            }
        }
    }

    @Test
    void aFileLargerThanTheWholeBudgetIsNeitherReadNorMapped() throws IOException {
        byte[] data = randomBytes(20_000);
        Path file = Files.write(folder.resolve("huge.dcm"), data);
        ReadBudget budget = new ReadBudget(10_000);
        try (ReadBuffer buffer = new ReadBuffer(CAPACITY, budget); SpooledObject object = buffer.open(file)) {
            assertThat(object.size()).isEqualTo(20_000);
            assertThatThrownBy(object::bytes).isInstanceOf(ObjectTooLargeException.class)
                    .hasMessageContaining("limit of 10000 bytes");
            assertThat(object.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(data)));
            assertThat(budget.held()).isZero();
            assertThat(mappingsOf(file)).isZero();
        }
    }

    @Test
    void aLargeFileWaitsUntilAnotherReaderGivesItsBudgetBack() throws Exception {
        Path file = Files.write(folder.resolve("large.dcm"), randomBytes(64_000));
        ReadBudget budget = new ReadBudget(100_000);
        try (ReadBuffer first = new ReadBuffer(CAPACITY, budget); ReadBuffer second = new ReadBuffer(CAPACITY, budget)) {
            SpooledObject held = first.open(file);
            Thread[] waiter = new Thread[1];
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> {
                waiter[0] = Thread.currentThread();
                try (SpooledObject object = second.open(file)) {
                    return object.size();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!read.isDone() && (waiter[0] == null || waiter[0].getState() != Thread.State.WAITING)) {
                Thread.onSpinWait();
            }
            assertThat(read).isNotDone();
            held.close();
            assertThat(read.get()).isEqualTo(64_000);
            assertThat(budget.held()).isZero();
        }
    }

    /** A buffer kept from an earlier file never blocks a larger one: it is freed to make room. */
    @Test
    void aKeptBufferTooSmallForTheNextFileMakesRoomForIt() throws Exception {
        Path smaller = Files.write(folder.resolve("smaller.dcm"), randomBytes(1_500_000));
        byte[] largerBytes = randomBytes(2_500_000);
        Path larger = Files.write(folder.resolve("larger.dcm"), largerBytes);
        ReadBudget budget = new ReadBudget(3 << 20);
        try (ReadBuffer buffer = new ReadBuffer(CAPACITY, budget)) {
            buffer.open(smaller).close();
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                try (SpooledObject object = buffer.open(larger)) {
                    return object.sha256();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(read.get(1, TimeUnit.MINUTES)).as("hang guard only").isEqualTo(Sha256.of(ByteBuffer.wrap(largerBytes)));
            assertThat(budget.held()).isZero();
        } finally {
            budget.close();
        }
    }

    private static long mappingsOf(Path file) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.endsWith(file.toString())).count();
    }

    private static byte[] randomBytes(int n) {
        byte[] data = new byte[n];
        new Random(n).nextBytes(data);
        return data;
    }
}
