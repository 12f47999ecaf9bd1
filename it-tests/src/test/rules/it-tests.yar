/*
 * Rules of the integration tests only (copied beside the default rules by prepare-wildfly.xml).
 * Each fires on something only the tests send, so the default rules' verdicts stay as they are for all else.
 */

rule it_tag_marker
{
    meta:
        description = "integration tests: an object carrying the tag marker is stored and tagged"
        action = "tag"
    strings:
        $marker = "YG-IT-TAG-MARKER"
    condition:
        region == "object" and $marker
}

rule it_slow_for_timeouts
{
    meta:
        description = "integration tests: a quadratic loop that cannot finish within yara-guard.scan.timeout"
        action = "log"
    condition:
        calling_aet == "SLOWSCU" and region == "object"
        and for any i in (0..filesize - 1) : (
            for any j in (0..filesize - 1) : (uint8(i) + uint8(j) == 1000)
        )
}
