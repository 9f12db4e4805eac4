"""The load benchmark for about 2 s with 2 clients: every answer arrives and is right. (No
timing is asserted: the figures are for the README, measured by hand.)"""

import contextlib
import io
import json
import os
import unittest

from llmgs_client import load
from serve_helper import ROOT, Server


class LoadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_two_clients_for_two_seconds_lose_nothing(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = load.main(["--url", self.server.url, "--clients", "2", "--seconds", "2", "--batch", "64", "--json"])
        r = json.loads(out.getvalue())
        self.assertEqual((0, 0, 0), (r["errors"], r["lost"], r["wrong"]), r)
        self.assertEqual(0, code)
        self.assertGreater(r["requests"], 0)
        self.assertEqual(1024, r["programs_in_file"])

    def test_the_default_programs_file_is_the_benchmarks(self):
        self.assertEqual(os.path.join(ROOT, "bench", "src", "main", "resources", "io", "github", "llmgs", "bench",
                                      "neighborhood-1024.txt"), load.DEFAULT_PROGRAMS)
        self.assertTrue(os.path.isfile(load.DEFAULT_PROGRAMS))

    def test_percentiles_are_nearest_rank(self):
        values = sorted(float(i) for i in range(1, 101))
        self.assertEqual(50.0, load.percentile(values, 0.5))
        self.assertEqual(99.0, load.percentile(values, 0.99))
        self.assertEqual(7.0, load.percentile([7.0], 0.99))


if __name__ == "__main__":
    unittest.main()
