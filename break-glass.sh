#!/usr/bin/env bash
# Host-only recovery of the platform's administration (README, "Break-glass recovery"): runs the token service's
# break-glass command against the PostgreSQL of the platform ./run.sh started. Secrets go to the command through its
# environment (never its command line), and the new credentials to a mode-600 file (never the terminal).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state="$root/.nhi"
client_id=nhi-admin
output=""
while [ $# -gt 0 ]; do
  case "$1" in
    --state-dir) state=$(realpath -m "$2"); shift 2 ;;
    --client-id) client_id=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    -h|--help)
      echo "usage: ./break-glass.sh [--client-id ID (default nhi-admin)] [--output FILE (default <state-dir>/break-glass.json)] [--state-dir DIR (default .nhi)]"
      exit 0 ;;
    *) echo "break-glass.sh: unknown option $1 (--help)" >&2; exit 2 ;;
  esac
done
output=${output:-$state/break-glass.json}

endpoints="$state/endpoints.json"
[ -f "$endpoints" ] || { echo "break-glass.sh: $endpoints is missing; it is written by ./run.sh once the platform is up" >&2; exit 1; }
command -v jq >/dev/null || { echo "break-glass.sh: needs jq (./run.sh installs it)" >&2; exit 1; }
dll="$root/src/NhiPlatform.TokenService/bin/Release/net10.0/NhiPlatform.TokenService.dll"
[ -f "$dll" ] || { echo "break-glass.sh: $dll is missing; build with ./run.sh (or dotnet build src/NhiPlatform.TokenService -c Release)" >&2; exit 1; }

# Where PostgreSQL listens and the public issuer come from the run state; the passwords and the key-encryption key
# from the AppHost's user secrets, where the AppHost keeps the parameters it generated.
postgres=$(jq -r .postgres "$endpoints")            # postgresql://127.0.0.1:<port>/nhidb
hostport=${postgres#postgresql://}; hostport=${hostport%%/*}
database=${postgres##*/}
secrets=$(dotnet user-secrets list --project "$root/NhiPlatform.AppHost" --json | sed '/^\/\/BEGIN$/d; /^\/\/END$/d')
secret() { jq -er --arg key "Parameters:$1" '.[$key]' <<<"$secrets" || { echo "break-glass.sh: no $1 in the AppHost's user secrets" >&2; exit 1; }; }

# Plain assignments, so a missing secret stops the script here (a substitution inside the command's environment would not).
password=$(secret postgres-password)
key_encryption_key=$(secret tokens-key-encryption-key)
ConnectionStrings__nhidb="Host=${hostport%:*};Port=${hostport##*:};Database=$database;Username=nhi;Password=$password" \
Nhi__Tokens__KeyEncryption__Key="$key_encryption_key" \
Nhi__Issuer="$(jq -r .gateway "$endpoints")" \
  exec dotnet "$dll" break-glass --client-id "$client_id" --output "$output"
