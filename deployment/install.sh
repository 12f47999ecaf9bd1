#!/usr/bin/env bash
# Installs YARA Guard into a WildFly that runs dcm4chee-arc, and its command line on the host. See deployment/README.md.
#
#   install.sh WILDFLY_HOME [--config FILE.xml] [--rules-dir DIR] [--quarantine-dir DIR] [--prefix DIR]
#                           [--no-console] [--property name=value]...
#
# Runs from the unpacked release bundle (yara-guard-VERSION/install.sh: needs only Java 17+, no Maven, no source)
# or from the source tree (deployment/install.sh: takes the build outputs, building them with Maven if missing).
# What it does (idempotent; run it while the server is stopped, or restart the server afterwards):
#   1. works out the configuration (server config in use: --config, else standalone/configuration/dcm4chee-arc.xml
#      if present, else standalone.xml) and checks it (validate_configuration); nothing is changed if that fails
#   2. copies the WildFly module to WILDFLY_HOME/modules/org/yaraguard/main/ (module.xml and its jars)
#   3. replaces default/ in the rules folder (--rules-dir, else the server's yara-guard.rules.dir, by default
#      ${jboss.server.config.dir}/yara-guard/rules) with rules/default/, leaving the rest alone; creates the
#      quarantine and approval folders; run as root, the server's user (owner of the configuration folder) owns them
#   4. edits the server configuration: the ee global module org.yaraguard and the yara-guard.* system properties
#   5. deploys the review console (standalone/deployments/yara-guard-console.war) unless --no-console
#   6. installs the command line under --prefix (default /opt/yara-guard): bin/yara-guard (put it on the PATH, e.g.
#      ln -s /opt/yara-guard/bin/yara-guard /usr/local/bin/), lib/yara-guard.jar, and etc/yara-guard.properties:
#      the server's yara-guard.* settings with its folders resolved, plus wildfly.home and server.config
set -euo pipefail

readonly MODULE_NAME="org.yaraguard"
readonly MODULE_PATH="modules/org/yaraguard/main"
readonly PROPERTY_PREFIX="yara-guard."
readonly CONSOLE_WAR="yara-guard-console.war"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    echo "usage: $0 WILDFLY_HOME [--config FILE.xml] [--rules-dir DIR] [--quarantine-dir DIR] [--prefix DIR] [--no-console] [--property name=value]..." >&2
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
prefix="/opt/yara-guard"
console="yes"
properties=()
while [ "$#" -gt 0 ]; do
    case "$1" in
        --config) [ "$#" -ge 2 ] || usage; config="$2"; shift 2 ;;
        --rules-dir) [ "$#" -ge 2 ] || usage; rules_dir="$2"; shift 2 ;;
        --quarantine-dir) [ "$#" -ge 2 ] || usage; quarantine_dir="$2"; shift 2 ;;
        --prefix) [ "$#" -ge 2 ] || usage; prefix="$2"; shift 2 ;;
        --no-console) console="no"; shift ;;
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
prefix="$(realpath -m "${prefix}")"

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

# Sets the paths of what gets installed. From the bundle: its own files. From the source tree: the build outputs,
# with the module staged in the bundle's layout, so both install the same way.
locate_artifacts() {
    if [ -f "${script_dir}/lib/yara-guard.jar" ]; then
        module_src="${script_dir}/module/org/yaraguard/main"
        cli_jar="${script_dir}/lib/yara-guard.jar"
        installer_jar="${script_dir}/lib/yara-guard-installer.jar"
        launcher="${script_dir}/bin/yara-guard"
        console_war="${script_dir}/console/${CONSOLE_WAR}"
        default_rules="${script_dir}/rules/default"
        return
    fi
    local repo_dir interceptor_jar
    repo_dir="$(cd "${script_dir}/.." && pwd)"
    cli_jar="${repo_dir}/cli/target/yara-guard.jar"
    installer_jar="${repo_dir}/installer/target/yara-guard-installer.jar"
    launcher="${repo_dir}/dist/src/main/bin/yara-guard"
    console_war="${repo_dir}/console/target/${CONSOLE_WAR}"
    default_rules="${repo_dir}/rules/default"
    interceptor_jar="$(find_interceptor_jar "${repo_dir}")"
    if [ -z "${interceptor_jar}" ] || [ ! -f "${repo_dir}/interceptor/target/module-lib/jna.jar" ] \
        || [ ! -f "${cli_jar}" ] || [ ! -f "${installer_jar}" ] || [ ! -f "${console_war}" ]; then
        command -v mvn >/dev/null 2>&1 || fail "not built and mvn is not installed: build with 'mvn package -DskipTests', or run install.sh from the release bundle"
        echo "building the plugin, console and command line (mvn package -DskipTests) ..."
        mvn -q -f "${repo_dir}/pom.xml" -pl interceptor,console,cli,installer -am package -DskipTests
        interceptor_jar="$(find_interceptor_jar "${repo_dir}")"
    fi
    [ -n "${interceptor_jar}" ] || fail "no interceptor jar in ${repo_dir}/interceptor/target after the build"
    module_src="${work}/module"
    mkdir -p "${module_src}"
    cp "${script_dir}/module/org/yaraguard/main/module.xml" "${module_src}/"
    cp "${repo_dir}/interceptor/target/module-lib/"*.jar "${module_src}/"
    cp "${interceptor_jar}" "${module_src}/yara-guard-interceptor.jar"
}

# The check of the configuration about to be written (FILE: the host configuration, a properties file of every
# yara-guard.* setting with the server's folders resolved). Called before anything is changed; a non-zero status
# stops the installation. The folders it names may not exist yet: install creates them after this check.
validate_configuration() {
    local file="$1"
    [ -s "${file}" ] && "${java_bin}" -jar "${cli_jar}" config check --config "${file}" --allow-missing
}

# The value of NAME in the host configuration FILE (paths as the installer writes them: no escapes expected).
host_setting() {
    sed -n "s/^$(printf '%s' "$1" | sed 's/[.]/\\./g')=//p" "$2"
}

# Whether PATH is a plain folder name this script may create (an expression left for the server to resolve is not).
is_plain_path() {
    case "$1" in
        /*'${'*|'') return 1 ;;
        /*) return 0 ;;
        *) return 1 ;;
    esac
}

# Stops unless FOLDER can be created or written: checked before anything changes, so a run without the rights
# (e.g. the default --prefix /opt/yara-guard as a normal user) is not left half done.
check_writable() {
    local folder="$1" what="$2"
    while [ ! -e "${folder}" ]; do
        folder="$(dirname "${folder}")"
    done
    [ -d "${folder}" ] && [ -w "${folder}" ] || fail "cannot write ${what} under ${folder} (run as root, or give another --prefix)"
}

locate_artifacts
check_writable "${prefix}" "the command line (--prefix ${prefix})"
check_writable "${wildfly_home}/modules" "the module"
check_writable "$(dirname "${config}")" "the server configuration"

# 1. The configuration: folders given on the command line become system properties (absolute paths).
if [ -n "${rules_dir}" ]; then
    properties+=("${PROPERTY_PREFIX}rules.dir=$(realpath -m "${rules_dir}")")
fi
if [ -n "${quarantine_dir}" ]; then
    properties+=("${PROPERTY_PREFIX}quarantine.dir=$(realpath -m "${quarantine_dir}")")
fi
host_config="${work}/yara-guard.properties"
"${java_bin}" -jar "${installer_jar}" host-config "${config}" "${wildfly_home}" \
    ${properties[@]+"${properties[@]}"} >"${host_config}"
validate_configuration "${host_config}" || fail "the configuration does not validate: nothing was changed"
rules_dir="$(host_setting "${PROPERTY_PREFIX}rules.dir" "${host_config}")"

# 2. The module: replace the jars as a whole, so an upgrade leaves no stale jar behind.
module_dir="${wildfly_home}/${MODULE_PATH}"
mkdir -p "${module_dir}"
rm -f "${module_dir}"/*.jar
install -m 0644 "${module_src}"/module.xml "${module_src}"/*.jar "${module_dir}/"
echo "installed module ${MODULE_NAME} in ${module_dir}"

# 3. Data folders. The shipped rules are RULES_DIR/default/, replaced as a whole on every install or upgrade;
# everything else in the rules folder is the administrator's and never touched.
server_owner="$(stat -c '%u:%g' "$(dirname "${config}")")"
if ! is_plain_path "${rules_dir}"; then
    echo "rules folder ${rules_dir} is resolved by the server: default rules not installed"
else
    mkdir -p "${rules_dir}"
    [ "$(id -u)" != "0" ] || chown "${server_owner}" "${rules_dir}"
    # Staged in hidden siblings, which the hook never compiles; the two renames are far quicker than its debounce
    # (a folder must be still for a poll interval), so a reload never sees a half-copied default/.
    staged="${rules_dir}/.default.new.$$"
    retired="${rules_dir}/.default.old.$$"
    rm -rf "${staged}"
    cp -R "${default_rules}" "${staged}"
    [ "$(id -u)" != "0" ] || chown -R "${server_owner}" "${staged}"
    if [ -e "${rules_dir}/default" ] || [ -L "${rules_dir}/default" ]; then
        mv -T "${rules_dir}/default" "${retired}"
    fi
    mv -T "${staged}" "${rules_dir}/default"
    rm -rf "${retired}"
    echo "installed the default rules in ${rules_dir}/default"
    # An install before default/ existed copied the shipped rules flat: drop the unchanged copies, so that no rule
    # is compiled twice; a changed copy is the administrator's now.
    for shipped in "${default_rules}"/*; do
        flat="${rules_dir}/$(basename "${shipped}")"
        [ -f "${shipped}" ] && [ -f "${flat}" ] && [ ! -L "${flat}" ] || continue
        if cmp -s "${shipped}" "${flat}"; then
            rm -f "${flat}"
            echo "moved ${flat}, an unchanged copy of a default rule, into ${rules_dir}/default"
        else
            echo "left ${flat}: it differs from the default rule of that name in ${rules_dir}/default (remove it if"
            echo "  it is an old default rule, or rename its rules if it is yours and they clash)"
        fi
    done
fi
for name in quarantine.dir approval.dir hunt.reports.dir audit.spool.dir; do
    folder="$(host_setting "${PROPERTY_PREFIX}${name}" "${host_config}")"
    if is_plain_path "${folder}" && [ ! -d "${folder}" ]; then
        mkdir -p "${folder}"
        chmod 0700 "${folder}"
        # Run as root (e.g. in a Dockerfile): the server's user must own what it reads and writes.
        [ "$(id -u)" != "0" ] || chown "${server_owner}" "${folder}"
    fi
done

# 4. The server configuration: keep one backup of the file as it was before the first install.
backup="${config}.before-yara-guard"
if [ ! -e "${backup}" ]; then
    cp -p "${config}" "${backup}"
    echo "backed up ${config} to ${backup}"
fi
"${java_bin}" -jar "${installer_jar}" install "${config}" "${MODULE_NAME}" ${properties[@]+"${properties[@]}"}

# 5. The review console, deployed by WildFly's deployment scanner; an unchanged WAR is not copied (no redeploy).
if [ "${console}" = "yes" ]; then
    deployments="${wildfly_home}/standalone/deployments"
    mkdir -p "${deployments}"
    if ! cmp -s "${console_war}" "${deployments}/${CONSOLE_WAR}"; then
        install -m 0644 "${console_war}" "${deployments}/${CONSOLE_WAR}"
        echo "deployed the review console ${deployments}/${CONSOLE_WAR}"
    fi
fi

# 6. The command line: root-owned files 0644 (the launcher 0755), folders 0755; the host configuration last.
owner=()
[ "$(id -u)" != "0" ] || owner=(-o 0 -g 0)
install -d -m 0755 ${owner[@]+"${owner[@]}"} "${prefix}" "${prefix}/bin" "${prefix}/lib" "${prefix}/etc"
install -m 0644 ${owner[@]+"${owner[@]}"} "${cli_jar}" "${prefix}/lib/yara-guard.jar"
install -m 0755 ${owner[@]+"${owner[@]}"} "${launcher}" "${prefix}/bin/yara-guard"
install -m 0644 ${owner[@]+"${owner[@]}"} "${host_config}" "${prefix}/etc/yara-guard.properties"
echo "installed the command line: ${prefix}/bin/yara-guard (host configuration ${prefix}/etc/yara-guard.properties)"

echo "YARA Guard installed. Server configuration: ${config}; rules: ${rules_dir}."
echo "Start (or restart) the server with this configuration, e.g. bin/standalone.sh -c $(basename "${config}")"
