"""Shared set-up for the pipeline tests: the package lives in scripts/, one level up."""

import os
import sys

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if SCRIPTS_DIR not in sys.path:
    sys.path.insert(0, SCRIPTS_DIR)

NPU_VECTORS = os.path.join(os.path.dirname(os.path.dirname(SCRIPTS_DIR)), "..", "shared", "npu-vectors")
if not os.path.isdir(NPU_VECTORS):
    NPU_VECTORS = "/work/shared/npu-vectors"
