/*
 * Executables hidden in the parts of an object a viewer never shows: the encapsulated document (0042,0011),
 * large private OB/OW/UN values, and bytes after the end of the dataset. Each rule fires only on its region's
 * own scan (offsets relative to the region), so a hit is reported once, with the region that holds it.
 */

private rule executable_header_at_start
{
    condition:
        (uint16(0) == 0x5A4D and uint32(0x3C) <= filesize - 4 and uint32(uint32(0x3C)) == 0x00004550)
        or (uint32(0) == 0x464C457F and (uint8(4) == 1 or uint8(4) == 2))
        or uint32be(0) == 0xFEEDFACE or uint32be(0) == 0xFEEDFACF
        or uint32be(0) == 0xCEFAEDFE or uint32be(0) == 0xCFFAEDFE
        // CAFEBABE: fat Mach-O counts its architectures (small); a Java class has its version there
        or ((uint32be(0) == 0xCAFEBABE or uint32be(0) == 0xCAFEBABF) and uint32be(4) > 0 and uint32be(4) < 20)
}

private rule executable_inside
{
    strings:
        $dos_stub = "This program cannot be run in DOS mode"
        $dos_stub_win32 = "This program must be run under Win32"
        $elf = { 7F 45 4C 46 (01 | 02) (01 | 02) 01 }
        $macho32_le = { CE FA ED FE (07 | 0C | 12) 00 00 (00 | 01) }
        $macho64_le = { CF FA ED FE (07 | 0C | 12) 00 00 01 }
        $macho32_be = { FE ED FA CE (00 | 01) 00 00 (07 | 0C | 12) }
        $macho64_be = { FE ED FA CF 01 00 00 (07 | 0C | 12) }
    condition:
        executable_header_at_start or any of them
}

rule executable_in_encapsulated_document
{
    meta:
        description = "Encapsulated document (0042,0011) is or contains a PE, ELF or Mach-O executable"
        action = "reject"
        severity = "critical"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "encapsulated_document" and executable_inside
}

rule executable_in_private_element
{
    meta:
        description = "Private element value is or contains a PE, ELF or Mach-O executable"
        action = "reject"
        severity = "critical"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "private_value" and executable_inside
}

rule executable_in_trailing_data
{
    meta:
        description = "Bytes after the end of the dataset are or contain a PE, ELF or Mach-O executable"
        action = "reject"
        severity = "critical"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "trailing_data" and executable_inside
}

rule executable_not_dicom
{
    meta:
        description = "Object is not a Part-10 file and starts with a PE, ELF or Mach-O header: an executable sent as DICOM"
        action = "reject"
        severity = "critical"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "object" and not is_part10 and executable_header_at_start
}
