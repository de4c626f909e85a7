"""A quick end-to-end run (tiny data set, one epoch) into a temporary directory, then the produced
bundles are executed by the Python functional NPU model and compared with expected_output.bin."""

import contextlib
import io
import json
import os
import shutil
import struct
import subprocess
import tempfile
import unittest

import numpy as np
import torch.nn as nn

import helpers  # noqa: F401
from minifvp_ml import pipeline, quantize, validation_golden
from minifvp_ml.npu_compiler import CompileError, compile_network, interpreter
from minifvp_ml.npu_compiler.arch import accelerator


class QuickPipelineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.fw = os.path.join(cls.tmp.name, "fw")
        cls.tests = os.path.join(cls.tmp.name, "tests")
        cls.validation = os.path.join(cls.tmp.name, "validation")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            rc = pipeline.main(["--quick", "--epochs", "1", "--train-per-class", "20",
                                "--val-per-class", "4", "--sine-steps", "300",
                                "--firmware-dir", cls.fw, "--tests-dir", cls.tests,
                                "--validation-dir", cls.validation])
        assert rc == 0

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def bundle(self, *parts):
        return os.path.join(self.tests, *parts)

    def run_bundle(self, directory):
        with open(os.path.join(directory, "layout.json")) as f:
            layout = json.load(f)
        read = lambda name: open(os.path.join(directory, name), "rb").read()  # noqa: E731
        scratch = bytearray(read("scratch_init.bin"))
        self.assertEqual(len(scratch), layout["regions"]["1"]["size_bytes"])
        flash = read("flash.bin")
        self.assertEqual(len(flash), layout["regions"]["0"]["size_bytes"])
        macs = layout["driver_payload"]["arch_config_decoded"]["macs_per_cc"]
        ops = interpreter.run_command_stream(read("cmd_stream.bin"), flash, scratch, accelerator(macs))
        out = layout["outputs"][0]
        got = bytes(scratch[out["offset"]:out["offset"] + out["size_bytes"]])
        self.assertEqual(got, read("expected_output.bin"))
        return layout, ops, read

    def test_validation_images_and_predictions_agree(self):
        # 4 validation images per class in the quick run: all of them are exported.
        with open(os.path.join(self.validation, "rps_validation.u8"), "rb") as f:
            images = f.read()
        self.assertEqual(len(images), 12 * 28 * 28)
        with open(os.path.join(self.validation, "rps_validation_expected.txt")) as f:
            rows = [line.split() for line in f if not line.startswith("#")]
        self.assertEqual(len(rows), 12)
        labels = ("rock", "paper", "scissors")
        for i, row in enumerate(rows):
            self.assertEqual(int(row[0]), i)
            logits = [int(v) for v in row[3:]]
            self.assertEqual(len(logits), 3)
            self.assertEqual(row[2], labels[logits.index(max(logits))])

    def test_validation_golden_file(self):
        # The quick run's split is small enough that rps_validation.u8 holds all of it.
        with open(os.path.join(self.validation, validation_golden.GOLDEN_NAME)) as f:
            golden = validation_golden.parse_golden(f.read())
        self.assertEqual((golden["seed"], golden["train_per_class"], golden["val_per_class"]),
                         (7, 20, 4))
        with open(os.path.join(self.validation, "rps_validation.u8"), "rb") as f:
            images = np.frombuffer(f.read(), dtype=np.uint8).reshape(-1, 28, 28)
        self.assertEqual(golden["images_sha256"], validation_golden.images_sha256(images))
        with open(os.path.join(self.validation, "rps_validation_expected.txt")) as f:
            rows = [line.split() for line in f if not line.startswith("#")]
        self.assertEqual(golden["logits"].tolist(), [[int(v) for v in r[3:]] for r in rows])
        self.assertEqual(golden["labels"].tolist(), [i % 3 for i in range(12)])
        # The network rebuilt from the exported C tables computes the same logits.
        net = validation_golden.load_network_from_c(self.fw)
        self.assertEqual(validation_golden.golden_logits(net, images).tolist(),
                         golden["logits"].tolist())

    def test_int8_tables_for_the_cpu_kernels(self):
        with open(os.path.join(self.fw, "tinyrps_int8.c")) as f:
            source = f.read()
        self.assertIn("#define TINYRPS_INT8_LAYERS 7", open(os.path.join(self.fw, "tinyrps_int8.h")).read())
        self.assertEqual(source.count("/* body."), 5)
        self.assertEqual(source.count("/* head."), 2)
        # The weights go to the .model_data sections the firmware loads into DDR.
        self.assertTrue('__attribute__((section(".model_data.tinyrps_int8"))) int8_t w5[401408]'
                        in source)

    def test_tinyrps_bundles_run_to_the_expected_logits(self):
        for name in ("ethos-u55-128", "ethos-u55-256"):
            layout, ops, read = self.run_bundle(self.bundle("tinyrps", name))
            self.assertEqual(ops, 7)
            self.assertEqual(layout["npu_ops"], {"NPU_OP_CONV": 5, "NPU_OP_POOL": 2, "NPU_OP_STOP": 1})
            # Vela's traversal rule: part-kernel-first for 1 and 16 input channels (3x3), not for
            # 32 channels or fully connected layers
            traversal = [r.get("weight_traversal") for r in layout["layers"]]
            self.assertEqual(traversal, ["part_kernel_first", "part_kernel_first", None, "depth_first",
                                         None, "depth_first", "depth_first"])
            inp = layout["inputs"][0]
            self.assertEqual(read("scratch_init.bin")[inp["offset"]:inp["offset"] + 784], read("input.bin"))

    def test_sine_bundle(self):
        layout, ops, _ = self.run_bundle(self.bundle("sine_mlp", "ethos-u55-128"))
        self.assertEqual(ops, 3)

    def test_driver_payload_header(self):
        payload = open(self.bundle("tinyrps", "ethos-u55-256", "driver_payload.bin"), "rb").read()
        stream = open(self.bundle("tinyrps", "ethos-u55-256", "cmd_stream.bin"), "rb").read()
        words = struct.unpack("<8I", payload[:32])
        self.assertEqual(payload[:4], b"COP1")
        self.assertEqual(words[1], 0x00100001)
        self.assertEqual(words[2], 0x00003008)  # 256 MACs (log2 8), 48 KiB SHRAM
        self.assertEqual(words[4:7], (5, 5, 5))
        self.assertEqual(words[7], 2 | ((len(stream) // 4) << 16))
        self.assertEqual(payload[32:], stream)
        self.assertEqual(struct.unpack("<I", stream[-4:])[0], 0xFFFF0000)  # NPU_OP_STOP 0xFFFF

    def test_firmware_sources(self):
        for name in ("tinyrps_model.h", "tinyrps_model.c", "tinyrps_u55_128_flash.S",
                     "tinyrps_u55_128_flash.bin", "rps_glyphs.c", "sine_model.c", "sine_model.h"):
            self.assertTrue(os.path.exists(os.path.join(self.fw, name)), name)
        header = open(os.path.join(self.fw, "sine_model.h")).read()
        self.assertIn("#define SINE_L2_IN 16", header)


    def test_generated_c_compiles_and_sine_matches_the_golden_model(self):
        cc = shutil.which("gcc") or shutil.which("cc")
        if cc is None:
            self.skipTest("no host C compiler")
        exe = os.path.join(self.tmp.name, "sine_check")
        here = os.path.dirname(os.path.abspath(__file__))
        flags = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-I", self.fw]
        subprocess.run([cc, *flags, "-o", exe, os.path.join(here, "c", "sine_check.c"),
                        os.path.join(self.fw, "sine_model.c"), "-lm"], check=True)
        self.assertEqual(subprocess.run([exe], capture_output=True, text=True).returncode, 0)
        for source in ("tinyrps_model.c", "rps_glyphs.c"):
            subprocess.run([cc, *flags, "-c", "-o", os.path.join(self.tmp.name, source + ".o"),
                            os.path.join(self.fw, source)], check=True)
        arm = shutil.which("arm-none-eabi-gcc")
        if arm:
            obj = os.path.join(self.tmp.name, "flash.o")
            subprocess.run([arm, "-mcpu=cortex-m55", "-c", "-I", self.fw, "-o", obj,
                            os.path.join(self.fw, "tinyrps_u55_128_flash.S")], check=True)
            size = os.path.getsize(os.path.join(self.fw, "tinyrps_u55_128_flash.bin"))
            nm = subprocess.run([arm.replace("gcc", "nm"), obj], capture_output=True, text=True).stdout
            self.assertIn(f"{size:08x} R tinyrps_u55_128_flash_end", nm)


class CompilerRejectsTest(unittest.TestCase):
    def test_unsupported_layer_is_named(self):
        net = quantize.QuantizedNetwork("n", (4, 4, 1), quantize.QuantParams(0.1, 0))
        net.layers.append(quantize.QLayer("avgpool", "head.pool", (4, 4, 1), (2, 2, 1),
                                          net.input, net.input, kernel=(2, 2), stride=(2, 2)))
        with self.assertRaisesRegex(CompileError, "head.pool.*avgpool"):
            compile_network(net)

    def test_rescaling_maxpool_is_rejected(self):
        net = quantize.QuantizedNetwork("n", (4, 4, 1), quantize.QuantParams(0.1, 0))
        net.layers.append(quantize.QLayer("maxpool", "p", (4, 4, 1), (2, 2, 1), net.input,
                                          quantize.QuantParams(0.2, 0), kernel=(2, 2), stride=(2, 2)))
        with self.assertRaisesRegex(CompileError, "'p'.*quantization"):
            compile_network(net)

    def test_quantizer_rejects_unknown_modules(self):
        model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.AvgPool2d(2))
        with self.assertRaisesRegex(quantize.QuantizationError, "1: AvgPool2d"):
            quantize.quantize_sequential(model, "m", np.zeros((1, 1, 8, 8), np.float32),
                                         quantize.QuantParams(0.1, 0))

    def test_unknown_mac_count(self):
        with self.assertRaises(ValueError):
            accelerator(96)


if __name__ == "__main__":
    unittest.main()
