#!/usr/bin/env bash
# Installs what YARA Guard needs on a Debian/Ubuntu machine, where missing: a JDK 17, Maven, libyara, the yara
# command line (the benchmark's baseline), DCMTK (test objects and samples).
set -euo pipefail
need=()
command -v javac >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
command -v yara >/dev/null || need+=(yara)
command -v img2dcm >/dev/null || need+=(dcmtk)
command -v bc >/dev/null || need+=(bc)            # bench/run.sh
[[ -x /usr/bin/time ]] || need+=(time)             # bench/run.sh (peak RSS)
# real-world test files of many vendors and toolkits: the false-positive corpus of the rules and reader tests
[[ -d /usr/lib/python3/dist-packages/pydicom/data/test_files ]] || need+=(python3-pydicom)
# it-tests ConsoleBrowserIT; installed for either README command, so the second never has to install anything
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || need+=(chromium chromium-driver)
# it-tests and audit tests: a real syslog receiver (Audit Record Repository) on loopback, TLS and UDP inputs
[[ -x /usr/sbin/rsyslogd && -n "$(compgen -G '/usr/lib/*/rsyslog/lmnsd_gtls.so')" ]] || need+=(rsyslog rsyslog-gnutls)
# The library cache is read whole before it is searched: `ldconfig -p | grep -q` under pipefail failed now and then
# (grep -q exits at the first match, ldconfig then dies of SIGPIPE and the pipeline reports failure).
libraries="$(ldconfig -p 2>/dev/null || true)"
[[ "${libraries}" == *"libyara.so."* ]] || need+=(yara)  # the yara package pulls in the libyara of the release
if ((${#need[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
fi
