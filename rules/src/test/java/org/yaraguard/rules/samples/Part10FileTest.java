package org.yaraguard.rules.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor reads DCMTK's files back byte for byte and edits only what it is asked to. */
class Part10FileTest {

    @TempDir
    static Path work;

    static BaseObjects bases;

    @BeforeAll
    static void makeBases() throws Exception {
        bases = new BaseObjects(work, 1);
    }

    @Test
    void dcmtkFilesRoundTripUnchanged() throws Exception {
        for (Part10File file : new Part10File[] {bases.ctImage(), bases.jpegPhoto(), bases.structuredReport(),
                bases.pdfDocument(PdfDocuments.report("x"))}) {
            byte[] bytes = file.toBytes();
            assertThat(Part10File.read(bytes).toBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void valueOffsetPointsAtTheValue() throws Exception {
        Part10File file = SampleCatalog.withPrivatePayload(bases.ctImage(), "PAYLOAD!".getBytes());
        byte[] bytes = file.toBytes();
        int offset = (int) file.valueOffset(BaseObjects.PRIVATE_PAYLOAD);
        assertThat(Arrays.copyOfRange(bytes, offset, offset + 8)).isEqualTo("PAYLOAD!".getBytes());
    }

    @Test
    void metaGroupLengthFollowsEdits() throws Exception {
        Part10File file = bases.ctImage().with(DicomElement.uid(0x00020003, "1.2.3.4.5.6.7.8.9.10.11.12"));
        ByteBuffer bytes = ByteBuffer.wrap(file.toBytes()).order(ByteOrder.LITTLE_ENDIAN);
        int groupLength = bytes.getInt(Part10File.PREAMBLE_LENGTH + 4 + 8);
        int datasetStart = Part10File.PREAMBLE_LENGTH + 4 + 12 + groupLength;
        assertThat(bytes.getShort(datasetStart)).isEqualTo((short) 0x0008);
        assertThat(Part10File.read(file.toBytes()).toBytes()).isEqualTo(file.toBytes());
    }

    @Test
    void preambleAndTrailingDataAreReplacedAlone() throws Exception {
        Part10File file = bases.ctImage();
        byte[] edited = file.withPreamble(new byte[] {1, 2, 3}).withTrailingData(new byte[] {9, 9}).toBytes();
        byte[] original = file.toBytes();
        assertThat(Arrays.copyOf(edited, 4)).containsExactly(1, 2, 3, 0);
        assertThat(Arrays.copyOfRange(edited, 128, original.length)).isEqualTo(Arrays.copyOfRange(original, 128, original.length));
        assertThat(edited).hasSize(original.length + 2);
    }

    @Test
    void bigEndianFilesAreRefused() throws Exception {
        byte[] bigEndian = bases.convert(bases.ctImage().toBytes(), "+tb");
        assertThatThrownBy(() -> Part10File.read(bigEndian)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2.840.10008.1.2.2");
    }
}
