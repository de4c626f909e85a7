"""The committed bundles (tests/npu/data) and firmware blobs (firmware/generated) are consistent:
every bundle runs on the Python functional NPU model to its expected_output.bin, its payload
embeds its command stream, and the firmware's weight regions are the bundles' flash.bin."""

import json
import os
import unittest

import helpers
from minifvp_ml.npu_compiler import interpreter
from minifvp_ml.npu_compiler.arch import accelerator

REPO = os.path.dirname(helpers.SCRIPTS_DIR)
DATA = os.path.join(REPO, "tests", "npu", "data")
GENERATED = os.path.join(REPO, "firmware", "generated")
BUNDLES = ("tinyrps/ethos-u55-128", "tinyrps/ethos-u55-256", "sine_mlp/ethos-u55-128")


def read(path):
    with open(path, "rb") as f:
        return f.read()


class CommittedBundlesTest(unittest.TestCase):
    def test_bundles_reproduce_their_expected_output(self):
        for name in BUNDLES:
            d = os.path.join(DATA, name)
            if not os.path.isdir(d):
                self.skipTest(f"{d} not generated")
            with self.subTest(bundle=name):
                with open(os.path.join(d, "layout.json")) as f:
                    layout = json.load(f)
                scratch = bytearray(read(os.path.join(d, "scratch_init.bin")))
                stream = read(os.path.join(d, "cmd_stream.bin"))
                macs = layout["driver_payload"]["arch_config_decoded"]["macs_per_cc"]
                interpreter.run_command_stream(stream, read(os.path.join(d, "flash.bin")), scratch,
                                               accelerator(macs))
                out = layout["outputs"][0]
                self.assertEqual(bytes(scratch[out["offset"]:out["offset"] + out["size_bytes"]]),
                                 read(os.path.join(d, "expected_output.bin")))
                self.assertTrue(read(os.path.join(d, "driver_payload.bin")).endswith(stream))

    def test_firmware_flash_matches_bundles(self):
        for macs in (128, 256):
            blob = os.path.join(GENERATED, f"tinyrps_u55_{macs}_flash.bin")
            bundle = os.path.join(DATA, "tinyrps", f"ethos-u55-{macs}", "flash.bin")
            if not (os.path.exists(blob) and os.path.exists(bundle)):
                self.skipTest("artifacts not generated")
            self.assertEqual(read(blob), read(bundle))


if __name__ == "__main__":
    unittest.main()
