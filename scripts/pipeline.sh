#!/usr/bin/env bash
# Runs minifvp's ahead-of-time deployment path (scripts/minifvp_ml/pipeline.py): data set,
# TinyRPS and sine training, int8 quantization, Ethos-U55 compilation, and the committed
# artifacts in firmware/generated and tests/npu/data. Uses Debian's python3-torch/python3-numpy
# through /usr/bin/python3 (not a pyenv or pip environment). Extra arguments go to pipeline.py.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export PYTHONPATH="$repo/scripts${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONHASHSEED=0
exec /usr/bin/python3 -m minifvp_ml.pipeline "$@"
