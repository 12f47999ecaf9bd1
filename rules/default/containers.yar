/*
 * Archives and compound documents (ZIP/JAR/Office Open XML, OLE2, RAR, 7-Zip, CAB), recognised by their structure
 * at any offset: in the whole object (every binary value, fragment, padding and trailing byte) and in every view
 * whose bytes are new (inflated, reassembled from fragments, byte-swapped, decoded PDF streams).
 *
 * Actions, decided here:
 * - A ZIP that names an executable or script member (.exe .dll .scr .jar .ps1 .js .vbs .hta .bat .cmd .lnk …, any
 *   case) in its central directory or a local header is refused wherever it sits: its content is compressed, so
 *   the executable rules cannot see it, and nothing in a DICOM object needs to carry one.
 * - A plain archive anywhere in the object is tagged, not refused, also outside private values: the scan over the
 *   whole object cannot tell which element holds it (so this one action must fit private values too, where some
 *   vendors keep compressed data), a container alone runs nothing, and its members are judged by name above.
 * - An archive after the end of the dataset is refused: a ZIP appended to a file makes a DICOM/ZIP (or DICOM/JAR,
 *   runnable with `java -jar`) polyglot, since ZIP readers start from the end.
 *
 * Cost: every string is a literal of four bytes or more; structure is checked with byte tests at each match.
 */

private rule archive_structure
{
    strings:
        $zip_local = { 50 4B 03 04 }
        $zip_central = { 50 4B 01 02 }
        $zip_end = { 50 4B 05 06 }
        $ole2 = { D0 CF 11 E0 A1 B1 1A E1 }
        $rar = { 52 61 72 21 1A 07 (00 | 01 00) }
        $seven_zip = { 37 7A BC AF 27 1C 00 (02 | 03 | 04) }
        // "MSCF" without its "M": an atom starting with "M" costs a third more time on a 16-bit image of 0x5A4D pixels
        $cab = { 53 43 46 00 00 00 00 }
    condition:
        $ole2 or $rar or $seven_zip
        // cabinet format version 1.3
        or for any i in (1..#cab) : (uint8(@cab[i] - 1) == 0x4D and uint16(@cab[i] + 23) == 0x0103)
        // a local header with a known version, method and a name length
        or for any i in (1..#zip_local) : (uint8(@zip_local[i] + 4) <= 63
            and (uint16(@zip_local[i] + 8) == 0 or uint16(@zip_local[i] + 8) == 8 or uint16(@zip_local[i] + 8) == 9
                or uint16(@zip_local[i] + 8) == 12 or uint16(@zip_local[i] + 8) == 14
                or uint16(@zip_local[i] + 8) == 93 or uint16(@zip_local[i] + 8) == 95
                or uint16(@zip_local[i] + 8) == 99)
            and uint16(@zip_local[i] + 26) > 0)
        or for any i in (1..#zip_central) : (uint8(@zip_central[i] + 6) <= 63
            and uint16(@zip_central[i] + 28) > 0)
        // an end record of a single-disk archive (an empty archive has nothing else)
        or for any i in (1..#zip_end) : (uint32(@zip_end[i] + 4) == 0
            and uint16(@zip_end[i] + 8) == uint16(@zip_end[i] + 10))
}

private rule zip_executable_member
{
    strings:
        $zip_local = { 50 4B 03 04 }
        $zip_central = { 50 4B 01 02 }
    condition:
        // Member names in the central directory (name length at 28, name at 46) and local headers (26 and 30).
        // x is where the name ends and the extra data starts; n runs over the name's end and the ends of the first
        // two extra fields, but a field whose id is not 0x7075 (Info-ZIP Unicode Path: version, CRC, then the name
        // 7-Zip and unzip extract to) is moved 4 GiB out of reach by adding (id XOR 0x7075) << 32. At each end: an
        // executable or script extension, lower-cased by OR-ing 0x20 (which leaves ".", digits and lower case
        // as they are), or a trailing dot or space (Windows drops them: "setup.exe." is extracted as setup.exe).
        for any i in (1..#zip_central) : (
            for any x in (@zip_central[i] + 46 + uint16(@zip_central[i] + 28)) : (
                for any n in (x, x + 4 + uint16(x + 2) + ((uint16(x) ^ 0x7075) << 32),
                        x + 8 + uint16(x + 2) + uint16(x + 6 + uint16(x + 2))
                            + ((uint16(x + 4 + uint16(x + 2)) ^ 0x7075) << 32)) : (
                    for any e in (
                    0x2E657865, 0x2E646C6C, 0x2E736372, 0x2E6A6172, 0x2E707331, 0x2E766273, 0x2E766265, 0x2E6A7365,
                    0x2E777366, 0x2E777368, 0x2E777363, 0x2E736374, 0x2E687461, 0x2E63686D, 0x2E686C70, 0x2E626174,
                    0x2E636D64, 0x2E6C6E6B, 0x2E75726C, 0x2E736366, 0x2E636F6D, 0x2E706966, 0x2E63706C, 0x2E6D7369,
                    0x2E6D7370, 0x2E6D7363, 0x2E6F6378, 0x2E737973, 0x2E726567, 0x2E696E66, 0x2E786C6C, 0x2E69736F,
                    0x2E696D67, 0x2E766864) : (
                        (uint32be(n - 4) | 0x20202020) == e)
                    or ((uint32be(n - 4) | 0x00202020) & 0x00FFFFFF) == 0x2E6A73          // .js
                    or ((uint32be(n - 4) | 0x00202020) & 0x00FFFFFF) == 0x2E7368          // .sh
                    or ((uint32be(n - 4) | 0x20202020) == 0x70736D31 and uint8(n - 5) == 0x2E)   // .psm1
                    or uint8(n - 1) == 0x2E or uint8(n - 1) == 0x20
                )
            )
        )
        or for any i in (1..#zip_local) : (
            for any x in (@zip_local[i] + 30 + uint16(@zip_local[i] + 26)) : (
                for any n in (x, x + 4 + uint16(x + 2) + ((uint16(x) ^ 0x7075) << 32),
                        x + 8 + uint16(x + 2) + uint16(x + 6 + uint16(x + 2))
                            + ((uint16(x + 4 + uint16(x + 2)) ^ 0x7075) << 32)) : (
                    for any e in (
                    0x2E657865, 0x2E646C6C, 0x2E736372, 0x2E6A6172, 0x2E707331, 0x2E766273, 0x2E766265, 0x2E6A7365,
                    0x2E777366, 0x2E777368, 0x2E777363, 0x2E736374, 0x2E687461, 0x2E63686D, 0x2E686C70, 0x2E626174,
                    0x2E636D64, 0x2E6C6E6B, 0x2E75726C, 0x2E736366, 0x2E636F6D, 0x2E706966, 0x2E63706C, 0x2E6D7369,
                    0x2E6D7370, 0x2E6D7363, 0x2E6F6378, 0x2E737973, 0x2E726567, 0x2E696E66, 0x2E786C6C, 0x2E69736F,
                    0x2E696D67, 0x2E766864) : (
                        (uint32be(n - 4) | 0x20202020) == e)
                    or ((uint32be(n - 4) | 0x00202020) & 0x00FFFFFF) == 0x2E6A73          // .js
                    or ((uint32be(n - 4) | 0x00202020) & 0x00FFFFFF) == 0x2E7368          // .sh
                    or ((uint32be(n - 4) | 0x20202020) == 0x70736D31 and uint8(n - 5) == 0x2E)   // .psm1
                    or uint8(n - 1) == 0x2E or uint8(n - 1) == 0x20
                )
            )
        )
}

rule zip_with_executable_member
{
    meta:
        description = "A ZIP archive names an executable or script member (.exe, .dll, .jar, .ps1, .js, .vbs, .hta, .bat, .lnk …): compressed, the member itself cannot be inspected"
        action = "reject"
        severity = "critical"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        (region == "object" or region == "encapsulated_document" or region == "inflated_dataset"
            or region == "reassembled_value" or region == "swapped_value" or region == "pdf_stream")
        and zip_executable_member
}

rule archive_in_object
{
    meta:
        description = "Object (or a view derived from it) holds a ZIP, OLE2, RAR, 7-Zip or CAB container; tagged for review (some vendors keep compressed data in private values)"
        action = "tag"
        severity = "medium"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        (region == "object" or region == "inflated_dataset" or region == "reassembled_value"
            or region == "swapped_value" or region == "pdf_stream")
        and archive_structure and not zip_executable_member
}

rule archive_in_trailing_data
{
    meta:
        description = "Bytes after the end of the dataset hold a ZIP, OLE2, RAR, 7-Zip or CAB container (DICOM/ZIP or DICOM/JAR polyglot)"
        action = "reject"
        severity = "high"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "trailing_data" and archive_structure
}
