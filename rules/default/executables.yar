/*
 * Executables wherever they sit: PE, ELF and Mach-O are recognised by their structure, at any offset, in the whole
 * object (region "object": every binary value, fragment, padding and trailing byte), in the encapsulated document,
 * and in every view whose bytes are new (inflated, reassembled from fragments, byte-swapped, decoded PDF streams).
 * Text that merely quotes the DOS stub sentence is not an executable.
 *
 * Cost: these rules run over every byte of every object, so they anchor on long literal headers ("PE\0\0" plus a
 * machine type, the ELF and Mach-O magics with the bytes that follow) and check the rest with byte tests at the
 * match. Nothing anchors on a bare "MZ": a 16-bit image whose pixels are 0x5A4D would match it a million times
 * (libyara stops recording there and the scan counts as incomplete).
 */

private rule pe_structure
{
    strings:
        // "PE\0\0" and a known COFF machine: i386, AMD64, ARM64, ARM64EC, ARMNT, ARM, Thumb, IA-64, EFI byte code,
        // MIPS, PowerPC, RISC-V 32/64, LoongArch 32/64
        $pe = { 50 45 00 00 ( 4C 01 | 64 86 | 64 AA | 41 A6 | C4 01 | C0 01 | C2 01 | 00 02 | BC 0E | 66 01 |
                              F0 01 | 32 50 | 64 50 | 32 62 | 64 62 ) }
    condition:
        // A flood of PE headers is no clean object either, and keeps the loops below bounded.
        #pe > 64
        or for any i in (1..#pe) : (
            // an image's optional header, which a loader needs: magic PE32 (0x10B, at least 0x60 bytes) or PE32+
            // (0x20B, at least 0x70 bytes; 0xE0 and 0xF0 with all 16 data directories), executable-image flag;
            // enough structure to need no MZ, so a far e_lfanew cannot hide it
            ((uint16(@pe[i] + 22) & 0x0002) != 0 and uint16(@pe[i] + 20) <= 0x1000
                and ((uint16(@pe[i] + 24) == 0x10B and uint16(@pe[i] + 20) >= 0x60)
                    or (uint16(@pe[i] + 24) == 0x20B and uint16(@pe[i] + 20) >= 0x70)))
            // otherwise an MZ up to 64 KiB before it whose e_lfanew (at 0x3C) leads exactly here, and an optional
            // header size a loader accepts
            or (uint16(@pe[i] + 20) >= 0x60 and uint16(@pe[i] + 20) <= 0x400
                and for any k in (4..0x10000) : (uint16(@pe[i] - k) == 0x5A4D and uint32(@pe[i] - k + 0x3C) == k))
        )
}

private rule elf_structure
{
    strings:
        // magic, class 32/64, data LE/BE, version 1
        $elf = { 7F 45 4C 46 (01 | 02) (01 | 02) 01 }
    condition:
        // libyara finds the i-th match by walking the list, so a loop over n matches costs n*n/2 steps: 100,000 bare
        // identifiers held a scan for 27 s. A flood of ELF identifiers is no clean object either.
        #elf > 64
        or for any i in (1..#elf) : (
            // e_type relocatable, executable, shared or core; e_version 1; in the byte order e_ident says
            (uint8(@elf[i] + 5) == 1 and uint16(@elf[i] + 16) >= 1 and uint16(@elf[i] + 16) <= 4
                and uint32(@elf[i] + 20) == 1)
            or (uint8(@elf[i] + 5) == 2 and uint16be(@elf[i] + 16) >= 1 and uint16be(@elf[i] + 16) <= 4
                and uint32be(@elf[i] + 20) == 1)
        )
}

private rule macho_structure
{
    strings:
        // thin headers with an x86, ARM or PowerPC CPU type (32/64-bit, either byte order)
        $thin32_le = { CE FA ED FE (07 | 0C | 12) 00 00 00 }
        $thin64_le = { CF FA ED FE (07 | 0C | 12) 00 00 01 }
        $thin32_be = { FE ED FA CE 00 00 00 (07 | 0C | 12) }
        $thin64_be = { FE ED FA CF 01 00 00 (07 | 0C | 12) }
        // fat (universal) headers: 1-19 architectures, the first with one of those CPU types; a Java class file
        // has its version (45 or more) where the count is
        $fat = { CA FE BA (BE | BF) 00 00 00 (01 | 02 | 03 | 04 | 05 | 06 | 07 | 08 | 09 | 0A | 0B | 0C | 0D | 0E |
                 0F | 10 | 11 | 12 | 13) (00 | 01) 00 00 (07 | 0C | 12) }
    condition:
        $fat
        // a flood of thin headers is no clean object, and keeps the loops below short (see elf_structure)
        or #thin32_le + #thin64_le + #thin32_be + #thin64_be > 64
        // a thin header also names a known file type (object, executable, ... , kext bundle)
        or for any i in (1..#thin32_le) : (uint32(@thin32_le[i] + 12) >= 1 and uint32(@thin32_le[i] + 12) <= 12)
        or for any i in (1..#thin64_le) : (uint32(@thin64_le[i] + 12) >= 1 and uint32(@thin64_le[i] + 12) <= 12)
        or for any i in (1..#thin32_be) : (uint32be(@thin32_be[i] + 12) >= 1 and uint32be(@thin32_be[i] + 12) <= 12)
        or for any i in (1..#thin64_be) : (uint32be(@thin64_be[i] + 12) >= 1 and uint32be(@thin64_be[i] + 12) <= 12)
}

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

/*
 * What the preamble rules (preamble.yar) already refuse: a Part-10 file whose first bytes are an MZ, ELF or Mach-O
 * header. The whole-object rule leaves those files to them, so that a polyglot is reported once.
 */
private rule executable_preamble
{
    condition:
        is_part10
        and (uint16(0) == 0x5A4D
            or (uint32(0) == 0x464C457F and (uint8(4) == 1 or uint8(4) == 2) and (uint8(5) == 1 or uint8(5) == 2))
            or uint32be(0) == 0xFEEDFACE or uint32be(0) == 0xFEEDFACF
            or uint32be(0) == 0xCEFAEDFE or uint32be(0) == 0xCFFAEDFE
            or ((uint32be(0) == 0xCAFEBABE or uint32be(0) == 0xCAFEBABF) and uint32be(4) > 0 and uint32be(4) < 20))
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

rule executable_in_object
{
    meta:
        description = "Object holds a PE, ELF or Mach-O executable header somewhere: in a binary value, a fragment, padding or after the dataset"
        action = "reject"
        severity = "critical"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "object" and not executable_preamble and not executable_not_dicom
        and (pe_structure or elf_structure or macho_structure)
}

rule executable_in_encapsulated_document
{
    meta:
        description = "Encapsulated document (0042,0011) is or contains a PE, ELF or Mach-O executable"
        action = "reject"
        severity = "critical"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "encapsulated_document" and (pe_structure or elf_structure or macho_structure)
}

rule executable_in_derived_view
{
    meta:
        description = "A view whose bytes appear nowhere in the object as such (inflated dataset, fragments joined, byte-swapped value, decoded PDF stream) holds a PE, ELF or Mach-O executable"
        action = "reject"
        severity = "critical"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        (region == "inflated_dataset" or region == "reassembled_value" or region == "swapped_value"
            or region == "pdf_stream")
        and (pe_structure or elf_structure or macho_structure)
}
