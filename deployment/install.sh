#!/usr/bin/env bash
# Installs YARA Guard into a WildFly that runs dcm4chee-arc. See deployment/README.md.
#
#   deployment/install.sh WILDFLY_HOME [--config FILE.xml] [--rules-dir DIR] [--quarantine-dir DIR]
#                                      [--property name=value]...
#
# What it does (idempotent; run it while the server is stopped, or restart the server afterwards):
#   1. copies the WildFly module to WILDFLY_HOME/modules/org/yaraguard/main/
#      (module.xml, yara-guard-interceptor.jar, yara-guard-engine.jar, jna.jar)
#   2. edits the server configuration in use (--config, else standalone/configuration/dcm4chee-arc.xml if present,
#      else standalone.xml): adds the ee global module org.yaraguard and the yara-guard.* system properties given
#   3. seeds the rules folder (--rules-dir, else <folder of the configuration>/yara-guard/rules, which is
#      ${jboss.server.config.dir}/yara-guard/rules) with rules/default/ when it holds no rule file yet
set -euo pipefail

readonly MODULE_NAME="org.yaraguard"
readonly MODULE_PATH="modules/org/yaraguard/main"
readonly PROPERTY_PREFIX="yara-guard."

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "${script_dir}/.." && pwd)"

usage() {
    echo "usage: $0 WILDFLY_HOME [--config FILE.xml] [--rules-dir DIR] [--quarantine-dir DIR] [--property name=value]..." >&2
    exit 2
}

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

[ "$#" -ge 1 ] || usage
wildfly_home="$1"
shift
config=""
rules_dir=""
quarantine_dir=""
properties=()
while [ "$#" -gt 0 ]; do
    case "$1" in
        --config) [ "$#" -ge 2 ] || usage; config="$2"; shift 2 ;;
        --rules-dir) [ "$#" -ge 2 ] || usage; rules_dir="$2"; shift 2 ;;
        --quarantine-dir) [ "$#" -ge 2 ] || usage; quarantine_dir="$2"; shift 2 ;;
        --property)
            [ "$#" -ge 2 ] || usage
            case "$2" in
                "${PROPERTY_PREFIX}"*=*) properties+=("$2") ;;
                *) fail "--property must be ${PROPERTY_PREFIX}<name>=<value>: $2" ;;
            esac
            shift 2 ;;
        -h|--help) usage ;;
        *) echo "install.sh: unknown option: $1" >&2; usage ;;
    esac
done

# shellcheck source=wildfly-home.sh
. "${script_dir}/wildfly-home.sh"
wildfly_home="$(check_wildfly_home "${wildfly_home}")"
config="$(resolve_config "${wildfly_home}" "${config}")"
java_bin="$(find_java)"

interceptor_jar="$(find_interceptor_jar "${repo_dir}")"
module_lib="${repo_dir}/interceptor/target/module-lib"
if [ -z "${interceptor_jar}" ] || [ ! -f "${module_lib}/yara-guard-engine.jar" ] || [ ! -f "${module_lib}/jna.jar" ]; then
    command -v mvn >/dev/null 2>&1 || fail "the plugin is not built and mvn is not installed: build it with 'mvn -pl interceptor -am package -DskipTests'"
    echo "building the plugin (mvn -pl interceptor -am package -DskipTests) ..."
    mvn -q -f "${repo_dir}/pom.xml" -pl interceptor -am package -DskipTests
    interceptor_jar="$(find_interceptor_jar "${repo_dir}")"
fi
[ -n "${interceptor_jar}" ] || fail "no interceptor jar in ${repo_dir}/interceptor/target after the build"

# 1. The module: replace the jars as a whole, so an upgrade leaves no stale jar behind.
module_dir="${wildfly_home}/${MODULE_PATH}"
mkdir -p "${module_dir}"
rm -f "${module_dir}"/*.jar
install -m 0644 "${script_dir}/module/org/yaraguard/main/module.xml" "${module_dir}/module.xml"
install -m 0644 "${interceptor_jar}" "${module_dir}/yara-guard-interceptor.jar"
install -m 0644 "${module_lib}/yara-guard-engine.jar" "${module_dir}/yara-guard-engine.jar"
install -m 0644 "${module_lib}/jna.jar" "${module_dir}/jna.jar"
echo "installed module ${MODULE_NAME} in ${module_dir}"

# 2. Folders given on the command line become system properties (absolute paths).
config_dir="$(cd "$(dirname "${config}")" && pwd)"
if [ -n "${rules_dir}" ]; then
    mkdir -p "${rules_dir}"
    rules_dir="$(cd "${rules_dir}" && pwd)"
    properties+=("${PROPERTY_PREFIX}rules.dir=${rules_dir}")
else
    rules_dir="${config_dir}/yara-guard/rules"
fi
if [ -n "${quarantine_dir}" ]; then
    mkdir -p "${quarantine_dir}"
    chmod 0700 "${quarantine_dir}"
    quarantine_dir="$(cd "${quarantine_dir}" && pwd)"
    properties+=("${PROPERTY_PREFIX}quarantine.dir=${quarantine_dir}")
fi

# 3. Seed the rules folder once; an administrator's rules are never touched.
if find "${rules_dir}" -type f \( -name '*.yar' -o -name '*.yara' \) -print -quit 2>/dev/null | grep -q .; then
    echo "rules folder ${rules_dir} already holds rules: left as it is"
else
    mkdir -p "${rules_dir}"
    cp -R "${repo_dir}/rules/default/." "${rules_dir}/"
    echo "seeded rules folder ${rules_dir} with ${repo_dir}/rules/default"
fi
if [ "$(id -u)" = "0" ]; then
    # Run as root (e.g. in a Dockerfile): the server's user must own what it reads and writes.
    chown -R --reference="${config_dir}" "${rules_dir}"
    if [ -n "${quarantine_dir}" ]; then
        chown --reference="${config_dir}" "${quarantine_dir}"
    fi
fi

# 4. The server configuration: keep one backup of the file as it was before the first install.
backup="${config}.before-yara-guard"
if [ ! -e "${backup}" ]; then
    cp -p "${config}" "${backup}"
    echo "backed up ${config} to ${backup}"
fi
"${java_bin}" -cp "${module_dir}/yara-guard-interceptor.jar" org.yaraguard.interceptor.install.ServerConfigTool \
    install "${config}" "${MODULE_NAME}" ${properties[@]+"${properties[@]}"}

echo "YARA Guard installed. Server configuration: ${config}; rules: ${rules_dir}."
echo "Start (or restart) the server with this configuration, e.g. bin/standalone.sh -c $(basename "${config}")"
