#!/usr/bin/env bash
# Removes YARA Guard from a WildFly: the module, the global-module entry and every yara-guard.* system property.
# The rules folder, the quarantine and the findings log are data and stay where they are.
#
#   deployment/uninstall.sh WILDFLY_HOME [--config FILE.xml]
set -euo pipefail

readonly MODULE_NAME="org.yaraguard"
readonly MODULE_PATH="modules/org/yaraguard/main"
readonly PROPERTY_PREFIX="yara-guard."

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    echo "usage: $0 WILDFLY_HOME [--config FILE.xml]" >&2
    exit 2
}

[ "$#" -ge 1 ] || usage
wildfly_home="$1"
shift
config=""
while [ "$#" -gt 0 ]; do
    case "$1" in
        --config) [ "$#" -ge 2 ] || usage; config="$2"; shift 2 ;;
        -h|--help) usage ;;
        *) echo "uninstall.sh: unknown option: $1" >&2; usage ;;
    esac
done

# shellcheck source=wildfly-home.sh
. "${script_dir}/wildfly-home.sh"
wildfly_home="$(check_wildfly_home "${wildfly_home}")"
config="$(resolve_config "${wildfly_home}" "${config}")"
java_bin="$(find_java)"
module_dir="${wildfly_home}/${MODULE_PATH}"

if [ -f "${module_dir}/yara-guard-interceptor.jar" ]; then
    # The editor runs from a copy: the module folder is deleted below.
    tool_jar="$(mktemp)"
    trap 'rm -f "${tool_jar}"' EXIT
    cp "${module_dir}/yara-guard-interceptor.jar" "${tool_jar}"
    "${java_bin}" -cp "${tool_jar}" org.yaraguard.interceptor.install.ServerConfigTool \
        uninstall "${config}" "${MODULE_NAME}" "${PROPERTY_PREFIX}"
    rm -rf "$(dirname "${module_dir}")"
    echo "removed module ${MODULE_NAME} from ${wildfly_home}/modules"
elif grep -q "${MODULE_NAME}\|${PROPERTY_PREFIX}" "${config}"; then
    echo "uninstall.sh: ${config} still names YARA Guard but the module is gone; restore ${config}.before-yara-guard or edit it" >&2
    exit 1
else
    echo "YARA Guard is not installed in ${wildfly_home} (${config} does not name it)"
fi
echo "kept: the rules folder, the quarantine and the findings log (delete them yourself if you want them gone)"
