"""tests/firmware/data/tinyrps_val_golden.txt agrees with the other committed artifacts: its
images hash is that of the regenerated validation split, and its logits are what the golden model
computes with the committed int8 network (firmware/generated/tinyrps_int8.c) on those images.
Also the parser's rejection of malformed files."""

import os
import unittest

import helpers
from minifvp_ml import validation_golden

REPO = os.path.dirname(helpers.SCRIPTS_DIR)
GOLDEN = os.path.join(REPO, "tests", "firmware", "data", validation_golden.GOLDEN_NAME)
GENERATED = os.path.join(REPO, "firmware", "generated")


class CommittedGoldenTest(unittest.TestCase):
    def test_golden_matches_committed_network_and_regenerated_images(self):
        with open(GOLDEN, encoding="utf-8") as f:
            golden = validation_golden.parse_golden(f.read())
        val = validation_golden.regenerate_validation(golden["seed"], golden["train_per_class"],
                                                      golden["val_per_class"])
        self.assertEqual(validation_golden.images_sha256(val.images), golden["images_sha256"])
        self.assertEqual(val.labels.tolist(), golden["labels"].tolist())
        net = validation_golden.load_network_from_c(GENERATED)
        self.assertEqual(validation_golden.golden_logits(net, val.images).tolist(),
                         golden["logits"].tolist())


class ParseGoldenTest(unittest.TestCase):
    HEADER = "seed 7\ntrain_per_class 2\nval_per_class 1\nimages_sha256 ab\n"

    def test_round_trip(self):
        g = validation_golden.parse_golden(self.HEADER + "0 0 5 -1 2\n1 1 0 9 -3\n2 2 1 1 4\n")
        self.assertEqual(g["labels"].tolist(), [0, 1, 2])
        self.assertEqual(g["logits"].tolist(), [[5, -1, 2], [0, 9, -3], [1, 1, 4]])

    def test_rejects_missing_records_header_and_bad_lines(self):
        with self.assertRaisesRegex(ValueError, "2 records"):
            validation_golden.parse_golden(self.HEADER + "0 0 5 -1 2\n1 1 0 9 -3\n")
        with self.assertRaisesRegex(ValueError, "missing header"):
            validation_golden.parse_golden("seed 7\n0 0 5 -1 2\n")
        with self.assertRaisesRegex(ValueError, "line 5"):
            validation_golden.parse_golden(self.HEADER + "1 0 5 -1 2\n")


if __name__ == "__main__":
    unittest.main()
