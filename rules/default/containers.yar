/*
 * Archives and compound documents (ZIP/JAR/Office Open XML, OLE2, RAR, 7-Zip, CAB) where a DICOM object
 * has no reason to carry them. In a private element they are tagged: a few vendors keep compressed data
 * there. After the end of the dataset they are refused: a ZIP appended to a file makes a DICOM/ZIP (or
 * DICOM/JAR, runnable with `java -jar`) polyglot, since ZIP readers start from the end.
 */

private rule archive_at_start
{
    condition:
        uint32(0) == 0x04034B50                                   // PK\3\4 local file header
        or uint32(0) == 0x06054B50                                // PK\5\6 end of an empty archive
        or uint32(0) == 0x08074B50                                // PK\7\8 spanned archive
        or (uint32be(0) == 0xD0CF11E0 and uint32be(4) == 0xA1B11AE1)   // OLE2 compound file
        or (uint32be(0) == 0x52617221 and uint16be(4) == 0x1A07)       // Rar!\x1a\x07
        or (uint32be(0) == 0x377ABCAF and uint16be(4) == 0x271C)       // 7z
        or (uint32be(0) == 0x4D534346 and uint32(4) == 0)              // MSCF cabinet
}

rule archive_in_private_element
{
    meta:
        description = "Private element value is a ZIP, OLE2, RAR, 7-Zip or CAB container"
        action = "tag"
        severity = "medium"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "private_value" and archive_at_start
}

rule archive_in_trailing_data
{
    meta:
        description = "Bytes after the end of the dataset are a ZIP, OLE2, RAR, 7-Zip or CAB container (DICOM/ZIP or DICOM/JAR polyglot)"
        action = "reject"
        severity = "high"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    strings:
        $zip_end = { 50 4B 05 06 }
    condition:
        region == "trailing_data" and (archive_at_start or $zip_end in (filesize - 65557 .. filesize))
}
