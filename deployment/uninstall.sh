#!/usr/bin/env bash
# Removes what install.sh added: the module, the global-module entry and every yara-guard.* system property, the
# review console (its WAR and the deployment scanner's marker files) and the command line under --prefix.
# The rules folder, the quarantine, the approvals, the spool, the findings log, hunt reports, the audit spool and the
# plugin's compiled-rules cache are data: they stay unless --purge-data is given. Run it while the server is stopped
# (or restart the server afterwards).
#
#   uninstall.sh WILDFLY_HOME [--config FILE.xml] [--prefix DIR] [--purge-data]
set -euo pipefail

readonly MODULE_NAME="org.yaraguard"
readonly MODULE_PATH="modules/org/yaraguard"
readonly PROPERTY_PREFIX="yara-guard."
readonly CONSOLE_WAR="yara-guard-console.war"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    echo "usage: $0 WILDFLY_HOME [--config FILE.xml] [--prefix DIR] [--purge-data]" >&2
    exit 2
}

fail() {
    echo "uninstall.sh: $*" >&2
    exit 1
}

[ "$#" -ge 1 ] || usage
wildfly_home="$1"
shift
config=""
prefix="/opt/yara-guard"
purge="no"
while [ "$#" -gt 0 ]; do
    case "$1" in
        --config) [ "$#" -ge 2 ] || usage; config="$2"; shift 2 ;;
        --prefix) [ "$#" -ge 2 ] || usage; prefix="$2"; shift 2 ;;
        --purge-data) purge="yes"; shift ;;
        -h|--help) usage ;;
        *) echo "uninstall.sh: unknown option: $1" >&2; usage ;;
    esac
done

# shellcheck source=wildfly-home.sh
. "${script_dir}/wildfly-home.sh"
wildfly_home="$(check_wildfly_home "${wildfly_home}")"
config="$(resolve_config "${wildfly_home}" "${config}")"
java_bin="$(find_java)"
prefix="$(realpath -m "${prefix}")"
installer_jar="$(find_installer_jar "${script_dir}")"
[ -n "${installer_jar}" ] || fail "no yara-guard-installer.jar beside this script or in installer/target: run the bundle's uninstall.sh, or build with 'mvn -pl installer package'"

# The data folders as the server resolves them, read before its configuration loses the yara-guard.* settings.
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
"${java_bin}" -jar "${installer_jar}" host-config "${config}" "${wildfly_home}" >"${work}/host.properties"

"${java_bin}" -jar "${installer_jar}" uninstall "${config}" "${MODULE_NAME}" "${PROPERTY_PREFIX}"
if [ -d "${wildfly_home}/${MODULE_PATH}" ]; then
    rm -rf "${wildfly_home:?}/${MODULE_PATH}"
    echo "removed module ${MODULE_NAME} from ${wildfly_home}/modules"
fi

deployments="${wildfly_home}/standalone/deployments"
for file in "${deployments}/${CONSOLE_WAR}" "${deployments}/${CONSOLE_WAR}".*; do
    if [ -e "${file}" ]; then
        rm -rf "${file}"
        echo "removed ${file}"
    fi
done

# The command line: only the files install.sh puts there; a folder is removed when that leaves it empty.
for file in bin/yara-guard lib/yara-guard.jar lib/yara-guard.jsa etc/yara-guard.properties; do
    if [ -e "${prefix:?}/${file}" ]; then
        rm -f "${prefix:?}/${file}"
        echo "removed ${prefix}/${file}"
    fi
done
for folder in bin lib etc ""; do
    [ ! -d "${prefix}/${folder}" ] || rmdir --ignore-fail-on-non-empty "${prefix}/${folder}"
done

# The value of NAME in the host configuration (paths as the installer writes them: no escapes expected).
host_setting() {
    sed -n "s/^$(printf '%s' "$1" | sed 's/[.]/\\./g')=//p" "${work}/host.properties"
}

# Deletes a data folder or file unless its name is not a plain absolute path or is a folder that holds more than
# YARA Guard's data (the root, the WildFly, its standalone folders).
purge_path() {
    local path="$1"
    case "${path}" in
        /*'${'*|/|'') echo "not purged: ${path:-(unset)} is not a plain folder name" >&2; return 0 ;;
        /*) ;;
        *) echo "not purged: ${path} is not absolute" >&2; return 0 ;;
    esac
    path="$(realpath -m "${path}")"
    if [ "${path}" = "/" ] || [ "${path}" = "${wildfly_home}" ] \
        || [ "$(dirname "${path}")" = "${wildfly_home}/standalone" ]; then
        echo "not purged: ${path} holds more than YARA Guard's data" >&2
        return 0
    fi
    if [ -e "${path}" ]; then
        rm -rf "${path}"
        echo "purged ${path}"
    fi
}

if [ "${purge}" = "yes" ]; then
    for name in quarantine.dir approval.dir spool.dir rules.dir hunt.reports.dir audit.spool.dir; do
        purge_path "$(host_setting "${PROPERTY_PREFIX}${name}")"
    done
    # The plugin's compiled rules: not a setting, always under the server's data folder (GuardSettings.RULES_CACHE).
    purge_path "${wildfly_home}/standalone/data/yara-guard/rules-cache"
    [ ! -d "${wildfly_home}/standalone/data/yara-guard" ] \
        || rmdir --ignore-fail-on-non-empty "${wildfly_home}/standalone/data/yara-guard"
    findings="$(host_setting "${PROPERTY_PREFIX}findings.log")"
    purge_path "${findings}"
    # rotated findings logs (findings.log.1, findings.log.2026-11-30 ...)
    for rotated in "${findings}".*; do
        [ ! -f "${rotated}" ] || purge_path "${rotated}"
    done
else
    echo "kept (data; uninstall.sh --purge-data in this same run would have removed them):"
    for name in rules.dir quarantine.dir approval.dir findings.log hunt.reports.dir audit.spool.dir; do
        echo "  ${PROPERTY_PREFIX}${name}: $(host_setting "${PROPERTY_PREFIX}${name}")"
    done
fi
