package org.yaraguard.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.yaraguard.audit.spool.AuditSpool;

/**
 * What {@link AuditOutbox#submit} could cost the storing thread, printed, not asserted: the spool file written on
 * the caller's thread against a hand-off to a bounded in-memory queue (what SpoolingOutbox does: the sender thread
 * writes the file; only what is queued when the JVM dies is lost). Run: {@code java -cp audit/target/classes:audit/target/test-classes
 * org.yaraguard.audit.SubmitCostBench [FOLDER]} (FOLDER on the disk the spool will use; default a temp folder).
 */
public final class SubmitCostBench {

    private static final int MESSAGES = 5_000;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path base = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("audit-bench");
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><AuditMessage>" + "x".repeat(3_000)
                + "</AuditMessage>").getBytes(StandardCharsets.UTF_8);
        for (int round = 1; round <= ROUNDS; round++) {
            Path dir = base.resolve("round-" + round);
            AuditSpool spool = new AuditSpool(dir, Long.MAX_VALUE);
            long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                spool.write(xml, Instant.now(), 0);
            }
            long fileNanos = (System.nanoTime() - start) / MESSAGES;

            BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(MESSAGES);
            start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                queue.offer(xml);
            }
            long queueNanos = (System.nanoTime() - start) / MESSAGES;
            System.out.printf("round %d: spool file on the caller's thread %,d ns/message; queue hand-off %,d"
                    + " ns/message (%d messages of %d bytes)%n", round, fileNanos, queueNanos, MESSAGES, xml.length);
            for (var f : spool.waiting()) {
                spool.delete(f);
            }
            Files.delete(dir);
        }
    }
}
