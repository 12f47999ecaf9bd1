/*
 * Encapsulated documents (0042,0011): active content in a PDF, and a declared MIME type (0042,0012) that
 * the bytes contradict. PDF names may be written with #xx escapes (/J#61vaScript is /JavaScript): a
 * name with an escaped letter is refused on its own, since no writer needs one. The PDF rules also read every
 * decoded stream of the document (region "pdf_stream": /FlateDecode content and /ObjStm object streams, which have
 * no %PDF- header), so names hidden by compression are seen; a stream the engine cannot decode makes the scan
 * incomplete, which fails closed.
 */

private rule pdf_document
{
    strings:
        $header = "%PDF-"
    condition:
        region == "pdf_stream"
        or (region == "encapsulated_document"
            and (mime_type matches /^ *application\/pdf *$/i or $header in (0..1024)))
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
        description = "Encapsulated PDF writes /JavaScript, /JS, /Launch or /EmbeddedFile with #xx escapes (e.g. /J#61vaScript): writers never need to, it hides them from keyword filters"
        action = "reject"
        severity = "high"
        reference = "https://blog.didierstevens.com/2008/04/29/pdf-let-me-count-the-ways/"
    strings:
        // Each name spelled letter by letter, literal or escaped, split by its first two letters so that every
        // string starts with a literal of three bytes or more; a "_plain_start" match has an escape only when it
        // is longer than the plain name. Spelled-out names, not any escaped letter: compressed and font data hold
        // "x#41"-like bytes by chance (about one per MiB), which refused clean PDFs.
        $javascript_plain_start = /\/Ja(v|#76)(a|#61)(S|#53)(c|#63)(r|#72)(i|#69)(p|#70)(t|#74)/
        $javascript_escaped_a = /\/J#61(v|#76)(a|#61)(S|#53)(c|#63)(r|#72)(i|#69)(p|#70)(t|#74)/
        $javascript_escaped_j = /\/#4[Aa](a|#61)(v|#76)(a|#61)(S|#53)(c|#63)(r|#72)(i|#69)(p|#70)(t|#74)/
        $js_escaped_s = /\/J#53[\x00\x09\x0a\x0c\x0d\x20\x28\x2f\x3c\x5b]/
        $js_escaped_j = /\/#4[Aa](S|#53)[\x00\x09\x0a\x0c\x0d\x20\x28\x2f\x3c\x5b]/
        $launch_plain_start = /\/La(u|#75)(n|#6[Ee])(c|#63)(h|#68)/
        $launch_escaped_a = /\/L#61(u|#75)(n|#6[Ee])(c|#63)(h|#68)/
        $launch_escaped_l = /\/#4[Cc](a|#61)(u|#75)(n|#6[Ee])(c|#63)(h|#68)/
        $embedded_file_plain_start = /\/Em(b|#62)(e|#65)(d|#64)(d|#64)(e|#65)(d|#64)(F|#46)(i|#69)(l|#6[Cc])(e|#65)/
        $embedded_file_escaped_m = /\/E#6[Dd](b|#62)(e|#65)(d|#64)(d|#64)(e|#65)(d|#64)(F|#46)(i|#69)(l|#6[Cc])(e|#65)/
        $embedded_file_escaped_e = /\/#45(m|#6[Dd])(b|#62)(e|#65)(d|#64)(d|#64)(e|#65)(d|#64)(F|#46)(i|#69)(l|#6[Cc])(e|#65)/
    condition:
        pdf_document
        and (any of ($javascript_escaped_*, $js_escaped_*, $launch_escaped_*, $embedded_file_escaped_*)
            or for any i in (1..#javascript_plain_start) : (!javascript_plain_start[i] > 11)
            or for any i in (1..#launch_plain_start) : (!launch_plain_start[i] > 7)
            or for any i in (1..#embedded_file_plain_start) : (!embedded_file_plain_start[i] > 13))
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
