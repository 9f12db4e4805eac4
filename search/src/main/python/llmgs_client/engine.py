"""evaluate_program(program, task_envs) for code written against the reference prog_policies.

The reference scores a program by running it on each of a task's environment objects and
averaging the rewards. Here the environments only say which task and which instance seeds;
the server runs the episodes, so a search loop switches by replacing one function.
"""

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from .client import DEFAULT_URL, Client, LlmgsError, Seeds


class Engine:
    """Scores programs the way prog_policies' evaluate_program does, on an llmgs server.

    task: the task's name; default: the class name of the env objects (e.g. DoorKey), matched
    case-insensitively against the server's tasks. seeds: the instance seeds; default: each
    env's integer `seed` attribute, else its index (0..n-1, as the reference builds its envs).
    to_text: turns a program node into LEAPS tokens (e.g. the reference's
    dsl.parse_node_to_str); programs that are already strings need none.
    """

    def __init__(self, client: Union[Client, str, None] = None, task: Optional[str] = None, seeds: Seeds = None,
                 to_text: Optional[Callable[[Any], str]] = None):
        self.client = client if isinstance(client, Client) else Client(client or DEFAULT_URL)
        self.task = task
        self.seeds = seeds if seeds is None or isinstance(seeds, str) else [int(s) for s in seeds]
        self.to_text = to_text
        self._names = None  # type: Optional[Dict[str, str]]

    def evaluate_program(self, program: Any, task_envs: Optional[Sequence[Any]] = None,
                         best_reward: Optional[float] = None) -> float:
        """The mean return of one program on the task's instances. With best_reward, -inf as
        soon as one episode (in the envs' order) returns less, as the reference's early exit."""
        if best_reward is None:
            return self.evaluate_programs([program], task_envs)[0]
        result = self._evaluate([program], task_envs, per_episode=True)[0]
        if any(e.ret < best_reward for e in result.episodes):
            return -float("inf")
        return result.score

    def evaluate_programs(self, programs: Sequence[Any], task_envs: Optional[Sequence[Any]] = None) -> List[float]:
        """evaluate_program for many programs in one request (or a few): far fewer round trips."""
        if not programs:
            return []
        return [r.score for r in self._evaluate(programs, task_envs, per_episode=False)]

    def _evaluate(self, programs: Sequence[Any], task_envs: Optional[Sequence[Any]], per_episode: bool):
        texts = [self._text(p) for p in programs]
        task, seeds = self._where(task_envs)
        results = self.client.evaluate(task, texts, seeds=seeds, per_episode=per_episode).results
        for i, r in enumerate(results):
            if r.error is not None:
                # the reference hands over valid nodes: an error here means to_text writes another syntax
                raise LlmgsError(422, "programs[%d]" % i, "%s in %r" % (r.error, r.program))
        return results

    def _text(self, program: Any) -> str:
        if isinstance(program, str):
            return program
        if self.to_text is None:
            raise TypeError("the program is a %s, not a string: pass to_text= (e.g. dsl.parse_node_to_str) to "
                            "turn it into LEAPS tokens" % type(program).__name__)
        return self.to_text(program)

    def _where(self, task_envs: Optional[Sequence[Any]]) -> Tuple[str, Seeds]:
        envs = list(task_envs) if task_envs is not None else []
        task = self.task if self.task is not None else self._task_of(envs)
        seeds = self.seeds
        if seeds is None and envs:
            seeds = [_seed_of(env, i) for i, env in enumerate(envs)]
        return task, seeds

    def _task_of(self, envs: List[Any]) -> str:
        if not envs:
            raise ValueError("no task: pass task= to Engine, or the task's env objects")
        classes = sorted({type(env).__name__ for env in envs})
        if len(classes) != 1:
            raise ValueError("the envs are of several tasks (%s); score one task at a time" % ", ".join(classes))
        if self._names is None:
            self._names = {t["name"].lower(): t["name"] for t in self.client.tasks()}
        name = self._names.get(classes[0].lower())
        if name is None:
            raise ValueError("no llmgs task is named like the env class %s; known: %s (or pass task=)"
                             % (classes[0], ", ".join(sorted(self._names.values()))))
        return name


def _seed_of(env: Any, index: int) -> int:
    seed = getattr(env, "seed", None)
    return seed if isinstance(seed, int) and not isinstance(seed, bool) else index


_engines = {}  # type: Dict[Tuple[Any, ...], Engine]


def evaluate_program(program: Any, task_envs: Optional[Sequence[Any]] = None, url: str = DEFAULT_URL,
                     task: Optional[str] = None, to_text: Optional[Callable[[Any], str]] = None,
                     best_reward: Optional[float] = None) -> float:
    """Engine(url, task, to_text=to_text).evaluate_program(program, task_envs), keeping one Engine
    per server, task and to_text, so that the task list is asked once."""
    key = (url, task, to_text)
    engine = _engines.get(key)
    if engine is None:
        engine = _engines[key] = Engine(url, task=task, to_text=to_text)
    return engine.evaluate_program(program, task_envs, best_reward=best_reward)
