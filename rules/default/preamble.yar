/*
 * Part-10 preamble: the 128 bytes before "DICM". PS3.10 §7.5 expects them to be zero or a TIFF header
 * (dual-format files); anything executable there turns the file into a polyglot (CVE-2019-11687).
 * Rules look at the "preamble" region (128 bytes) with byte tests and no strings, so they cost nothing on the
 * rest of the object; the PE rule tests the first two bytes of the whole object (a Part-10 file starts with its
 * preamble), so it holds even where no preamble region is made.
 */

rule preamble_pe_executable
{
    meta:
        description = "Part-10 preamble starts with an MZ (DOS/PE executable) header: with PE\\0\\0 where e_lfanew points the file is a runnable DICOM/PE polyglot, and a DOS header is executable whatever its e_lfanew says"
        action = "reject"
        severity = "critical"
        reference = "https://nvd.nist.gov/vuln/detail/CVE-2019-11687"
    condition:
        region == "object" and is_part10 and uint16(0) == 0x5A4D
}

rule preamble_elf_executable
{
    meta:
        description = "Part-10 preamble starts with an ELF header (Linux/Unix executable polyglot)"
        action = "reject"
        severity = "critical"
        reference = "https://nvd.nist.gov/vuln/detail/CVE-2019-11687"
    condition:
        region == "preamble"
        and uint32(0) == 0x464C457F
        and (uint8(4) == 1 or uint8(4) == 2)
        and (uint8(5) == 1 or uint8(5) == 2)
}

rule preamble_macho_executable
{
    meta:
        description = "Part-10 preamble starts with a Mach-O header (thin 32/64-bit, either byte order, or a fat/universal binary)"
        action = "reject"
        severity = "critical"
        reference = "https://nvd.nist.gov/vuln/detail/CVE-2019-11687"
    condition:
        region == "preamble"
        and (
            uint32be(0) == 0xFEEDFACE or uint32be(0) == 0xFEEDFACF
            or uint32be(0) == 0xCEFAEDFE or uint32be(0) == 0xCFFAEDFE
            // CAFEBABE is also a Java class: a fat header counts its architectures (small), a class file
            // stores its major version (45 or more) in the same word.
            or ((uint32be(0) == 0xCAFEBABE or uint32be(0) == 0xCAFEBABF) and uint32be(4) > 0 and uint32be(4) < 20)
        )
}

rule preamble_java_class
{
    meta:
        description = "Part-10 preamble starts with a Java class file header (CAFEBABE followed by a class file version)"
        action = "reject"
        severity = "high"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "preamble"
        and uint32be(0) == 0xCAFEBABE
        and uint16be(6) >= 45 and uint16be(6) < 100
}

rule preamble_script_shebang
{
    meta:
        description = "Part-10 preamble starts with \"#!\": the file runs as a script on Unix-like systems"
        action = "reject"
        severity = "high"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "preamble" and uint16(0) == 0x2123
}

rule preamble_html_or_script
{
    meta:
        description = "Part-10 preamble holds HTML, HTA or script text (JavaScript, VBScript, PowerShell)"
        action = "reject"
        severity = "high"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        // Byte tests on the 128-byte region instead of text strings: strings would be searched in every scan
        // of every object. OR-ing 0x20 lowercases letters and leaves "<", "!", "(", "." and ":" unchanged.
        region == "preamble"
        and for any i in (0..123) : (
            (uint32be(i) | 0x20202020) == 0x3C68746D                  // <htm
            or (uint32be(i) | 0x20202020) == 0x3C21646F               // <!do(ctype)
            or (uint32be(i) | 0x20202020) == 0x3C736372               // <scr(ipt)
            or (uint32be(i) | 0x20202020) == 0x3C737667               // <svg
            or (uint32be(i) | 0x20202020) == 0x3C687461               // <hta(:application)
            or (uint32be(i) | 0x20202020) == 0x3C696672               // <ifr(ame)
            or ((uint32be(i) | 0x20202020) == 0x6A617661 and (uint32be(i + 4) | 0x20202020) == 0x73637269
                and uint8(i + 10) == 0x3A)                            // javascript:
            or ((uint32be(i) | 0x20202020) == 0x6576616C and uint8(i + 4) == 0x28)   // eval(
            or ((uint32be(i) | 0x20202020) == 0x61637469 and (uint32be(i + 4) | 0x20202020) == 0x7665786F)
                                                                      // ActiveXObject
            or ((uint32be(i) | 0x20202020) == 0x77736372 and (uint32be(i + 4) | 0x20202020) == 0x6970742E)
                                                                      // WScript.
            or ((uint32be(i) | 0x20202020) == 0x63726561 and (uint32be(i + 4) | 0x20202020) == 0x74656F62)
                                                                      // CreateObject
            or ((uint32be(i) | 0x20202020) == 0x646F6375 and (uint32be(i + 4) | 0x20202020) == 0x6D656E74
                and uint8(i + 8) == 0x2E)                             // document.
            or ((uint32be(i) | 0x20202020) == 0x706F7765 and (uint32be(i + 4) | 0x20202020) == 0x72736865)
                                                                      // powershe(ll)
        )
}

rule preamble_json_config
{
    meta:
        description = "Part-10 preamble holds a JSON object, e.g. an application configuration planted to be written out by a server (Orthanc CVE-2023-33466)"
        action = "reject"
        severity = "high"
        reference = "https://nvd.nist.gov/vuln/detail/CVE-2023-33466"
    condition:
        // An opening brace near the start (Orthanc accepts comments before it) and at least one "key": pair.
        region == "preamble"
        and for any i in (0..31) : (uint8(i) == 0x7B)
        and for any k in (0..125) : (uint16(k) == 0x3A22 or (uint8(k) == 0x22 and uint16(k + 1) == 0x3A20))
}

rule preamble_not_zero_or_tiff
{
    meta:
        description = "Part-10 preamble is neither all zero nor a TIFF header: unusual, worth a look (PS3.10 §7.5)"
        action = "tag"
        severity = "low"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html#sect_7.5"
    condition:
        region == "preamble"
        and not (
            uint32(0) == 0x002A4949 or uint32(0) == 0x2A004D4D      // II*\0 and MM\0* (TIFF)
            or uint32(0) == 0x002B4949 or uint32(0) == 0x2B004D4D   // II+\0 and MM\0+ (BigTIFF)
        )
        and for any i in (0..127) : (uint8(i) != 0)
}
