"""A standard-library client for `llmgs serve`, the engine's JSON API.

    from llmgs_client import Client
    print(Client("http://127.0.0.1:8788").evaluate("DoorKey", ["DEF run m( move m)"]).scores)

Engine and evaluate_program stand in for the reference prog_policies' evaluate_program;
`python3 -m llmgs_client.load` measures a server under concurrent clients.
"""

from .client import (DEFAULT_URL, Client, Episode, Evaluation, LlmgsError, Result, Step, Trace,
                     parse_seeds)
from .engine import Engine, evaluate_program

__all__ = ["DEFAULT_URL", "Client", "Engine", "Episode", "Evaluation", "LlmgsError", "Result", "Step", "Trace",
           "evaluate_program", "parse_seeds"]
