#!/usr/bin/env python3
"""Writes a large third-party-like rule set, the same for the same arguments (fixed seed).

Shaped like public sets: text strings (ascii, wide, nocase, fullword), hex strings with wildcards, jumps and
alternatives, a few regular expressions, `pe` and `math` module conditions, `filesize` and header checks. No rule
tests the `region` external: public rules know nothing of it.

    bench/large-rules.py DIR [--files 320] [--rules-per-file 16] [--seed 11]
"""
import argparse
import os
import random

WORDS = ("inject", "payload", "beacon", "loader", "stager", "dropper", "keylog", "stealer", "shell", "agent", "miner",
         "crypt", "ransom", "spread", "persist", "exfil", "backdoor", "implant", "tunnel", "proxy")


def token(rng, low=6, high=14):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
                   for _ in range(rng.randint(low, high)))


def text_string(rng):
    value = rng.choice(WORDS) + "_" + token(rng, 4, 10)
    if rng.random() < 0.15:
        value = rng.choice(("Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\", "cmd.exe /c ",
                            "powershell -enc ", "http://", "\\\\pipe\\\\")) + token(rng, 5, 9)
    modifiers = rng.choice(("", "", " ascii", " ascii wide", " wide", " nocase", " ascii wide nocase", " fullword"))
    return '"%s"%s' % (value, modifiers)


def hex_string(rng):
    def some_bytes():
        return " ".join("%02X" % rng.randrange(256) for _ in range(rng.randint(2, 5)))

    parts = [some_bytes()]
    for _ in range(rng.randint(2, 5)):
        gap = rng.random()
        if gap < 0.3:
            parts.append("??")
        elif gap < 0.5:
            low = rng.randint(0, 4)
            parts.append("[%d-%d]" % (low, low + rng.randint(1, 8)))
        elif gap < 0.6:
            parts.append("( %02X | %02X %02X )" % (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        parts.append(some_bytes())
    return "{ %s }" % " ".join(parts)


def regex_string(rng):
    return "/%s[0-9a-f]{%d,%d}%s/%s" % (token(rng, 4, 6), rng.randint(4, 8), rng.randint(9, 16), token(rng, 3, 5),
                                       rng.choice(("", "", " nocase", " wide ascii")))


def condition(rng, count):
    kind = rng.random()
    if kind < 0.40:
        return "any of them"
    if kind < 0.55:
        return "%d of them" % min(count, 2)
    if kind < 0.70:
        return "uint16(0) == 0x5A4D and filesize < %dKB and %s" % (rng.choice((200, 500, 1000, 3000)),
                                                                    rng.choice(("any of them", "2 of them")))
    if kind < 0.78:
        return "uint32(0) == 0x464C457F and any of them"
    if kind < 0.86:
        return "pe.is_pe and pe.number_of_sections > %d and any of them" % rng.randint(2, 6)
    if kind < 0.90:
        return ("uint16(0) == 0x5A4D and math.entropy(0, filesize) > 7.%d and any of them"
                % rng.randint(2, 9))
    if kind < 0.95:
        return "all of ($s*) or #h0 > %d or 2 of ($h*)" % rng.randint(2, 5)
    return "$s0 at 0 or ($s0 in (0..1024) and any of them)"


def rule(rng, name):
    lines = ["rule %s" % name, "{", "    meta:", '        author = "bench"', '        description = "%s"' % token(rng),
             "        score = %d" % rng.randint(40, 90), "    strings:"]
    count = 0
    for i in range(rng.randint(1, 5)):
        lines.append("        $s%d = %s" % (i, text_string(rng)))
        count += 1
    for i in range(rng.randint(1, 3)):
        lines.append("        $h%d = %s" % (i, hex_string(rng)))
        count += 1
    if rng.random() < 0.04:
        lines.append("        $sr = %s" % regex_string(rng))
        count += 1
    lines += ["    condition:", "        " + condition(rng, count), "}", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--files", type=int, default=320)
    parser.add_argument("--rules-per-file", type=int, default=16)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.folder, exist_ok=True)
    for f in range(args.files):
        text = ['import "pe"', 'import "math"', ""]
        text += [rule(rng, "bench_%03d_%02d" % (f, r)) for r in range(args.rules_per_file)]
        with open(os.path.join(args.folder, "bench_%03d.yar" % f), "w", encoding="ascii") as out:
            out.write("\n".join(text))


if __name__ == "__main__":
    main()
