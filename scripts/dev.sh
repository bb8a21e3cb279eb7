#!/usr/bin/env bash
# Set up a fresh machine and run dialenv's main job or its tests.
#   bash scripts/dev.sh demo     # the demo on the embedded default (movie booking; no data needed)
#   bash scripts/dev.sh test     # the whole test suite
# Creates .venv (once), installs the CPU build of torch first (a bare `torch` requirement would pull
# several GB of CUDA packages), then dialenv with its [baselines,dev] extras.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${DIALENV_VENV:-.venv}
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
py="$venv/bin/python"
if ! "$py" -c "import torch" 2>/dev/null; then
    "$py" -m pip install --quiet --upgrade pip
    "$py" -m pip install --quiet torch==2.13.0
fi
"$py" -m pip install --quiet -e ".[baselines,dev]"
# The datasets live beside the repository here (../shared/data); elsewhere set DIALENV_DATA yourself.
if [ -z "${DIALENV_DATA:-}" ] && [ -d ../shared/data ]; then
    export DIALENV_DATA=$(cd ../shared/data && pwd)
fi
case "${1:-}" in
    demo) shift; exec "$venv/bin/dialenv" demo "$@" ;;
    test) shift; exec "$py" -m pytest -q "$@" ;;
    *) echo "usage: bash scripts/dev.sh demo|test [args]" >&2; exit 2 ;;
esac
