/*
 * The EICAR anti-malware test string, anywhere in the object, and in every view whose bytes are new: the inflated
 * dataset of a deflated object, fragments joined, byte-swapped values, decoded PDF streams, and the encapsulated
 * document (new bytes when it was sent as fragments). Written in two halves so this file is not itself flagged by
 * scanners that look for the whole string.
 */

rule eicar_test_string
{
    meta:
        description = "EICAR anti-malware test string: used to check that detection and refusal work end to end"
        action = "reject"
        severity = "high"
        reference = "https://www.eicar.org/download-anti-malware-testfile/"
    strings:
        $head = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$"
        $tail = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
    condition:
        (region == "object" or region == "inflated_dataset" or region == "reassembled_value"
            or region == "swapped_value" or region == "pdf_stream" or region == "encapsulated_document")
        and for any i in (1..#head) : ($tail at @head[i] + 28)
}
