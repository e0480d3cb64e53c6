#!/usr/bin/env bash
# score.sh REPO SET [-v]: build SET's docs with REPO's kg and score against its gold (gold.jsonl).
set -euo pipefail
repo=$1; set_=$2; shift 2
case "$set_" in W*|H*|J*|K*|L*) if [ "${LEAD:-}" != 1 ]; then echo "held-out set" >&2; exit 2; fi;; esac
d=${SETS_DIR:-/work/dev/sets}/$set_
gold=${GOLD:-$d/gold.jsonl}
score=$(cd "$(dirname "$0")/../../.." && pwd)/shared/eval/score.py
cd "$repo" && .venv/bin/python "$score" --gold "$gold" --docs "$d/docs" --kg "$repo/.venv/bin/kg" "$@"
