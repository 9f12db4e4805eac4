"""The HTTP side: one Client per server, answers as small records.

Standard library only (urllib), so that any Python 3.8+ environment, a research repository's
virtualenv included, can score programs without installing anything.
"""

import base64
import dataclasses
import json
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Union

DEFAULT_URL = "http://127.0.0.1:8788"

Seeds = Union[None, str, Iterable[int]]


class LlmgsError(Exception):
    """A request the server refused (status 4xx/5xx, field at fault or None), or could not be
    reached (status None). The message is one line, so a log or a traceback shows it whole."""

    def __init__(self, status: Optional[int], field: Optional[str], message: str):
        self.status = status
        self.field = field
        self.message = " ".join(str(message).split())
        super().__init__(self._line())

    def _line(self) -> str:
        where = "" if self.field is None else " (field %s)" % self.field
        if self.status is None:
            return self.message
        return "llmgs serve answered %d%s: %s" % (self.status, where, self.message)


class Episode(NamedTuple):
    """One instance's episode; terminated is None on Karel (MiniGrid only)."""
    seed: int
    ret: float
    steps: int
    calls: int
    crashed: bool
    terminated: Optional[bool]


class Result(NamedTuple):
    """One program's slot: a score, or the error (line:col ...) that kept it from running."""
    program: str
    score: Optional[float]
    error: Optional[str]
    episodes: Optional[List[Episode]]


@dataclasses.dataclass(frozen=True)
class Evaluation:
    """POST /v1/evaluate's answer, program by program in the order sent."""
    task: str
    domain: str
    backend: str
    seeds: List[int]
    max_calls: int
    results: List[Result]

    @property
    def scores(self) -> List[Optional[float]]:
        """Mean returns, None where the program did not parse."""
        return [r.score for r in self.results]


class Step(NamedTuple):
    """One action of a trace: its reward, the return so far and a status ("" or e.g. "END")."""
    step: int
    action: str
    reward: float
    ret: float
    status: str


@dataclasses.dataclass(frozen=True)
class Trace:
    """POST /v1/trace's answer: one episode, action by action (log), and a GIF when asked;
    terminated is None on Karel (MiniGrid only)."""
    task: str
    domain: str
    seed: int
    max_calls: int
    ret: float
    steps: int
    calls: int
    crashed: bool
    terminated: Optional[bool]
    summary: str
    log: List[Step] = dataclasses.field(repr=False)
    log_omitted: int
    gif: Optional[bytes] = dataclasses.field(repr=False)


def parse_seeds(text: str) -> List[int]:
    """The server's seed lists ("0-31", "0,2,5-7") as integers."""
    out = []  # type: List[int]
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        lo, sep, hi = part.partition("-")
        out.extend(range(int(lo), int(hi) + 1) if sep else [int(lo)])
    return out


def _base_url(url: str) -> str:
    """Accepts the server's own "listening at http://.../v1/" as well as the bare origin."""
    url = url.strip().rstrip("/")
    if url.endswith("/v1"):
        url = url[:-3]
    if "://" not in url:
        url = "http://" + url
    return url


def _loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")


class Client:
    """A client for `llmgs serve`.

    Every call is one or more plain HTTP requests with the given timeout (seconds). Refusals
    raise LlmgsError; 429 (too many evaluations at once) is retried up to `retries` times after
    the server's Retry-After, since it means the request was not run. Threads may share one:
    each call is its own HTTP request (only the `retried` count is then approximate).
    """

    def __init__(self, url: str = DEFAULT_URL, token: Optional[str] = None, timeout: float = 300.0,
                 retries: int = 8, sleep: Callable[[float], None] = time.sleep):
        self.url = _base_url(url)
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self.retried = 0  # 429s waited out, for the load benchmark
        self._sleep = sleep
        self._limits = None  # type: Optional[Dict[str, Any]]
        # a proxy from the environment must not intercept loopback (the server refuses other Host names)
        handlers = [urllib.request.ProxyHandler({})] if _loopback(self.url) else []
        self._opener = urllib.request.build_opener(*handlers)

    def __repr__(self) -> str:
        return "Client(%r)" % self.url

    def health(self) -> Dict[str, Any]:
        """Backend, device, version and the limits of one request."""
        return self._call("GET", "/v1/health")

    def tasks(self) -> List[Dict[str, Any]]:
        """Every task: name, domain, rows, cols, description, seeds ("0-31") and max_calls."""
        return self._call("GET", "/v1/tasks")["tasks"]

    def limits(self) -> Dict[str, Any]:
        """The server's limits, asked once (evaluate splits long lists by them)."""
        if self._limits is None:
            self._limits = self.health()["limits"]
        return self._limits

    def evaluate(self, task: str, programs: Sequence[str], seeds: Seeds = None,
                 per_episode: bool = False) -> Evaluation:
        """Scores programs (LEAPS token strings) on a task, each the mean return over the seeds
        (default: the task's run settings, 0-31). A program that does not parse gets its error in
        its slot; the others are still scored. Lists over the server's limits are sent as several
        requests, answered in order."""
        if isinstance(programs, str):
            raise TypeError("programs is a list of program strings; for one program pass [program]")
        programs = list(programs)
        for i, p in enumerate(programs):
            if not isinstance(p, str):
                raise TypeError("programs[%d] is a %s; programs are strings in LEAPS tokens" % (i, type(p).__name__))
        if not programs:
            raise ValueError("no programs")
        body = {"task": task}  # type: Dict[str, Any]
        if seeds is not None:
            body["seeds"] = seeds if isinstance(seeds, str) else [int(s) for s in seeds]
        if per_episode:
            body["per_episode"] = True
        answers = [self._call("POST", "/v1/evaluate", dict(body, programs=chunk))
                   for chunk in self._chunks(body, programs)]
        first = answers[0]
        results = []  # type: List[Result]
        for a in answers:
            results.extend(_result(r) for r in a["results"])
        if len(results) != len(programs):
            raise LlmgsError(None, None, "the server answered %d results for %d programs" % (len(results), len(programs)))
        results = [r._replace(program=p) for r, p in zip(results, programs)]
        return Evaluation(first["task"], first["domain"], first["backend"], parse_seeds(first["seeds"]),
                          first["max_calls"], results)

    def trace(self, task: str, program: str, seed: int = 0, gif: bool = False, max_steps: Optional[int] = None,
              max_frames: Optional[int] = None) -> Trace:
        """One episode of a program, action by action (at most max_steps log entries; the rest
        are counted in log_omitted), with an animated GIF of it when gif is true."""
        body = {"task": task, "program": program, "seed": seed}  # type: Dict[str, Any]
        if gif:
            body["gif"] = True
        if max_steps is not None:
            body["max_steps"] = max_steps
        if max_frames is not None:
            body["max_frames"] = max_frames
        a = self._call("POST", "/v1/trace", body)
        log = [Step(s["step"], s["action"], s["reward"], s["return"], s.get("status", "")) for s in a["log"]]
        return Trace(a["task"], a["domain"], a["seed"], a["max_calls"], a["return"], a["steps"], a["calls"],
                     a["crashed"], a.get("terminated"), a["summary"], log, a.get("log_omitted", 0),
                     base64.b64decode(a["gif"]) if a.get("gif") else None)

    def _chunks(self, body: Dict[str, Any], programs: List[str]) -> List[List[str]]:
        """Consecutive runs of programs that fit max_programs and max_body_bytes."""
        limits = self.limits()
        most = int(limits.get("max_programs", 4096))
        room = int(limits.get("max_body_bytes", 1 << 20)) - len(json.dumps(body)) - 32
        chunks = []  # type: List[List[str]]
        chunk = []  # type: List[str]
        size = 0
        for p in programs:
            n = len(json.dumps(p).encode("utf-8")) + 2
            if chunk and (len(chunk) == most or size + n > room):
                chunks.append(chunk)
                chunk, size = [], 0
            chunk.append(p)
            size += n
        chunks.append(chunk)
        return chunks

    def _call(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        attempt = 0
        while True:
            request = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
            try:
                with self._opener.open(request, timeout=self.timeout) as reply:
                    return json.loads(reply.read().decode("utf-8"))
            except urllib.error.HTTPError as e:
                refusal = _refusal(e)
                if e.code == 429 and attempt < self.retries:
                    attempt += 1
                    self.retried += 1
                    wait = _retry_after(e.headers.get("Retry-After"))
                    # a little spread, so that clients refused together do not return together
                    self._sleep(wait * (1 + 0.25 * random.random()))
                    continue
                raise refusal from None
            except urllib.error.URLError as e:
                raise self._unreachable(e.reason) from None
            except (ConnectionError, socket.timeout, OSError) as e:
                raise self._unreachable(e) from None

    def _unreachable(self, reason: Any) -> LlmgsError:
        if isinstance(reason, ConnectionRefusedError):
            return LlmgsError(None, None, "llmgs serve is not running at %s (connection refused); start it with "
                              "'./llmgs serve' in the llmgs repository, or pass the URL it prints" % self.url)
        if isinstance(reason, socket.timeout):
            return LlmgsError(None, None, "no answer from %s within %g s (Client timeout=)" % (self.url, self.timeout))
        return LlmgsError(None, None, "cannot reach %s: %s" % (self.url, reason))


def _result(r: Dict[str, Any]) -> Result:
    if "error" in r:
        return Result("", None, r["error"], None)
    episodes = None
    if "episodes" in r:
        episodes = [Episode(e["seed"], e["return"], e["steps"], e["calls"], e["crashed"], e.get("terminated"))
                    for e in r["episodes"]]
    return Result("", r["score"], None, episodes)


def _refusal(e: urllib.error.HTTPError) -> LlmgsError:
    """The server's {"error", "field"}, or the first line of whatever else answered."""
    try:
        text = e.read().decode("utf-8", "replace")
    except OSError:
        text = ""
    try:
        o = json.loads(text)
        return LlmgsError(e.code, o.get("field"), o.get("error", text))
    except (ValueError, AttributeError):
        line = text.strip().splitlines()[0][:200] if text.strip() else (e.reason or "")
        return LlmgsError(e.code, None, line)


def _retry_after(value: Optional[str]) -> float:
    """Retry-After in seconds (1 when absent or a date), at most a minute."""
    try:
        return min(max(float(value), 0.0), 60.0) if value is not None else 1.0
    except ValueError:
        return 1.0
