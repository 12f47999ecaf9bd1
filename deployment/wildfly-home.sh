# Shared by install.sh and uninstall.sh (sourced, not run): checks and look-ups on a WildFly installation and on
# what the scripts install.
# shellcheck shell=bash

# Prints the absolute WILDFLY_HOME, or stops when the folder is not a WildFly.
check_wildfly_home() {
    local home="$1"
    if [ ! -d "${home}" ]; then
        echo "$(basename "$0"): ${home} is not a folder" >&2
        exit 1
    fi
    home="$(cd "${home}" && pwd)"
    if [ ! -f "${home}/jboss-modules.jar" ] || [ ! -f "${home}/bin/standalone.sh" ] || [ ! -d "${home}/modules" ]; then
        echo "$(basename "$0"): ${home} is not a WildFly installation (no jboss-modules.jar, bin/standalone.sh or modules/)" >&2
        exit 1
    fi
    printf '%s\n' "${home}"
}

# Prints the server configuration file to edit: the one given (a name in standalone/configuration, or a path),
# else dcm4chee-arc.xml (the archive's own configuration) when present, else standalone.xml.
resolve_config() {
    local home="$1" given="$2" config_dir
    config_dir="${home}/standalone/configuration"
    if [ -n "${given}" ]; then
        case "${given}" in
            */*) ;;
            *) given="${config_dir}/${given}" ;;
        esac
        if [ ! -f "${given}" ]; then
            echo "$(basename "$0"): server configuration ${given} does not exist" >&2
            exit 1
        fi
        printf '%s\n' "$(cd "$(dirname "${given}")" && pwd)/$(basename "${given}")"
    elif [ -f "${config_dir}/dcm4chee-arc.xml" ]; then
        printf '%s\n' "${config_dir}/dcm4chee-arc.xml"
    elif [ -f "${config_dir}/standalone.xml" ]; then
        printf '%s\n' "${config_dir}/standalone.xml"
    else
        echo "$(basename "$0"): no dcm4chee-arc.xml or standalone.xml in ${config_dir}; name the configuration with --config" >&2
        exit 1
    fi
}

# Prints the java command: JAVA_HOME's, else the one on the PATH.
find_java() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "${JAVA_HOME}/bin/java" ]; then
        printf '%s\n' "${JAVA_HOME}/bin/java"
    elif command -v java >/dev/null 2>&1; then
        command -v java
    else
        echo "$(basename "$0"): no java found (set JAVA_HOME)" >&2
        exit 1
    fi
}

# Prints the built interceptor jar, or nothing.
find_interceptor_jar() {
    local jar
    for jar in "$1"/interceptor/target/yara-guard-interceptor-*.jar; do
        case "${jar}" in
            *-sources.jar|*-tests.jar|*-javadoc.jar) ;;
            *) [ -f "${jar}" ] && printf '%s\n' "${jar}" && return 0 ;;
        esac
    done
    return 0
}

# Prints the installer jar (the server-configuration editor): the bundle's lib/ beside the scripts, else the source
# tree's build output, built with Maven when missing; nothing when neither can be had.
find_installer_jar() {
    local scripts="$1" repo
    if [ -f "${scripts}/lib/yara-guard-installer.jar" ]; then
        printf '%s\n' "${scripts}/lib/yara-guard-installer.jar"
        return 0
    fi
    repo="$(cd "${scripts}/.." && pwd)"
    if [ ! -f "${repo}/installer/target/yara-guard-installer.jar" ] && [ -f "${repo}/installer/pom.xml" ] \
        && command -v mvn >/dev/null 2>&1; then
        mvn -q -f "${repo}/pom.xml" -pl installer package -DskipTests >&2
    fi
    [ ! -f "${repo}/installer/target/yara-guard-installer.jar" ] || printf '%s\n' "${repo}/installer/target/yara-guard-installer.jar"
}
