/*
 * Encapsulated documents (0042,0011): active content in a PDF, and a declared MIME type (0042,0012) that
 * the bytes contradict. PDF names may be written with #xx escapes (/J#61vaScript is /JavaScript): a
 * name with an escaped letter is refused on its own, since no writer needs one. Names inside compressed
 * object streams are out of reach of a byte scanner.
 */

private rule pdf_document
{
    strings:
        $header = "%PDF-"
    condition:
        region == "encapsulated_document"
        and (mime_type matches /^ *application\/pdf *$/i or $header in (0..1024))
}

rule pdf_javascript
{
    meta:
        description = "Encapsulated PDF carries JavaScript (/JavaScript or /JS action)"
        action = "reject"
        severity = "high"
        reference = "https://opensource.adobe.com/dc-acrobat-sdk-docs/standards/pdfstandards/pdf/PDF32000_2008.pdf#page=425"
    strings:
        $javascript = "/JavaScript"
        $js = { 2F 4A 53 (00 | 09 | 0A | 0C | 0D | 20 | 28 | 2F | 3C | 5B) }
    condition:
        pdf_document and any of them
}

rule pdf_openaction_javascript
{
    meta:
        description = "Encapsulated PDF runs script when opened (/OpenAction or /AA together with JavaScript)"
        action = "reject"
        severity = "critical"
        reference = "https://opensource.adobe.com/dc-acrobat-sdk-docs/standards/pdfstandards/pdf/PDF32000_2008.pdf#page=422"
    strings:
        $open_action = "/OpenAction"
        // a delimiter after /AA keeps subset font names such as /AAAAAB+Arial out
        $additional_actions = { 2F 41 41 (00 | 09 | 0A | 0C | 0D | 20 | 3C) }
        $javascript = "/JavaScript"
        $js = { 2F 4A 53 (00 | 09 | 0A | 0C | 0D | 20 | 28 | 2F | 3C | 5B) }
    condition:
        pdf_document and ($open_action or $additional_actions) and ($javascript or $js)
}

rule pdf_launch_action
{
    meta:
        description = "Encapsulated PDF has a /Launch action (starts a program or opens a file)"
        action = "reject"
        severity = "critical"
        reference = "https://opensource.adobe.com/dc-acrobat-sdk-docs/standards/pdfstandards/pdf/PDF32000_2008.pdf#page=423"
    strings:
        $launch = "/Launch"
    condition:
        pdf_document and $launch
}

rule pdf_embedded_file
{
    meta:
        description = "Encapsulated PDF embeds a file (/EmbeddedFile): an attachment a reader can open; tagged for review"
        action = "tag"
        severity = "medium"
        reference = "https://opensource.adobe.com/dc-acrobat-sdk-docs/standards/pdfstandards/pdf/PDF32000_2008.pdf#page=112"
    strings:
        $embedded_file = "/EmbeddedFile"
    condition:
        pdf_document and $embedded_file
}

rule pdf_obfuscated_name
{
    meta:
        description = "Encapsulated PDF writes a letter of a name as a #xx escape (e.g. /J#61vaScript): writers never need to, it hides /JavaScript, /Launch and the like from keyword filters"
        action = "reject"
        severity = "high"
        reference = "https://blog.didierstevens.com/2008/04/29/pdf-let-me-count-the-ways/"
    strings:
        // one string per hex range keeps three-byte atoms such as "#61" (a single class would not)
        $escaped_upper_a_o = /[\/A-Za-z]#4[1-9a-fA-F]/
        $escaped_upper_p_z = /[\/A-Za-z]#5[0-9aA]/
        $escaped_lower_a_o = /[\/A-Za-z]#6[1-9a-fA-F]/
        $escaped_lower_p_z = /[\/A-Za-z]#7[0-9aA]/
    condition:
        pdf_document and any of them
}

rule encapsulated_pdf_mime_mismatch
{
    meta:
        description = "Encapsulated document is declared application/pdf but its bytes are an executable (MZ/ELF), a ZIP or an OLE2 file"
        action = "reject"
        severity = "high"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part3/sect_C.24.2.html"
    condition:
        region == "encapsulated_document"
        and mime_type matches /^ *application\/pdf *$/i
        and (
            uint16(0) == 0x5A4D
            or uint32(0) == 0x464C457F
            or uint32(0) == 0x04034B50
            or (uint32be(0) == 0xD0CF11E0 and uint32be(4) == 0xA1B11AE1)
        )
}

rule encapsulated_pdf_without_header
{
    meta:
        description = "Encapsulated document is declared application/pdf but has no %PDF- header in its first 1024 bytes"
        action = "tag"
        severity = "medium"
        reference = "https://dicom.nema.org/medical/dicom/current/output/chtml/part3/sect_C.24.2.html"
    strings:
        $header = "%PDF-"
    condition:
        region == "encapsulated_document"
        and mime_type matches /^ *application\/pdf *$/i
        and not $header in (0..1024)
        and not encapsulated_pdf_mime_mismatch
}
