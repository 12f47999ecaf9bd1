package org.yaraguard.rules.adversarial;

import static org.yaraguard.rules.adversarial.Payloads.pe;

import java.io.IOException;
import java.util.List;
/**
 * Class 6: encodings that hide bytes: big-endian OW values (byte-swapped on the wire, written verbatim once an
 * archive converts to little endian), PDF actions only inside compressed object streams, deflated datasets.
 */
final class HidingEncodings {

    private static final String SCRIPT = "app.alert\\('YARA Guard adversarial sample'\\);";

    private HidingEncodings() {
    }

    static void addTo(AdversarialCorpus corpus) throws IOException {
        Specimens specimens = corpus.specimens();

        Specimen swappedPrivate = specimens.image(Encoding.EXPLICIT_BE);
        Specimens.withPrivate(swappedPrivate.dataset(), "OW", Payloads.swapWords(pe()));
        corpus.malicious(6, "big-endian-private-ow-swapped-pe", Arrival.stowRs(), swappedPrivate.part10(),
                "explicit VR big endian: a private OW whose words, once swapped to little endian, are a PE");

        byte[] pixels = Payloads.at(Specimens.pixels(Specimens.SIDE, Specimens.SIDE), 0, Payloads.elf());
        corpus.malicious(6, "big-endian-pixel-data-swapped-elf", Arrival.stowRs(),
                specimens.image(Encoding.EXPLICIT_BE, pixels).part10(),
                "explicit VR big endian pixel data that is an ELF header once converted to little endian");

        Specimen swappedBare = specimens.image(Encoding.EXPLICIT_BE);
        Specimens.withPrivate(swappedBare.dataset(), "OW", Payloads.swapWords(Payloads.macho()));
        corpus.malicious(6, "cstore-big-endian-private-ow-swapped-macho", Arrival.cStore(Encoding.EXPLICIT_BE),
                swappedBare.bare(), "the same over C-STORE: a private OW that is a Mach-O header once swapped");

        Specimen floats = specimens.image(Encoding.EXPLICIT_BE);
        floats.dataset().value(0x7FE00008, "OF", Payloads.swap(Payloads.elf(), 4));
        corpus.malicious(6, "big-endian-float-pixel-data-swapped-in-fours-elf", Arrival.stowRs(), floats.part10(),
                "explicit VR big endian Float Pixel Data (OF): an ELF header once each 4-byte float is reversed, "
                        + "as an archive converting to little endian writes it (a 2-byte swap shows nothing)");

        Specimen doubles = specimens.image(Encoding.EXPLICIT_BE);
        doubles.dataset().value(0x7FE00009, "OD", Payloads.swap(pe(), 8));
        corpus.malicious(6, "big-endian-double-float-pixel-data-swapped-in-eights-pe", Arrival.stowRs(),
                doubles.part10(), "explicit VR big endian Double Float Pixel Data (OD): a PE once each 8-byte double "
                        + "is reversed");

        Specimen lut = specimens.image(Encoding.EXPLICIT_BE);
        Dataset voiLut = new Dataset(Encoding.EXPLICIT_BE)
                .value(0x00283002, "US", Payloads.swapWords(new byte[] {0, 1, 0, 0, 16, 0}))
                .value(0x00283006, "US", Payloads.swapWords(pe(0x40, 512)));
        lut.dataset().sequence(0x00283010, List.of(voiLut));
        corpus.malicious(6, "big-endian-us-lut-data-swapped-pe", Arrival.stowRs(), lut.part10(),
                "explicit VR big endian LUT Data (0028,3006) with VR US (not OW) in a VOI LUT Sequence: a PE once "
                        + "swapped");

        Specimen privateDoubles = specimens.image(Encoding.EXPLICIT_BE);
        Specimens.withPrivate(privateDoubles.dataset(), "FD", Payloads.swap(Payloads.concat(Payloads.elf(),
                new byte[192]), 8));
        corpus.malicious(6, "big-endian-private-fd-swapped-in-eights-elf", Arrival.stowRs(), privateDoubles.part10(),
                "explicit VR big endian: a private FD (32 doubles) that is an ELF header once each double is "
                        + "reversed, as dcm4che does converting to little endian");

        corpus.malicious(6, "pdf-hex-escaped-javascript-in-object-stream", Arrival.stowRs(), pdf(specimens,
                        PdfBuilder.onePage("Report").object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>")
                                .packed(6, "<< /Type /Action /S /J#61va#53cript /J#53 (" + SCRIPT + ") >>")
                                .build(PdfBuilder.StreamFilter.FLATE)),
                "an /OpenAction in an /ObjStm whose names are hex-escaped: /J#61va#53cript and /J#53");

        corpus.malicious(6, "pdf-rc4-empty-password-javascript-in-object-stream", Arrival.stowRs(), pdf(specimens,
                        PdfBuilder.onePage("Report").object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>")
                                .packed(6, "<< /Type /Action /S /JavaScript /JS (" + SCRIPT + ") >>")
                                .encryptedWithEmptyPassword().build(PdfBuilder.StreamFilter.NONE)),
                "a PDF encrypted with an empty user password (opens without a prompt) whose unfiltered /ObjStm, "
                        + "ciphertext to anything that does not decrypt, holds a JavaScript /OpenAction");

        byte[] inner = PdfBuilder.onePage("Report")
                .object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>")
                .packed(6, "<< /Type /Action /S /JavaScript /JS (" + SCRIPT + ") >>")
                .build(PdfBuilder.StreamFilter.FLATE);
        corpus.malicious(6, "pdf-goto-embedded-pdf-with-javascript-object-stream", Arrival.stowRs(), pdf(specimens,
                        PdfBuilder.onePage("Cover letter")
                                .object(1, "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >> "
                                        + "/OpenAction << /S /GoToE /NewWindow false /T << /R /C /N (report.pdf) >> "
                                        + ">> >>")
                                .object(6, "<< /Names [(report.pdf) 7 0 R] >>")
                                .object(7, "<< /Type /Filespec /F (report.pdf) /UF (report.pdf) /EF << /F 8 0 R >> >>")
                                .embeddedFile(8, inner)
                                .build(PdfBuilder.StreamFilter.NONE)),
                "no script in the PDF: its /OpenAction /GoToE opens an attached PDF (deflated), whose own /ObjStm "
                        + "(deflated again) holds a JavaScript /OpenAction");

        corpus.malicious(6, "pdf-javascript-in-object-stream", Arrival.stowRs(), pdf(specimens,
                        PdfBuilder.onePage("Report").object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>")
                                .packed(6, "<< /Type /Action /S /JavaScript /JS (" + SCRIPT + ") >>")
                                .build(PdfBuilder.StreamFilter.FLATE)),
                "an /OpenAction whose /JavaScript action lives only in a /FlateDecode /ObjStm");

        corpus.malicious(6, "pdf-launch-in-object-stream", Arrival.stowRs(), pdf(specimens,
                        PdfBuilder.onePage("Report").object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>")
                                .packed(6, "<< /Type /Action /S /Launch /F (calc.exe) >>")
                                .build(PdfBuilder.StreamFilter.FLATE)),
                "an /OpenAction whose /Launch action lives only in a /FlateDecode /ObjStm");

        corpus.malicious(6, "pdf-catalog-names-javascript-in-object-stream", Arrival.stowRs(), pdf(specimens,
                        PdfBuilder.onePage("Report")
                                .packed(1, "<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 6 0 R >> >>")
                                .packed(6, "<< /Names [(init) 7 0 R] >>")
                                .packed(7, "<< /S /JavaScript /JS (" + SCRIPT + ") >>")
                                .build(PdfBuilder.StreamFilter.FLATE)),
                "the catalog itself, its /Names /JavaScript tree and the action all inside one /ObjStm");

        corpus.malicious(6, "pdf-javascript-in-hex-then-flate-object-stream", Arrival.stowRs(), pdf(specimens,
                        PdfBuilder.onePage("Report").object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>")
                                .packed(6, "<< /Type /Action /S /JavaScript /JS (" + SCRIPT + ") >>")
                                .build(PdfBuilder.StreamFilter.HEX_THEN_FLATE)),
                "a JavaScript /OpenAction in an /ObjStm filtered [/ASCIIHexDecode /FlateDecode]");

        corpus.malicious(6, "pdf-javascript-in-png-predicted-object-stream", Arrival.stowRs(), pdf(specimens,
                        PdfBuilder.onePage("Report").object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>")
                                .packed(6, "<< /Type /Action /S /JavaScript /JS (" + SCRIPT + ") >>")
                                .build(PdfBuilder.StreamFilter.FLATE_PNG_PREDICTOR)),
                "a JavaScript /OpenAction in an /ObjStm with /DecodeParms PNG predictor: inflated alone, every fifth "
                        + "byte is a row's filter type");

        Specimen swappedIcon = specimens.image(Encoding.EXPLICIT_BE);
        Dataset iconItem = new Dataset(Encoding.EXPLICIT_BE);
        Specimens.pixelModule(iconItem, 16, 16, 16);
        iconItem.value(Specimens.PIXEL_DATA, "OW", Payloads.swapWords(pe(0x40, 512)));
        swappedIcon.dataset().sequence(0x00880200, List.of(iconItem));
        corpus.malicious(6, "big-endian-icon-pixel-data-swapped-pe", Arrival.stowRs(), swappedIcon.part10(),
                "explicit VR big endian: 16-bit icon pixel data inside a sequence that is a PE once swapped");

        Specimen toDeflate = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(toDeflate.dataset(), "OB", Payloads.concat(Payloads.vendorHeader(), pe()));
        corpus.malicious(6, "deflated-by-dcmconv-pe-behind-header", Arrival.stowRs(),
                corpus.dcmtk().convert(toDeflate.part10(), "+td"),
                "DCMTK-deflated dataset (dcmconv +td) whose private OB holds a PE 16 bytes in");

        byte[] jsPdf = PdfBuilder.onePage("Report").object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>")
                .packed(6, "<< /Type /Action /S /JavaScript /JS (" + SCRIPT + ") >>")
                .build(PdfBuilder.StreamFilter.FLATE);
        corpus.malicious(6, "deflated-pdf2dcm-javascript-in-object-stream", Arrival.stowRs(),
                corpus.dcmtk().convert(corpus.dcmtk().pdfDocument(jsPdf).toBytes(), "+td"),
                "pdf2dcm object, deflated by dcmconv +td, around a PDF whose JavaScript sits in an /ObjStm");
    }

    private static byte[] pdf(Specimens specimens, byte[] pdf) {
        return specimens.pdf(Encoding.EXPLICIT_LE, pdf).part10();
    }
}
