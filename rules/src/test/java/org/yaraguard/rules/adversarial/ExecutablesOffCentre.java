package org.yaraguard.rules.adversarial;

import static org.yaraguard.rules.adversarial.Payloads.concat;
import static org.yaraguard.rules.adversarial.Payloads.pe;
import static org.yaraguard.rules.adversarial.Payloads.vendorHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Class 1: executables and executable-bearing containers that do not start at the first byte of a region. */
final class ExecutablesOffCentre {

    private ExecutablesOffCentre() {
    }

    static void addTo(AdversarialCorpus corpus) throws IOException {
        Specimens specimens = corpus.specimens();

        Specimen vendor = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(vendor.dataset(), "OB", concat(vendorHeader(), pe()));
        corpus.malicious(1, "pe-behind-vendor-header-private-ob", Arrival.stowRs(), vendor.part10(),
                "a 16-byte vendor header before MZ in a large private OB: the PE test looks at offset 0 only");

        Specimen odd = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(odd.dataset(), "UN", concat(Payloads.ascii("ACME-07"), pe(0x40, 320)));
        corpus.malicious(1, "pe-at-odd-offset-private-un", Arrival.cStore(Encoding.EXPLICIT_LE), odd.bare(),
                "MZ at offset 7 (odd) of a private UN value sent over C-STORE");

        Specimen far = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(far.dataset(), "OB", concat(new byte[32], pe(0x1000, 0x1200)));
        corpus.malicious(1, "pe-far-lfanew-private-ob", Arrival.stowRs(), far.part10(),
                "MZ at offset 32 of a private OB whose e_lfanew leads 4 KiB further to PE\\0\\0");

        Specimen padded = specimens.image(Encoding.EXPLICIT_LE);
        padded.dataset().thenRaw(concat(new byte[64], zeroTagHeader(256), pe()));
        corpus.malicious(1, "pe-after-zero-padding-trailing", Arrival.stowRs(), padded.part10(),
                "64 zero bytes after the dataset, then a (0000,0000) element whose 256-byte value is a PE");

        byte[] pdf = PdfBuilder.onePage("Discharge summary")
                .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                .object(6, "<< /Length 256 >>\nstream\n" + new String(pe(), StandardCharsets.ISO_8859_1)
                        + "\nendstream")
                .build(PdfBuilder.StreamFilter.FLATE);
        corpus.malicious(1, "pe-inside-encapsulated-pdf", Arrival.stowRs(),
                specimens.pdf(Encoding.EXPLICIT_LE, pdf).part10(),
                "a PE as a raw stream in the middle of an encapsulated PDF, no DOS stub text");

        Specimen zip = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(zip.dataset(), "OB", concat(vendorHeader(), Payloads.zipHolding("setup.exe")));
        corpus.malicious(1, "zip-with-exe-member-behind-header", Arrival.stowRs(), zip.part10(),
                "a ZIP whose member is setup.exe, 16 bytes into a private OB");

        Specimen farPe = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(farPe.dataset(), "OB", concat(vendorHeader(), Payloads.peFarWithShortOptionalHeader()));
        corpus.malicious(1, "pe-lfanew-beyond-64-kib-short-optional-header", Arrival.stowRs(), farPe.part10(),
                "a PE32 whose PE\\0\\0 sits 68 KiB after MZ, with two data directories (SizeOfOptionalHeader 0x70)");

        String longPath = "scans/" + "department-of-radiology-archive/".repeat(34) + "viewer.exe";
        addZip(corpus, specimens, "zip-member-name-over-1024-chars", Payloads.zipHolding(longPath),
                "a ZIP member path of " + longPath.length() + " characters (directories) that ends in viewer.exe");
        addZip(corpus, specimens, "zip-member-name-trailing-dot", Payloads.zipHolding("setup.exe."),
                "a ZIP member setup.exe. (Windows drops trailing dots: it is extracted as setup.exe)");
        addZip(corpus, specimens, "zip-unicode-path-names-exe", Payloads.zipWithUnicodePath("readme.txt",
                        "setup.exe"),
                "a ZIP member named readme.txt whose Info-ZIP Unicode Path extra field names setup.exe");
        addZip(corpus, specimens, "zip-with-chm-member", Payloads.zipHolding("manual.chm"),
                "a ZIP holding compiled HTML help (.chm), which runs script when opened");

        Specimen script = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(script.dataset(), "OB", Payloads.zipHolding("report.pdf.ps1"));
        corpus.malicious(1, "zip-with-ps1-member-private-ob", Arrival.stowRs(), script.part10(),
                "a ZIP at the start of a private OB holding a PowerShell script: containers alone are only tagged");

        byte[] zipInPdf = PdfBuilder.onePage("Referral letter")
                .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                .object(6, "<< /Length 0 >>\nstream\n" + new String(Payloads.zipHolding("scan viewer.lnk"),
                        StandardCharsets.ISO_8859_1) + "\nendstream")
                .build(PdfBuilder.StreamFilter.FLATE);
        corpus.malicious(1, "zip-with-lnk-member-inside-pdf", Arrival.stowRs(),
                specimens.pdf(Encoding.EXPLICIT_LE, zipInPdf).part10(),
                "a ZIP holding a Windows shortcut (.lnk), as a raw stream in the middle of an encapsulated PDF");

        byte[] brokenMz = ByteBuffer.allocate(Part10.PREAMBLE_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'M').put((byte) 'Z').putShort((short) 0x90).putInt(0x3C, 0x7FFF0000).array();
        Specimen polyglot = specimens.image(Encoding.EXPLICIT_LE);
        corpus.malicious(1, "mz-preamble-broken-lfanew", Arrival.stowRs(),
                Part10.file(brokenMz, Encoding.EXPLICIT_LE.uid(), polyglot.sopClass(), polyglot.sopInstance(),
                        polyglot.bare(), 0),
                "a DOS executable header in the preamble whose e_lfanew leads past the end of the file");
    }

    private static void addZip(AdversarialCorpus corpus, Specimens specimens, String name, byte[] zip, String idea)
            throws IOException {
        Specimen specimen = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(specimen.dataset(), "OB", concat(vendorHeader(), zip));
        corpus.malicious(1, name, Arrival.stowRs(), specimen.part10(), idea + ", 16 bytes into a private OB");
    }

    /**
     * The 8 bytes DCMTK reads as element (0000,0000) with an unknown two-byte VR "\0\0" and a two-byte length: zero
     * padding that still carries a value.
     */
    static byte[] zeroTagHeader(int length) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putShort((short) 0)
                .putShort((short) length).array();
    }
}
