#!/usr/bin/env python3
"""Builds an archive-like storage tree for bench/hunt.sh from real DCMTK-made objects.

DCMTK makes a handful of templates once (dump2dcm: CT 512x512, MR 256x256, DX 2560x2048, all 16-bit with 12 bits
stored and noise pixels; pdf2dcm: a one-page PDF report), each with placeholder UIDs, IDs and dates of fixed length.
Every object of the tree is a template copy whose placeholders are patched with fresh values of the same length,
so thousands of files take seconds and every file is still what DCMTK wrote. The tree has dcm4chee-arc 5.34.3's
default storage layout, {date yyyy/MM/dd}/{study UID hash}/{series UID hash}/{SOP UID hash}, files without an
extension, and the archive's zeroed preamble. A few infected objects (taken from `yara-guard samples`, given new
UIDs of a study of the tree with dcmodify and a zeroed preamble) join several studies; their paths are listed in
infected.txt beside the tree. The same arguments and seed give the same tree.

    hunt-tree.py OUT --objects 10000 --min-bytes 5368709120 --samples DIR [--seed 7]
"""
import argparse
import datetime
import os
import random
import shutil
import subprocess
import sys

STUDY = "2.25.1" + "1" * 38
SERIES = "2.25.2" + "2" * 38
SOP = "2.25.3" + "3" * 38
PATIENT_ID = "YGPT00000000"
PATIENT_NAME = "BENCH^P00000000"
ACCESSION = "YGAC00000000"
STUDY_DATE = "20990101"
PIXEL_DATA_TAG = b"\xe0\x7f\x10\x00"

# name: (SOP class, modality, rows, columns) of the image templates
IMAGES = {
    "ct": ("CTImageStorage", "CT", 512, 512),
    "mr": ("MRImageStorage", "MR", 256, 256),
    "dx": ("DigitalXRayImageStorageForPresentation", "DX", 2560, 2048),
}
# study kinds: (weight, template, series range, instances per series range)
STUDIES = [
    (30, "ct", (1, 2), (40, 120)),
    (35, "mr", (3, 6), (15, 30)),
    (25, "dx", (1, 2), (1, 4)),
    (10, "pdf", (1, 1), (1, 1)),
]
# samples of `yara-guard samples` whose finding survives the archive's zeroed preamble and rewritten file meta
INFECTIONS = ["eicar-test-string.dcm", "pdf-openaction-javascript.dcm", "pdf-declared-but-exe.dcm",
              "zip-in-private-element.dcm"]


def java_hash_hex(text):
    """dcm4che's {tag,hash} path format: the Java String.hashCode of the value as 8 hex digits."""
    h = 0
    for ch in text:
        h = (31 * h + ord(ch)) & 0xFFFFFFFF
    return "%08X" % h


def run(args, cwd):
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def dump(sop_class, modality, rows, columns, pixel_file):
    return "\n".join([
        "(0008,0016) UI =" + sop_class,
        "(0008,0018) UI [" + SOP + "]",
        "(0008,0020) DA [" + STUDY_DATE + "]",
        "(0008,0030) TM [120000]",
        "(0008,0050) SH [" + ACCESSION + "]",
        "(0008,0060) CS [" + modality + "]",
        "(0010,0010) PN [" + PATIENT_NAME + "]",
        "(0010,0020) LO [" + PATIENT_ID + "]",
        "(0010,0030) DA [19700101]",
        "(0010,0040) CS [O]",
        "(0020,000d) UI [" + STUDY + "]",
        "(0020,000e) UI [" + SERIES + "]",
        "(0020,0010) SH [1]",
        "(0020,0011) IS [1]",
        "(0020,0013) IS [1]",
        "(0028,0002) US 1",
        "(0028,0004) CS [MONOCHROME2]",
        "(0028,0010) US %d" % rows,
        "(0028,0011) US %d" % columns,
        "(0028,0100) US 16",
        "(0028,0101) US 12",
        "(0028,0102) US 11",
        "(0028,0103) US 0",
        "(7fe0,0010) OW =" + pixel_file,
        "",
    ])


def noise(count, rnd):
    """12-bit noise: every high byte stays below 0x10, so pixels cannot spell a header or a keyword by chance."""
    data = bytearray(rnd.randbytes(count))
    data[1::2] = bytes(b & 0x0F for b in data[1::2])
    return bytes(data)


def placeholders_modify():
    return ["-m", "(0020,000D)=" + STUDY, "-m", "(0020,000E)=" + SERIES, "-m", "(0008,0018)=" + SOP,
            "-m", "(0010,0020)=" + PATIENT_ID, "-m", "(0010,0010)=" + PATIENT_NAME,
            "-m", "(0008,0050)=" + ACCESSION, "-m", "(0008,0020)=" + STUDY_DATE]


def templates(work, rnd):
    """Template name -> (header bytes with placeholders, shared pixel bytes) made by DCMTK in work."""
    os.makedirs(work, exist_ok=True)
    made = {}
    for name, (sop_class, modality, rows, columns) in IMAGES.items():
        with open(os.path.join(work, name + ".raw"), "wb") as f:
            f.write(noise(2 * rows * columns, rnd))
        with open(os.path.join(work, name + ".dump"), "w") as f:
            f.write(dump(sop_class, modality, rows, columns, name + ".raw"))
        run(["dump2dcm", "+te", name + ".dump", name + ".dcm"], work)
        made[name] = split(read(os.path.join(work, name + ".dcm")))
    with open(os.path.join(work, "report.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
                b"trailer<</Root 1 0 R>>\n%%EOF\n")
    run(["pdf2dcm", "-k", "0010,0010=" + PATIENT_NAME, "-k", "0010,0020=" + PATIENT_ID, "-k",
         "0008,0050=" + ACCESSION, "-k", "0008,0020=" + STUDY_DATE, "report.pdf", "pdf.dcm"], work)
    run(["dcmodify", "-nb", *placeholders_modify(), "pdf.dcm"], work)
    made["pdf"] = (zero_preamble(read(os.path.join(work, "pdf.dcm"))), b"")
    return made


def read(path):
    with open(path, "rb") as f:
        return f.read()


def zero_preamble(data):
    return bytes(128) + data[128:]


def split(data):
    """(everything before the pixel data's value, the value): only the head carries placeholders."""
    at = data.index(PIXEL_DATA_TAG)
    value = at + 12  # tag, VR OW, 2 reserved bytes, 4-byte length
    return zero_preamble(data[:value]), data[value:]


class Uids:
    def __init__(self, seed):
        self.next_value = 10 ** 38 + seed * 10 ** 30

    def next(self):
        self.next_value += 1
        return "2.25.%039d" % self.next_value


def patch(head, values):
    for placeholder, value in values.items():
        assert len(placeholder) == len(value), (placeholder, value)
        head = head.replace(placeholder.encode("ascii"), value.encode("ascii"))
    return head


def relative_path(date, study, series, sop):
    return os.path.join(date.strftime("%Y/%m/%d"), java_hash_hex(study), java_hash_hex(series), java_hash_hex(sop))


def write(root, rel, *parts):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        for part in parts:
            f.write(part)
    return sum(len(p) for p in parts)


def build(out, objects, min_bytes, seed, samples):
    rnd = random.Random(seed)
    work = out + ".templates"
    made = templates(work, rnd)
    root = os.path.join(out, "tree")
    uids = Uids(seed)
    weights = [s[0] for s in STUDIES]
    start = datetime.date(2025, 1, 1)
    count = total = 0
    studies = []
    while count < objects or total < min_bytes:
        _, template, series_range, instance_range = rnd.choices(STUDIES, weights)[0]
        number = len(studies)
        date = start + datetime.timedelta(days=number % 600)
        study = uids.next()
        ids = {STUDY: study, PATIENT_ID: "YGPT%08d" % (number // 2), PATIENT_NAME: "BENCH^P%08d" % (number // 2),
               ACCESSION: "YGAC%08d" % number, STUDY_DATE: date.strftime("%Y%m%d")}
        head, pixels = made[template]
        for _ in range(rnd.randint(*series_range)):
            series = uids.next()
            for _ in range(rnd.randint(*instance_range)):
                sop = uids.next()
                values = dict(ids, **{SERIES: series, SOP: sop})
                total += write(root, relative_path(date, study, series, sop), patch(head, values), pixels)
                count += 1
        studies.append((date, ids, series))
    infected = infect(root, work, studies, samples, rnd, uids)
    with open(out + "/infected.txt", "w") as f:
        f.write("".join(p + "\n" for p in infected))
    return count + len(infected), total + sum(os.path.getsize(os.path.join(root, p)) for p in infected), len(studies)


def infect(root, work, studies, samples, rnd, uids):
    """Three copies of each infection, in studies picked at random (some get two): new UIDs by dcmodify."""
    chosen = rnd.sample(studies, min(8, len(studies)))
    written = []
    for i, name in enumerate(INFECTIONS * 3):
        date, ids, series = chosen[i % len(chosen)]
        sop = uids.next()
        copy = os.path.join(work, "infected.dcm")
        shutil.copyfile(os.path.join(samples, name), copy)
        run(["dcmodify", "-nb", "-m", "(0020,000D)=" + ids[STUDY], "-m", "(0020,000E)=" + series,
             "-m", "(0008,0018)=" + sop, "-m", "(0010,0020)=" + ids[PATIENT_ID],
             "-m", "(0010,0010)=" + ids[PATIENT_NAME], "-m", "(0008,0050)=" + ids[ACCESSION],
             "-m", "(0008,0020)=" + ids[STUDY_DATE], "infected.dcm"], work)
        rel = relative_path(date, ids[STUDY], series, sop)
        write(root, rel, zero_preamble(read(copy)))
        written.append(rel)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--objects", type=int, default=10000)
    parser.add_argument("--min-bytes", type=int, default=5 * 1024 ** 3)
    parser.add_argument("--samples", required=True, help="folder written by `yara-guard samples`")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    files, total, studies = build(args.out, args.objects, args.min_bytes, args.seed, args.samples)
    print("tree: %d objects, %.2f GiB, %d studies, %d infected" % (files, total / 1024 ** 3, studies,
                                                                  3 * len(INFECTIONS)), file=sys.stderr)


if __name__ == "__main__":
    main()
