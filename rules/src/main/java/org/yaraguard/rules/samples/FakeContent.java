package org.yaraguard.rules.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Harmless byte patterns that look like what the rules hunt for: executable headers with nothing behind
 * them (no code, no sections, not runnable), scripts that do nothing, configs, containers, the EICAR string.
 */
public final class FakeContent {

    private FakeContent() {
    }

    /** "MZ" with e_lfanew at 0x3C = {@code peOffset}, and the PE header there when it fits in {@code length}. */
    public static byte[] peHeader(int peOffset, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 'M').put((byte) 'Z');
        bytes.putInt(0x3C, peOffset);
        byte[] signature = peSignature();
        if (peOffset + signature.length <= length) {
            bytes.put(peOffset, signature);
        }
        return bytes.array();
    }

    /**
     * "PE\0\0" and the COFF header of a 32-bit image (machine i386, one section, a 0xE0-byte optional header,
     * executable-image flag) followed by the optional header's magic 0x10B: the header a loader reads, with no
     * section, code or data behind it.
     */
    public static byte[] peSignature() {
        ByteBuffer bytes = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 'P').put((byte) 'E').putShort((short) 0).putShort((short) 0x014C).putShort((short) 1);
        bytes.putShort(20, (short) 0xE0).putShort(22, (short) 0x0102).putShort(24, (short) 0x010B);
        return bytes.array();
    }

    /** A PE header followed by the classic DOS stub text, padded with zeros to {@code length}. */
    public static byte[] peWithDosStub(int length) {
        byte[] bytes = peHeader(0x80, length);
        byte[] stub = "This program cannot be run in DOS mode.\r\r\n$".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, bytes, 0x4E, stub.length);
        return bytes;
    }

    /** "MZ" alone, e_lfanew pointing at zeros: not a PE. */
    public static byte[] mzWithoutPe(int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 'M').put((byte) 'Z').putInt(0x3C, 0x40);
        return bytes.array();
    }

    /** An ELF64 little-endian header (type EXEC, x86-64) followed by zeros. */
    public static byte[] elfHeader(int length) {
        byte[] bytes = new byte[length];
        byte[] ident = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(ident, 0, bytes, 0, ident.length);
        bytes[16] = 2;
        bytes[18] = 0x3E;
        bytes[20] = 1;
        return bytes;
    }

    /** A thin Mach-O header: {@code magic} as written in the file (e.g. 0xCFFAEDFE), CPU x86-64, zeros. */
    public static byte[] machoHeader(int magic, int length) {
        boolean littleEndian = magic == 0xCEFAEDFE || magic == 0xCFFAEDFE;
        ByteBuffer bytes = ByteBuffer.allocate(length).putInt(magic);
        bytes.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        bytes.putInt(0x01000007).putInt(3).putInt(2);
        return bytes.array();
    }

    /** A fat (universal) Mach-O header: CAFEBABE and two architectures. */
    public static byte[] machoFatHeader(int length) {
        return ByteBuffer.allocate(length).putInt(0xCAFEBABE).putInt(2).putInt(0x01000007).array();
    }

    /** A Java class file header: CAFEBABE, minor 0, major 52 (Java 8). */
    public static byte[] javaClassHeader(int length) {
        return ByteBuffer.allocate(length).putInt(0xCAFEBABE).putShort((short) 0).putShort((short) 52).array();
    }

    /** A shell script that does nothing. */
    public static byte[] shebangScript() {
        return ascii("#!/bin/sh\n# YARA Guard test sample: harmless\nexit 0\n");
    }

    /** HTML with an empty script element. */
    public static byte[] htmlPage() {
        return ascii("<html><body><script>/* YARA Guard test sample */</script></body></html>\n");
    }

    /** An Orthanc-like configuration (CVE-2023-33466 planted one in a preamble). */
    public static byte[] orthancConfig() {
        return ascii("{\"Name\":\"sample\",\"RemoteAccessAllowed\":true,\"AuthenticationEnabled\":false,"
                + "\"LuaScripts\":[]}\n");
    }

    /** A JSON object with none of Orthanc's keys. */
    public static byte[] genericJsonConfig() {
        return ascii("{\n  \"server\": {\"port\": 8042},\n  \"debug\": true\n}\n");
    }

    /** Vendor text in a preamble: odd but not dangerous. */
    public static byte[] vendorText() {
        return ascii("ACME MODALITY 1.0 SAMPLE PREAMBLE");
    }

    /**
     * A little-endian TIFF header with its IFD inside the preamble, describing a 16-bit grey image whose
     * strip is the DICOM pixel data: the dual-format file PS3.10 allows.
     */
    public static byte[] tiffHeader(long pixelOffset, int columns, int rows) {
        ByteBuffer bytes = ByteBuffer.allocate(Part10File.PREAMBLE_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int[][] entries = {
            {256, 3, columns}, {257, 3, rows}, {258, 3, 16}, {259, 3, 1}, {262, 3, 1},
            {273, 4, (int) pixelOffset}, {277, 3, 1}, {278, 3, rows}, {279, 4, columns * rows * 2},
        };
        bytes.putShort((short) entries.length);
        for (int[] entry : entries) {
            bytes.putShort((short) entry[0]).putShort((short) entry[1]).putInt(1);
            if (entry[1] == 3) {
                bytes.putShort((short) entry[2]).putShort((short) 0);
            } else {
                bytes.putInt(entry[2]);
            }
        }
        bytes.putInt(0);
        return bytes.array();
    }

    private static final long FIXED_ZIP_TIME = 1_700_000_000_000L;

    /** A real ZIP archive holding one short text file, padded with zeros to at least {@code minLength}. */
    public static byte[] zipArchive(int minLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("readme.txt");
            entry.setTime(FIXED_ZIP_TIME);   // the same seed must give the same bytes, whatever the clock says
            zip.putNextEntry(entry);
            zip.write(ascii("YARA Guard test sample: a harmless archive.\n"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] zip = out.toByteArray();
        return zip.length >= minLength ? zip : Arrays.copyOf(zip, minLength);
    }

    /** An OLE2 compound file header (as in .doc/.xls/.msi) followed by zeros. */
    public static byte[] oleHeader(int length) {
        return ByteBuffer.allocate(length)
                .put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})
                .array();
    }

    /** The EICAR anti-malware test string, assembled at run time so this class file does not contain it. */
    public static String eicar() {
        return String.join("", "X5O!P%@AP[4\\PZX5", "4(P^)7CC)7}$", "EICAR-STANDARD-ANTIV", "IRUS-TEST-FILE!$H+H*");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
