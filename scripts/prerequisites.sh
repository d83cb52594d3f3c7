#!/usr/bin/env bash
# Installs what ./run.sh and ./test.sh need and is missing: the PostgreSQL 15 server binaries (postgresql-15) and
# redis-server, and curl and jq (the README's walk-through), from the system's apt sources; checks that the .NET SDK named by global.json is there.
# Idempotent: when everything is present it installs nothing. Usable both ways: run it, or source it and call
# nhi_prerequisites.
set -euo pipefail

NHI_PG_BIN=/usr/lib/postgresql/15/bin

nhi_say() { echo "prerequisites: $*"; }
nhi_fail() { echo "prerequisites: $*" >&2; return 1; }

nhi_check_dotnet() {
  local root version
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  command -v dotnet >/dev/null 2>&1 ||
    nhi_fail "the .NET SDK (dotnet) is not on PATH. Install the .NET 10 SDK (https://dotnet.microsoft.com/download) and try again." ||
    return 1
  if ! version="$(cd "$root" && dotnet --version 2>&1)"; then
    nhi_fail "dotnet cannot find the SDK that global.json asks for (a 10.0 SDK): ${version##*$'\n'}" || return 1
  fi
  [[ "${version%%.*}" -ge 10 ]] 2>/dev/null ||
    nhi_fail "the .NET SDK is $version; NhiPlatform needs 10.0 or later." || return 1
}

# Runs a command as root: directly when root, through non-interactive sudo otherwise.
nhi_as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

# A package's service may start on install (redis on 6379, a PostgreSQL "main" cluster on 5432): the platform starts
# its own servers, so stop those and keep them from starting at boot.
nhi_stop_system_service() {
  local service="$1"
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
    nhi_as_root systemctl disable --now "$service" >/dev/null 2>&1 || true
  elif [[ -x "/etc/init.d/$service" ]]; then
    nhi_as_root "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    if command -v update-rc.d >/dev/null 2>&1; then
      nhi_as_root update-rc.d "$service" disable >/dev/null 2>&1 || true
    fi
  fi
}

nhi_stop_installed_services() {
  local package
  for package in "$@"; do
    case "$package" in
      redis-server)
        nhi_stop_system_service redis-server
        if [[ -f /run/redis/redis-server.pid ]]; then
          nhi_as_root kill "$(cat /run/redis/redis-server.pid)" >/dev/null 2>&1 || true
        fi
        nhi_say "stopped and disabled the system redis-server service (the platform runs its own)"
        ;;
      postgresql-15)
        if command -v pg_ctlcluster >/dev/null 2>&1 && [[ -d /etc/postgresql/15/main ]]; then
          nhi_as_root pg_ctlcluster 15 main stop >/dev/null 2>&1 || true
          echo manual | nhi_as_root tee /etc/postgresql/15/main/start.conf >/dev/null || true
        fi
        nhi_stop_system_service postgresql
        nhi_say "stopped the system PostgreSQL cluster (the platform runs its own)"
        ;;
    esac
  done
}

nhi_prerequisites() {
  nhi_check_dotnet || return 1

  local missing=()
  [[ -x "$NHI_PG_BIN/postgres" && -x "$NHI_PG_BIN/initdb" ]] || missing+=(postgresql-15)
  command -v redis-server >/dev/null 2>&1 || [[ -x /usr/bin/redis-server ]] || missing+=(redis-server)
  # The README's walk-through and tests/readme-walkthrough.sh use curl and jq.
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)  # the inventory's browser test (Playwright drives Debian's chromium)
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi

  command -v apt-get >/dev/null 2>&1 ||
    nhi_fail "missing ${missing[*]}, and this system has no apt-get: install PostgreSQL 15 (server binaries in $NHI_PG_BIN) and redis-server yourself." ||
    return 1
  if [[ $EUID -ne 0 ]] && ! { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
    nhi_fail "missing ${missing[*]}; installing them needs root. Run: sudo apt-get install -y ${missing[*]}" || return 1
  fi

  nhi_say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  nhi_as_root apt-get update -qq ||
    nhi_fail "apt-get update failed; fix the apt sources, then run: apt-get install -y ${missing[*]}" || return 1
  local package
  for package in "${missing[@]}"; do
    apt-cache show "$package" >/dev/null 2>&1 ||
      nhi_fail "package $package is not in this system's apt sources. For postgresql-15, add the PostgreSQL apt repository (apt.postgresql.org) or install PostgreSQL 15 so that $NHI_PG_BIN/postgres exists." ||
      return 1
  done
  nhi_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    nhi_fail "apt-get install ${missing[*]} failed (see above)." || return 1
  nhi_stop_installed_services "${missing[@]}"
  nhi_say "installed ${missing[*]}"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  nhi_prerequisites
fi
