# Sourced by tools/make_test_files.sh and tools/make_corpus.sh.
# ensure_apt_packages ROOT: install whatever tools/apt-packages.txt lists and
# dpkg does not report as installed. Unattended; apt-get update runs only
# when something is missing.
# ensure_venv_mutagen ROOT: make sure .venv has mutagen 1.48.1 (used as a
# tool, to write tags), via 'make venv'.

ensure_apt_packages() {
    local root=$1 pkg missing=()
    while read -r pkg; do
        pkg=${pkg%%#*}
        pkg=${pkg//[[:space:]]/}
        [[ -z $pkg ]] && continue
        if [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) != *"install ok installed"* ]]; then
            missing+=("$pkg")
        fi
    done < "$root/tools/apt-packages.txt"
    ((${#missing[@]} == 0)) && return 0
    echo "installing Debian packages: ${missing[*]}" >&2
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null; then sudo=(sudo -n); else
            echo "error: need root to apt-get install ${missing[*]}" >&2; return 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q >&2
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

ensure_venv_mutagen() {
    local root=$1
    if ! "$root/.venv/bin/python" -c \
        'import mutagen, sys; sys.exit(mutagen.version_string != "1.48.1")' 2>/dev/null; then
        echo "setting up .venv (make venv) for mutagen 1.48.1" >&2
        make -C "$root" --no-print-directory venv >&2
    fi
}
