package org.yaraguard.rules.adversarial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.yaraguard.rules.samples.FakeContent;

/**
 * Harmless payloads with the structure the rules must recognise: headers of executables with nothing runnable behind
 * them, containers, the EICAR string. None carries the DOS stub sentence, so only structure can give them away.
 */
final class Payloads {

    private static final long FIXED_ZIP_TIME = 1_700_000_000_000L;

    private Payloads() {
    }

    /** "MZ", e_lfanew 0x40, "PE\0\0", a COFF header (x86-64, one section, optional header PE32+), zeros to 256. */
    static byte[] pe() {
        return pe(0x40, 256);
    }

    /** A PE whose "PE\0\0" sits at {@code lfanew}; the COFF header follows it. */
    static byte[] pe(int lfanew, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 'M').put((byte) 'Z').putShort((short) 0x90).putShort((short) 3);
        bytes.putInt(0x3C, lfanew);
        if (lfanew + 26 <= length) {
            bytes.position(lfanew);
            bytes.put((byte) 'P').put((byte) 'E').putShort((short) 0)
                    .putShort((short) 0x8664).putShort((short) 1).putInt(0).putInt(0).putInt(0)
                    .putShort((short) 0xF0).putShort((short) 0x0022).putShort((short) 0x020B);
        }
        return bytes.array();
    }

    /** The MZ half of a PE: only the DOS header, with e_lfanew pointing past its end. */
    static byte[] dosHeaderOnly(int lfanew) {
        return Arrays.copyOf(pe(lfanew, 64), 64);
    }

    /** The PE half: "PE\0\0" and its COFF header, as {@link #pe(int, int)} writes it at e_lfanew. */
    static byte[] peSignatureAndCoff() {
        return Arrays.copyOfRange(pe(0x40, 0x40 + 26), 0x40, 0x40 + 26);
    }

    static byte[] elf() {
        return FakeContent.elfHeader(64);
    }

    static byte[] macho() {
        return FakeContent.machoHeader(0xCFFAEDFE, 64);
    }

    static byte[] eicar() {
        return FakeContent.eicar().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A PE whose e_lfanew (0x11000) lies beyond 64 KiB and whose PE32 optional header declares two data directories
     * (SizeOfOptionalHeader 0x70, not the usual 0xE0): both legal for the Windows loader.
     */
    static byte[] peFarWithShortOptionalHeader() {
        int lfanew = 0x11000;
        ByteBuffer bytes = ByteBuffer.allocate(lfanew + 24 + 0x70).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 'M').put((byte) 'Z').putShort((short) 0x90).putShort((short) 3);
        bytes.putInt(0x3C, lfanew);
        bytes.position(lfanew);
        bytes.put((byte) 'P').put((byte) 'E').putShort((short) 0)
                .putShort((short) 0x014C).putShort((short) 1).putInt(0).putInt(0).putInt(0)
                .putShort((short) 0x70).putShort((short) 0x0102).putShort((short) 0x010B);
        bytes.putInt(lfanew + 24 + 92, 2);
        return bytes.array();
    }

    /** A real ZIP (java.util.zip) holding one member with this name, whose content is {@link #pe()}. */
    static byte[] zipHolding(String memberName) {
        return zipHolding(memberName, null);
    }

    /**
     * A ZIP whose member is named {@code headerName} in its headers and {@code unicodeName} in an Info-ZIP Unicode
     * Path extra field (0x7075), which 7-Zip and Info-ZIP unzip use for the extracted file's name instead.
     */
    static byte[] zipWithUnicodePath(String headerName, String unicodeName) {
        byte[] name = headerName.getBytes(StandardCharsets.UTF_8);
        byte[] unicode = unicodeName.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(name);
        ByteBuffer extra = ByteBuffer.allocate(9 + unicode.length).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x7075).putShort((short) (5 + unicode.length)).put((byte) 1)
                .putInt((int) crc.getValue()).put(unicode);
        return zipHolding(headerName, extra.array());
    }

    private static byte[] zipHolding(String memberName, byte[] extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry(memberName);
            entry.setTime(FIXED_ZIP_TIME);
            if (extra != null) {
                entry.setExtra(extra);
            }
            zip.putNextEntry(entry);
            zip.write(pe());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Sixteen bytes a vendor might put before its own data. */
    static byte[] vendorHeader() {
        return "ACMEVNDR\u0001\u0000\u0002\u0000HDR\u0000".getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Each 16-bit word with its two bytes exchanged: how a big-endian OW value carries little-endian bytes. */
    static byte[] swapWords(byte[] bytes) {
        return swap(bytes, 2);
    }

    /**
     * Each {@code width}-byte unit reversed (2 for OW/US/SS, 4 for OF/OL/FL/UL, 8 for OD/OV/FD), padded with zeros
     * to a whole number of units: how a big-endian value carries the little-endian bytes an archive will write.
     */
    static byte[] swap(byte[] bytes, int width) {
        int units = (bytes.length + width - 1) / width;
        byte[] swapped = Arrays.copyOf(bytes, units * width);
        for (int unit = 0; unit < units; unit++) {
            for (int i = 0; i < width / 2; i++) {
                int a = unit * width + i;
                int b = unit * width + width - 1 - i;
                byte first = swapped[a];
                swapped[a] = swapped[b];
                swapped[b] = first;
            }
        }
        return swapped;
    }

    /** {@code payload} written into {@code filler} at {@code offset}. */
    static byte[] at(byte[] filler, int offset, byte[] payload) {
        byte[] bytes = filler.clone();
        System.arraycopy(payload, 0, bytes, offset, payload.length);
        return bytes;
    }
}
