#!/bin/sh
# Regenerates the DICOM fuzz seed corpus (corpus/ next to this script) with DCMTK: apt-get install dcmtk.
# The files are small real objects made by dump2dcm, img2dcm and pdf2dcm (see SeedCorpus.java); commit them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
engine=$(cd "$here/../../../.." && pwd)
(cd "$engine/.." && mvn -q -o -pl engine test-compile)
java -cp "$engine/target/test-classes:$engine/target/classes" org.yaraguard.engine.dicom.SeedCorpus "$here/corpus"
ls -l "$here/corpus"
