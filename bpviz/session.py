"""Sessions: the app's state in a JSON file (``.bpviz``) with a schema version.

A session holds the playground's configuration (with the dataset's definition: its seed and parameters, not
its points), the network's weights and biases, where training stood (step, epoch) and the loss history, and
the worked example's starting numbers. Floats are written with Python's exact repr, so a reopened network
makes the same predictions to the last bit. Opening validates everything: a damaged, truncated, foreign or
newer file is refused with one sentence naming the file and the problem, and nothing is changed.
No Qt here: the CLI writes sessions too.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bpviz import __version__
from bpviz.engine.presets import ExampleParams
from bpviz.files import FileError, read_text, write_text
from bpviz.training import HistoryArrays, TrainConfig

FORMAT = "bpviz-session"
SCHEMA = 1
SUFFIX = ".bpviz"


class SessionError(FileError):
    """A session file was refused; the message names the file and the problem."""


@dataclass(frozen=True)
class PlaygroundState:
    config: TrainConfig
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    step: int
    epoch: int
    history: HistoryArrays


@dataclass(frozen=True)
class ExampleState:
    params: ExampleParams
    update_biases: bool


@dataclass(frozen=True)
class Session:
    playground: PlaygroundState | None = None
    example: ExampleState | None = None


# ------------------------------------------------------------------------------------------------ saving
def _floats(values) -> list:
    """Numbers as JSON can hold them (NaN, from a run without a test set, as null)."""
    return [None if not math.isfinite(v) else v for v in np.asarray(values, dtype=float).tolist()]


def to_json(session: Session) -> str:
    data: dict = {"format": FORMAT, "schema": SCHEMA, "saved_by": f"bpviz {__version__}",
                  "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    if session.playground is not None:
        p = session.playground
        data["playground"] = {
            "config": p.config.to_dict(),
            "network": {"weights": [np.asarray(w, float).tolist() for w in p.weights],
                        "biases": [np.asarray(b, float).tolist() for b in p.biases]},
            "step": int(p.step),
            "epoch": int(p.epoch),
            "history": {"epochs": [int(e) for e in p.history.epochs], "steps": [int(s) for s in p.history.steps],
                        "train_loss": _floats(p.history.train), "test_loss": _floats(p.history.test)},
        }
    if session.example is not None:
        data["example"] = {"params": session.example.params.to_dict(), "update_biases": session.example.update_biases}
    return json.dumps(data, indent=1, allow_nan=False) + "\n"


def save_session(path, session: Session) -> Path:
    """Write ``session`` to ``path`` (atomically: the old file stays until the new one is complete)."""
    return write_text(path, to_json(session))


# ------------------------------------------------------------------------------------------------ opening
def load_session(path) -> Session:
    """Read and check a session file; SessionError says what is wrong with it."""
    path = Path(path).expanduser()
    try:
        text = read_text(path)
    except FileError as exc:
        raise SessionError(str(exc)) from None
    return parse_session(text, path)


def parse_session(text: str, path) -> Session:
    def refuse(problem: str):
        raise SessionError(f"Cannot open {path}: {problem}")

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        refuse("the file is incomplete (it ends too early)" if _ends_open(text) else
               f"the file is damaged (not valid JSON at line {exc.lineno}, column {exc.colno})")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        refuse("it is not a bpviz session file")
    schema = data.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        refuse(f"its session format version is not valid ({schema!r})")
    if schema > SCHEMA:
        refuse(f"it was saved by a newer bpviz ({data.get('saved_by', 'unknown')}, session format {schema}; "
               f"this version reads format {SCHEMA}): update bpviz to open it")
    try:
        playground = _playground(data["playground"]) if "playground" in data else None
        example = _example(data["example"]) if "example" in data else None
    except (ValueError, TypeError, KeyError) as exc:
        refuse(str(exc).strip("'\""))
    if playground is None and example is None:
        refuse("it holds neither a playground nor a worked example")
    return Session(playground, example)


def _ends_open(text: str) -> bool:
    """The text ends inside a string or with brackets still open: it was cut off (a truncated file)."""
    depth, in_string, escaped = 0, False, False
    for ch in text:
        if in_string:
            escaped, in_string = (False, True) if escaped else (ch == "\\", ch != '"')
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
    return in_string or depth > 0


def _array(values, what: str) -> np.ndarray:
    if not isinstance(values, list):
        raise ValueError(f"{what} must be a list of numbers")
    try:
        a = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must hold numbers only") from None
    if not np.isfinite(a).all():
        raise ValueError(f"{what} holds a value that is not a finite number")
    return a


def _playground(p) -> PlaygroundState:
    if not isinstance(p, dict):
        raise ValueError("the playground part is not an object")
    try:
        config = TrainConfig.from_dict(p["config"])
    except KeyError:
        raise ValueError("the playground's training settings are missing") from None
    except (ValueError, TypeError) as exc:
        raise ValueError(f"the training settings are not valid: {exc}") from None
    network = p.get("network")
    if not isinstance(network, dict):
        raise ValueError("the network's weights are missing")
    sizes = config.sizes
    weights, biases = network.get("weights"), network.get("biases")
    n_layers = len(sizes) - 1
    if not (isinstance(weights, list) and isinstance(biases, list)):
        raise ValueError("the network's weights and biases must be lists of layers")
    if len(weights) != n_layers or len(biases) != n_layers:
        raise ValueError(f"the network needs {n_layers} weight and bias layers, the file has {len(weights)} and "
                         f"{len(biases)}")
    W, B = [], []
    for l, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        w, b = _array(weights[l], f"weights of layer {l + 1}"), _array(biases[l], f"biases of layer {l + 1}")
        if w.shape != (n_in, n_out) or b.shape != (n_out,):
            raise ValueError(f"the weights do not fit the layers: layer {l + 1} needs {n_in}×{n_out} weights and "
                             f"{n_out} biases, the file has {'×'.join(map(str, w.shape))} and {b.size}")
        W.append(w)
        B.append(b)
    step, epoch = p.get("step", 0), p.get("epoch", 0)
    if any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in (step, epoch)):
        raise ValueError("the step and epoch counts must be whole numbers >= 0")
    h = p.get("history", {"steps": [0], "train_loss": [None], "test_loss": [None]})
    if not isinstance(h, dict):
        raise ValueError("the loss history is not an object")
    steps = _whole_numbers(h.get("steps"), "the loss history's steps")
    epochs = _whole_numbers(h.get("epochs", list(range(len(steps)))), "the loss history's epochs")
    train, test = (_losses(h.get(k, []), f"the loss history's {k.replace('_', ' ')}")
                   for k in ("train_loss", "test_loss"))
    if not len(epochs) == len(steps) == len(train) == len(test):
        raise ValueError("the loss history's columns have different lengths")
    if np.any(np.diff(steps) < 0):
        raise ValueError("the loss history's steps go backwards")
    if np.any(np.diff(epochs) <= 0):
        raise ValueError("the loss history's epochs do not increase")
    history = HistoryArrays(np.array(epochs, dtype=np.int64), np.array(steps, dtype=np.int64), train, test)
    return PlaygroundState(config, tuple(W), tuple(B), step, epoch, history)


def _whole_numbers(values, what: str) -> list[int]:
    if not isinstance(values, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise ValueError(f"{what} must be a list of whole numbers")
    if any(not 0 <= v < 2**63 for v in values):
        raise ValueError(f"{what} must be whole numbers from 0 to 2^63")
    return values


def _losses(values, what: str) -> np.ndarray:
    """Losses: numbers, or null where there was none (no test set)."""
    if not isinstance(values, list) or not all(
            v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in values):
        raise ValueError(f"{what} must be a list of numbers")
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def _example(e) -> ExampleState:
    if not isinstance(e, dict) or not isinstance(e.get("update_biases", False), bool):
        raise ValueError("the worked example part is not valid")
    try:
        params = ExampleParams.from_dict(e.get("params", {}))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"the worked example's numbers are not valid: {exc}") from None
    return ExampleState(params, e.get("update_biases", False))
