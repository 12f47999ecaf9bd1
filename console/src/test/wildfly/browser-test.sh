#!/usr/bin/env bash
# Runs ConsoleBrowserIT: a private WildFly 39.0.1 (from the Maven repository, on 127.0.0.1 with a port offset) with
# the console deployed and a reviewer added through bin/add-user.sh, then the test in headless Chromium.
# Needs: chromium, chromium-driver, dcmtk (apt-get install chromium chromium-driver dcmtk).
# Usage: console/src/test/wildfly/browser-test.sh [PORT_OFFSET]   (default 470: http 8550, management 10460)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
offset="${1:-470}"
version=39.0.1.Final
work="$root/console/target/browser-test"
zip="$HOME/.m2/repository/org/wildfly/wildfly-dist/$version/wildfly-dist-$version.zip"
cd "$root"
[[ -f "$zip" ]] || mvn -q dependency:get -Dartifact="org.wildfly:wildfly-dist:$version:zip" -Dtransitive=false
mvn -q -pl console -am package -Dmaven.test.skip=true

rm -rf "$work"
mkdir -p "$work"
unzip -q "$zip" -d "$work"
home="$work/wildfly-$version"
password="Rv-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-1"
"$home/bin/add-user.sh" -a -u reviewer -p "$password" -g yara-guard-reviewer >/dev/null
stow_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
http=$((8080 + offset))
management=$((9990 + offset))

LAUNCH_JBOSS_IN_BACKGROUND=1 "$home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
  -Djboss.socket.binding.port-offset="$offset" \
  -Dyara-guard.quarantine.dir="$work/quarantine" -Dyara-guard.findings.log="$work/findings.log" \
  -Dyara-guard.approval.dir="$work/approvals" -Dyara-guard.stow.url="http://127.0.0.1:$stow_port/stow" \
  >"$work/server.out" 2>&1 &
server=$!
stop() {
  "$home/bin/jboss-cli.sh" --controller="127.0.0.1:$management" -c --command=:shutdown >/dev/null 2>&1 \
    || kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap stop EXIT

cp "$root/console/target/yara-guard-console.war" "$home/standalone/deployments/"
for _ in $(seq 1 180); do
  [[ -f "$home/standalone/deployments/yara-guard-console.war.deployed" ]] && break
  if [[ -f "$home/standalone/deployments/yara-guard-console.war.failed" ]]; then
    cat "$home/standalone/deployments/yara-guard-console.war.failed" >&2
    exit 1
  fi
  sleep 1
done
[[ -f "$home/standalone/deployments/yara-guard-console.war.deployed" ]] || { echo "console not deployed" >&2; exit 1; }

mvn -q -pl console -am verify -Dit.test=ConsoleBrowserIT -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dconsole.url="http://127.0.0.1:$http/yara-guard" -Dconsole.quarantine="$work/quarantine" \
  -Dconsole.findings="$work/findings.log" -Dconsole.stow.port="$stow_port" \
  -Dconsole.user=reviewer -Dconsole.password="$password"
echo "ConsoleBrowserIT passed (server log: $home/standalone/log/server.log)"
