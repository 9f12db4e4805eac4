"""llmgs_client against live servers: scores equal the conformance vectors, refusals are
LlmgsErrors naming the field, the prog_policies adapter equals evaluate(), and a token server
answers only requests that carry the token."""

import http.server
import json
import os
import re
import socket
import threading
import unittest
from collections import OrderedDict

import llmgs_client
from llmgs_client import Client, Engine, LlmgsError
from serve_helper import ROOT, Server

VECTORS = os.path.join(ROOT, "engine", "src", "test", "resources", "conformance")
TOKEN_ENV = "LLMGS_TEST_CLIENT_TOKEN"
TOKEN = "test-token-4f2b9c"


def vectors(domain):
    """The conformance episodes of a domain, grouped by task and seeds (one request each)."""
    groups = OrderedDict()
    with open(os.path.join(VECTORS, domain, "episodes.jsonl"), encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            groups.setdefault((o["task"], tuple(o["seeds"])), []).append(o)
    return groups


class DoorKey:
    """A stand-in for the reference's task env: its class name is the task, .seed the instance."""

    def __init__(self, seed):
        self.seed = seed


class doorkey:  # noqa: N801 - the name is the test: matched case-insensitively
    pass


class Node:
    """A stand-in for a reference program node."""

    def __init__(self, text):
        self.text = text


class LiveServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.client = Client(cls.server.url)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_health_and_tasks(self):
        h = self.client.health()
        self.assertEqual("ok", h["status"])
        self.assertGreaterEqual(h["limits"]["max_programs"], 1)
        tasks = {t["name"]: t for t in self.client.tasks()}
        self.assertEqual("karel", tasks["DoorKey"]["domain"])
        self.assertEqual("minigrid", tasks["LavaGap"]["domain"])
        self.assertEqual("0-31", tasks["DoorKey"]["seeds"])

    def test_the_printed_url_and_the_bare_origin_both_work(self):
        self.assertTrue(self.server.url.endswith("/v1/"), self.server.url)
        self.assertEqual(Client(self.server.url).url, Client(self.server.url[:-len("/v1/")]).url)

    def check_vectors(self, domain, per_episode):
        checked = 0
        for (task, seeds), lines in vectors(domain).items():
            e = self.client.evaluate(task, [o["program"] for o in lines], seeds=list(seeds), per_episode=per_episode)
            self.assertEqual(task, e.task)
            self.assertEqual(domain, e.domain)
            self.assertEqual(list(seeds), e.seeds)
            self.assertEqual(len(lines), len(e.results))
            for o, r in zip(lines, e.results):
                where = "%s %r" % (task, o["program"])
                self.assertIsNone(r.error, where)
                self.assertEqual(o["program"], r.program)
                self.assertLessEqual(abs(r.score - o["mean"]), 1e-9, where)
                if not per_episode:
                    self.assertIsNone(r.episodes)
                    continue
                self.assertEqual(list(seeds), [ep.seed for ep in r.episodes], where)
                self.assertEqual(o["returns"], [ep.ret for ep in r.episodes], where)
                self.assertEqual(o["steps"], [ep.steps for ep in r.episodes], where)
                self.assertEqual(o["calls"], [ep.calls for ep in r.episodes], where)
                self.assertEqual(o["crashed"], [ep.crashed for ep in r.episodes], where)
                self.assertEqual(o.get("terminated"), None if domain == "karel" else [ep.terminated for ep in r.episodes],
                                 where)
            checked += len(lines)
        return checked

    def test_karel_scores_equal_the_conformance_vectors(self):
        self.assertEqual(2346, self.check_vectors("karel", per_episode=False))

    def test_karel_episodes_equal_the_conformance_vectors(self):
        self.assertEqual(2346, self.check_vectors("karel", per_episode=True))

    def test_minigrid_scores_and_episodes_equal_the_conformance_vectors(self):
        self.assertEqual(445, self.check_vectors("minigrid", per_episode=False))
        self.assertEqual(445, self.check_vectors("minigrid", per_episode=True))

    def test_a_program_that_does_not_parse_gets_its_error_in_its_slot(self):
        e = self.client.evaluate("DoorKey", ["DEF run m( move m)", "DEF run m( mvoe m)", "DEF run m( turnLeft m)"])
        self.assertEqual([0.0, None, 0.0], e.scores)
        self.assertRegex(e.results[1].error, r"^\d+:\d+")
        self.assertIn("mvoe", e.results[1].error)
        self.assertEqual("DEF run m( mvoe m)", e.results[1].program)
        self.assertIsNone(e.results[0].error)

    def test_an_unknown_task_is_an_error_naming_the_field(self):
        with self.assertRaises(LlmgsError) as c:
            self.client.evaluate("NoSuchTask", ["DEF run m( move m)"])
        self.assertEqual(422, c.exception.status)
        self.assertEqual("task", c.exception.field)
        self.assertIn("NoSuchTask", str(c.exception))
        self.assertIn("task", str(c.exception))
        self.assertNotIn("\n", str(c.exception))

    def test_bad_seeds_are_an_error_naming_the_field(self):
        with self.assertRaises(LlmgsError) as c:
            self.client.evaluate("DoorKey", ["DEF run m( move m)"], seeds="3-1x")
        self.assertEqual("seeds", c.exception.field)

    def test_seed_strings_and_lists_give_the_same_scores(self):
        programs = [o["program"] for o in vectors("karel")[("Maze", tuple(range(32)))][:20]]
        a = self.client.evaluate("Maze", programs, seeds="0,2,5-7")
        b = self.client.evaluate("Maze", programs, seeds=[0, 2, 5, 6, 7])
        self.assertEqual([0, 2, 5, 6, 7], a.seeds)
        self.assertEqual(a.scores, b.scores)

    def test_the_engine_adapter_equals_evaluate(self):
        lines = vectors("karel")[("DoorKey", tuple(range(32)))]
        programs = [o["program"] for o in lines[:40]]
        envs = [DoorKey(s) for s in range(32)]
        expected = self.client.evaluate("DoorKey", programs, seeds=range(32)).scores
        engine = Engine(self.client)
        self.assertEqual(expected[3], engine.evaluate_program(programs[3], envs))
        self.assertEqual(expected, engine.evaluate_programs(programs, envs))
        # seeds from the envs: a subset of instances is a subset
        subset = [DoorKey(s) for s in (4, 9)]
        self.assertEqual(self.client.evaluate("DoorKey", programs[:5], seeds=[4, 9]).scores,
                         engine.evaluate_programs(programs[:5], subset))
        # no seed attribute: the envs' indices, 0..n-1, as the reference builds them
        self.assertEqual(expected, Engine(self.server.url).evaluate_programs(programs, [doorkey() for _ in range(32)]))
        # nodes through to_text
        nodes = Engine(self.client, to_text=lambda n: n.text)
        self.assertEqual(expected[:3], nodes.evaluate_programs([Node(p) for p in programs[:3]], envs))
        self.assertEqual(expected[0], llmgs_client.evaluate_program(programs[0], envs, url=self.server.url))

    def test_the_engine_adapter_exits_early_below_best_reward_as_the_reference(self):
        lines = vectors("karel")[("DoorKey", tuple(range(32)))]
        o = next(o for o in lines if min(o["returns"]) < max(o["returns"]))
        envs = [DoorKey(s) for s in range(32)]
        engine = Engine(self.client)
        self.assertEqual(float("-inf"), engine.evaluate_program(o["program"], envs, best_reward=max(o["returns"])))
        self.assertLessEqual(abs(engine.evaluate_program(o["program"], envs, best_reward=min(o["returns"])) - o["mean"]),
                             1e-9)

    def test_the_engine_adapter_says_what_it_needs(self):
        engine = Engine(self.client)
        with self.assertRaises(TypeError) as c:
            engine.evaluate_program(Node("DEF run m( move m)"), [DoorKey(0)])
        self.assertIn("to_text", str(c.exception))

        class Nowhere:
            pass

        with self.assertRaises(ValueError) as c:
            engine.evaluate_program("DEF run m( move m)", [Nowhere()])
        self.assertIn("Nowhere", str(c.exception))
        self.assertIn("DoorKey", str(c.exception))
        self.assertIn("LavaGap", str(c.exception))
        with self.assertRaises(LlmgsError) as c:
            engine.evaluate_program("DEF run m( mvoe m)", [DoorKey(0)])
        self.assertRegex(str(c.exception), r"\d+:\d+")
        self.assertEqual(0.0, Engine(self.client, task="LavaGap", seeds=[0, 2]).evaluate_program("DEF run m( forward m)"))

    def test_a_trace_ends_at_the_episode_return(self):
        lines = vectors("karel")[("DoorKey", tuple(range(32)))]
        o = next(o for o in lines if 0 < o["steps"][3] <= 200)
        t = self.client.trace("DoorKey", o["program"], seed=3)
        self.assertEqual(3, t.seed)
        self.assertEqual(o["returns"][3], t.ret)
        self.assertEqual(o["steps"][3], t.steps)
        self.assertEqual(o["calls"][3], t.calls)
        self.assertEqual(o["crashed"][3], t.crashed)
        self.assertTrue(t.log)
        self.assertEqual(0, t.log_omitted)
        self.assertLessEqual(abs(t.log[-1].ret - t.ret), 1e-9)
        self.assertIsNone(t.gif)
        self.assertIsNone(t.terminated)
        self.assertTrue(t.summary and "\n" not in t.summary)

    def test_a_trace_gif_and_a_capped_log(self):
        t = self.client.trace("LavaGap", "DEF run m( REPEAT R=3 r( forward r) m)", gif=True, max_frames=20)
        self.assertEqual("minigrid", t.domain)
        self.assertIsNotNone(t.terminated)
        self.assertTrue(t.gif.startswith(b"GIF8"), t.gif[:8])
        lines = vectors("karel")[("DoorKey", tuple(range(32)))]
        o = next(o for o in lines if o["steps"][0] > 5)
        capped = self.client.trace("DoorKey", o["program"], max_steps=2)
        self.assertLessEqual(len(capped.log), 2)
        self.assertGreater(capped.log_omitted, 0)
        self.assertEqual(o["steps"][0], capped.steps)

    def test_a_trace_of_a_program_that_does_not_parse_names_the_field(self):
        with self.assertRaises(LlmgsError) as c:
            self.client.trace("DoorKey", "DEF run m( mvoe m)")
        self.assertEqual((422, "program"), (c.exception.status, c.exception.field))

    def test_no_server_is_a_one_line_error_saying_how_to_start_one(self):
        with socket.socket() as s:  # a port that nothing listens on
            s.bind(("127.0.0.1", 0))
            url = "http://127.0.0.1:%d" % s.getsockname()[1]
        with self.assertRaises(LlmgsError) as c:
            Client(url, timeout=5).health()
        m = str(c.exception)
        self.assertIsNone(c.exception.status)
        self.assertIn(url, m)
        self.assertIn("not running", m)
        self.assertIn("./llmgs serve", m)
        self.assertNotIn("\n", m)


class TokenServerTest(unittest.TestCase):
    """A server with a token, few programs per request and one evaluation at a time, so that the
    client's splitting and its 429 retries run for real."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server("--token-env", TOKEN_ENV, "--max-programs", "7", "--max-in-flight", "1",
                            env={TOKEN_ENV: TOKEN}).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_requests_without_the_token_are_refused(self):
        for client in (Client(self.server.url), Client(self.server.url, token="wrong")):
            with self.assertRaises(LlmgsError) as c:
                client.health()
            self.assertEqual(401, c.exception.status)
            self.assertEqual("Authorization", c.exception.field)
        self.assertEqual("ok", Client(self.server.url, token=TOKEN).health()["status"])

    def test_long_lists_are_split_by_the_server_limit_in_order(self):
        lines = vectors("karel")[("DoorKey", tuple(range(32)))][:30]
        e = Client(self.server.url, token=TOKEN).evaluate("DoorKey", [o["program"] for o in lines] + ["DEF run m( x m)"],
                                                           seeds=range(32))
        self.assertEqual(31, len(e.results))
        for o, r in zip(lines, e.results):
            self.assertEqual(o["program"], r.program)
            self.assertLessEqual(abs(r.score - o["mean"]), 1e-9)
        self.assertIsNotNone(e.results[30].error)

    def test_concurrent_requests_over_max_in_flight_are_retried_to_the_same_answer(self):
        programs = [o["program"] for o in vectors("karel")[("Harvester", tuple(range(32)))][:7]]
        expected = Client(self.server.url, token=TOKEN).evaluate("Harvester", programs).scores
        answers, failures = [], []

        def work():
            c = Client(self.server.url, token=TOKEN, retries=50)
            try:
                for _ in range(5):
                    answers.append(c.evaluate("Harvester", programs).scores)
            except LlmgsError as e:
                failures.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual([], failures)
        self.assertEqual([expected] * 20, answers)


class _Refusing(http.server.BaseHTTPRequestHandler):
    """Answers 429 (Retry-After 2) the first `refusals` times, then a health answer."""
    refusals = 0
    seen = 0

    def do_GET(self):
        type(self).seen += 1
        if type(self).seen <= type(self).refusals:
            body = b'{"error": "16 evaluations are running; retry shortly"}'
            self.send_response(429)
            self.send_header("Retry-After", "2")
        else:
            body = b'{"status": "ok", "limits": {}}'
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class RetryTest(unittest.TestCase):
    """429 handling against a stub server, with the client's sleep recorded instead of slept."""

    def setUp(self):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Refusing)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.slept = []
        _Refusing.seen = 0

    def tearDown(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def test_429_is_retried_after_retry_after(self):
        _Refusing.refusals = 2
        c = Client(self.url, retries=3, sleep=self.slept.append)
        self.assertEqual("ok", c.health()["status"])
        self.assertEqual(2, len(self.slept))
        self.assertTrue(all(2.0 <= s <= 2.5 for s in self.slept), self.slept)
        self.assertEqual(2, c.retried)

    def test_429_is_retried_a_bounded_number_of_times(self):
        _Refusing.refusals = 100
        with self.assertRaises(LlmgsError) as c:
            Client(self.url, retries=3, sleep=self.slept.append).health()
        self.assertEqual(429, c.exception.status)
        self.assertEqual(3, len(self.slept))
        self.assertEqual(4, _Refusing.seen)
        self.assertTrue(re.search(r"429.*retry shortly", str(c.exception)), str(c.exception))


if __name__ == "__main__":
    unittest.main()
