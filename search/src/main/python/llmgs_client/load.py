"""Load benchmark: N client threads send evaluate requests to one server for S seconds.

    python3 -m llmgs_client.load --url http://127.0.0.1:8788 --clients 4 --seconds 20 --batch 64

Scores are computed once first; every answer during the run is checked against them, so the
figures count only right answers. Reports requests/s, programs/s, p50/p99 latency and the
requests that failed: errors (a refusal), lost (no answer, or a short or malformed one) and
wrong (a score that differs). Exits 1 when any of those is not 0.
"""

import argparse
import json
import math
import os
import sys
import threading
import time
from typing import Any, Dict, List, Optional

from .client import DEFAULT_URL, Client, LlmgsError

_HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROGRAMS = os.path.normpath(os.path.join(
    _HERE, "..", "..", "..", "..", "..", "bench", "src", "main", "resources", "io", "github", "llmgs", "bench",
    "neighborhood-1024.txt"))


def read_programs(path: str) -> List[str]:
    """One program per line; blank lines and # comments are skipped."""
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]


def percentile(sorted_values: List[float], q: float) -> float:
    """Nearest rank: the smallest value with at least q of the values at or below it."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(q * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


class _Worker(threading.Thread):
    def __init__(self, index: int, args: argparse.Namespace, programs: List[str], expected: List[Optional[float]],
                 deadline: float):
        super().__init__(name="llmgs-load-%d" % index, daemon=True)
        self.client = Client(args.url, token=args.token, timeout=args.timeout)
        self.args = args
        self.programs = programs
        self.expected = expected
        self.deadline = deadline
        # the threads start apart and stride together, so that together they walk the whole file
        self.offset = index * args.batch
        self.stride = args.clients * args.batch
        self.latencies = []  # type: List[float]
        self.errors = self.lost = self.wrong = 0
        self.first_problem = None  # type: Optional[str]

    def run(self) -> None:
        n = len(self.programs)
        while time.monotonic() < self.deadline:
            picks = [(self.offset + i) % n for i in range(self.args.batch)]
            self.offset = (self.offset + self.stride) % n
            start = time.monotonic()
            try:
                answer = self.client.evaluate(self.args.task, [self.programs[i] for i in picks], seeds=self.args.seeds)
                scores = answer.scores
            except LlmgsError as e:
                if e.status is None:
                    self.lost += 1
                else:
                    self.errors += 1
                self._note(str(e))
                continue
            except (ValueError, KeyError, TypeError) as e:  # an answer that is not the API's shape
                self.lost += 1
                self._note("malformed answer: %r" % e)
                continue
            self.latencies.append(time.monotonic() - start)
            if len(scores) != len(picks):
                self.lost += 1
                self._note("%d scores for %d programs" % (len(scores), len(picks)))
            elif any(s != self.expected[i] for s, i in zip(scores, picks)):
                self.wrong += 1
                self._note("a score differs from the first evaluation")

    def _note(self, problem: str) -> None:
        if self.first_problem is None:
            self.first_problem = problem


def run(args: argparse.Namespace) -> Dict[str, Any]:
    """Runs the benchmark; returns the figures (as --json prints them)."""
    try:
        programs = read_programs(args.programs)
    except OSError as e:
        raise SystemExit("llmgs_client.load: cannot read --programs: %s" % e)
    if not programs:
        raise SystemExit("llmgs_client.load: no programs in %s" % args.programs)
    client = Client(args.url, token=args.token, timeout=args.timeout)
    health = client.health()
    expected = client.evaluate(args.task, programs, seeds=args.seeds).scores
    deadline = time.monotonic() + args.seconds
    start = time.monotonic()
    workers = [_Worker(i, args, programs, expected, deadline) for i in range(args.clients)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.monotonic() - start
    latencies = sorted(x for w in workers for x in w.latencies)
    answered = len(latencies)
    problems = [w.first_problem for w in workers if w.first_problem]
    return {
        "url": client.url, "backend": health.get("backend"), "device": health.get("device"),
        "task": args.task, "clients": args.clients, "batch": args.batch, "seconds": round(elapsed, 3),
        "programs_in_file": len(programs), "requests": answered,
        "requests_per_s": round(answered / elapsed, 2), "programs_per_s": round(answered * args.batch / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2), "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "errors": sum(w.errors for w in workers), "lost": sum(w.lost for w in workers),
        "wrong": sum(w.wrong for w in workers), "retried_429": sum(w.client.retried for w in workers),
        "first_problem": problems[0] if problems else None,
    }


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m llmgs_client.load", description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default=DEFAULT_URL, help="the server (default: %(default)s)")
    p.add_argument("--token", default=os.environ.get("LLMGS_TOKEN"), help="bearer token (default: $LLMGS_TOKEN)")
    p.add_argument("--clients", type=int, default=4, help="client threads (default: %(default)s)")
    p.add_argument("--seconds", type=float, default=20.0, help="how long to send (default: %(default)s)")
    p.add_argument("--task", default="DoorKey", help="task (default: %(default)s)")
    p.add_argument("--programs", default=DEFAULT_PROGRAMS, help="programs, one per line (default: the bench's neighborhood-1024.txt)")
    p.add_argument("--batch", type=int, default=64, help="programs per request (default: %(default)s)")
    p.add_argument("--seeds", default=None, help="instance seeds, e.g. 0-31 (default: the task's)")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per request (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = p.parse_args(argv)
    if args.clients < 1 or args.batch < 1 or not args.seconds > 0:
        p.error("--clients and --batch must be >= 1 and --seconds > 0")
    try:
        r = run(args)
    except LlmgsError as e:
        print("llmgs_client.load: %s" % e, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(r))
    else:
        print("%s (%s), task %s: %d clients x batch %d for %.1f s" % (r["backend"], r["device"], r["task"], r["clients"],
                                                                     r["batch"], r["seconds"]))
        print("  %d requests  %.1f requests/s  %.0f programs/s  p50 %.1f ms  p99 %.1f ms" % (
            r["requests"], r["requests_per_s"], r["programs_per_s"], r["p50_ms"], r["p99_ms"]))
        print("  errors %d  lost %d  wrong %d  (429 retried %d)" % (r["errors"], r["lost"], r["wrong"], r["retried_429"]))
        if r["first_problem"]:
            print("  first problem: %s" % r["first_problem"])
    return 1 if r["errors"] or r["lost"] or r["wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
