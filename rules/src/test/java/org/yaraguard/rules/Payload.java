package org.yaraguard.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.yaraguard.rules.samples.FakeContent;

/** Byte patterns the rule tests place at awkward offsets: headers, containers, noise and look-alikes. */
final class Payload {

    private Payload() {
    }

    /** "MZ" whose e_lfanew leads to a COFF header with no optional header magic: only the MZ makes it a PE. */
    static byte[] peNeedingMz(int lfanew, int length) {
        return at(Arrays.copyOf(dosHeader(lfanew), length), lfanew, coffWithoutOptionalMagic());
    }

    /** The 64-byte DOS header alone: "MZ" and e_lfanew. */
    static byte[] dosHeader(int lfanew) {
        return ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'M').put((byte) 'Z')
                .putInt(0x3C, lfanew).array();
    }

    /**
     * "MZ" and, beyond 64 KiB, a PE32 header with only two data directories (optional header size 0x70): both legal
     * for the Windows loader.
     */
    static byte[] peFarWithShortOptionalHeader() {
        int lfanew = 0x11000;
        byte[] coff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'P').put((byte) 'E')
                .putShort((short) 0).putShort((short) 0x014C).putShort((short) 1).putShort(20, (short) 0x70)
                .putShort(22, (short) 0x0102).putShort(24, (short) 0x010B).array();
        return at(Arrays.copyOf(dosHeader(lfanew), lfanew + 24 + 0x70), lfanew, coff);
    }

    /** "PE\0\0", AMD64, one section, optional header size 0xF0, and no optional header after it. */
    static byte[] coffWithoutOptionalMagic() {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'P').put((byte) 'E')
                .putShort((short) 0).putShort((short) 0x8664).putShort((short) 1).putShort(20, (short) 0xF0)
                .putShort(22, (short) 0x0022).array();
    }

    /** A real ZIP (java.util.zip, deflated) with one member of this name. */
    static byte[] zipHolding(String memberName) {
        return zipHolding(memberName, new byte[0]);
    }

    /**
     * A ZIP whose member is named {@code headerName} in its headers, with an extended-timestamp extra field and then
     * an Info-ZIP Unicode Path field (0x7075) naming {@code unicodeName}, the name 7-Zip and unzip extract to.
     */
    static byte[] zipWithUnicodePath(String headerName, String unicodeName) {
        byte[] unicode = ascii(unicodeName);
        CRC32 crc = new CRC32();
        crc.update(ascii(headerName));
        byte[] timestamp = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x5455)
                .putShort((short) 5).put((byte) 1).putInt(1_700_000_000).array();
        byte[] unicodePath = ByteBuffer.allocate(9 + unicode.length).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x7075).putShort((short) (5 + unicode.length)).put((byte) 1)
                .putInt((int) crc.getValue()).put(unicode).array();
        return zipHolding(headerName, concat(timestamp, unicodePath));
    }

    private static byte[] zipHolding(String memberName, byte[] extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry(memberName);
            entry.setTime(1_700_000_000_000L);
            if (extra.length > 0) {
                entry.setExtra(extra);
            }
            zip.putNextEntry(entry);
            zip.write(FakeContent.peWithDosStub(512));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Seeded random bytes, as compressed pixel data or vendor blobs look. */
    static byte[] noise(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A 16-bit little-endian value repeated: a flat image whose pixels all read {@code pixel}. */
    static byte[] flat16(int pixel, int pixels) {
        ByteBuffer bytes = ByteBuffer.allocate(2 * pixels).order(ByteOrder.LITTLE_ENDIAN);
        while (bytes.hasRemaining()) {
            bytes.putShort((short) pixel);
        }
        return bytes.array();
    }

    /** {@code payload} written into a copy of {@code filler} at {@code offset}. */
    static byte[] at(byte[] filler, int offset, byte[] payload) {
        byte[] bytes = filler.clone();
        System.arraycopy(payload, 0, bytes, offset, payload.length);
        return bytes;
    }

    /** Each 16-bit word with its bytes exchanged (a big-endian OW value on the wire). */
    static byte[] swapped(byte[] bytes) {
        byte[] swapped = Arrays.copyOf(bytes, bytes.length + bytes.length % 2);
        for (int i = 0; i + 1 < swapped.length; i += 2) {
            byte first = swapped[i];
            swapped[i] = swapped[i + 1];
            swapped[i + 1] = first;
        }
        return swapped;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
