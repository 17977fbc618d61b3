"""Sessions: the app's state in a JSON file (``.bpviz``) with a schema version.

A session holds the playground's configuration (with the dataset's definition: its seed and parameters, not
its points, unless the points were drawn or imported: then they are in it), the network's weights and biases,
where training stood (step, epoch) and the loss history, and the worked example's starting numbers. Floats are
written with Python's exact repr, so a reopened network makes the same predictions to the last bit.

Opening checks every field before anything is built, because a file can hold any JSON at all: a damaged,
truncated, foreign or newer file, a value of the wrong type (true where a number belongs: Python calls it one),
a number beyond float64 or beyond what the window's controls can show (the limits of TrainConfig and
DatasetSpec are theirs), is refused with one short sentence naming the file and the problem, and nothing is
changed. So a session that opens can always be shown. The loss history is checked column by column with NumPy
and thinned as the Trainer thins it: a file of an older bpviz, which kept every epoch, opens too.
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
from bpviz.engine.checks import is_real, is_whole, show, show_names, whole_number
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, phrase_of
from bpviz.engine.presets import ExampleParams
from bpviz.engine.thinning import DEFAULT_CAPACITY
from bpviz.files import FileError, decode_json, file_path, read_text, write_text
from bpviz.quoting import shorten
from bpviz.training import HistoryArrays, TrainConfig

FORMAT = "bpviz-session"
SCHEMA = 2  # 2: data sets of K classes and custom points (drawn or imported); format 1 files open too
SUFFIX = ".bpviz"
MAX_COUNT = 2**53  # steps and epochs: exact in a float64 (the plots draw them), beyond any real run


class SessionError(FileError):
    """A session file was refused (or could not be written); the message names the file and the problem (a
    Phrase: the window says it in its own language, bpviz.engine.phrases)."""


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
    try:
        text = to_json(session)
    except ValueError:  # json refuses inf and NaN: a file that could not be opened again is not written
        raise SessionError(QT_TRANSLATE_NOOP("Session", "Cannot write {path}: the network holds a number that is not "
                                                        "finite").format(path=path)) from None
    return write_text(path, text)


# ------------------------------------------------------------------------------------------------ opening
def load_session(path) -> Session:
    """Read and check a session file; SessionError says what is wrong with it."""
    try:
        text = read_text(path)
    except FileError as exc:
        raise SessionError(phrase_of(exc)) from None
    return parse_session(text, file_path(path, "open"))


def parse_session(text: str, path) -> Session:
    """Check ``text`` field by field; a Session, or SessionError naming ``path`` and the first problem found.
    Nothing is built from a file that fails any check."""
    try:
        data = decode_json(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(QT_TRANSLATE_NOOP("Session", "it is not a bpviz session file"))
        _check_schema(data)
        playground = _part(data, "playground", _playground)
        example = _part(data, "example", _example)
    except ValueError as exc:
        raise SessionError(_cannot_open(path, phrase_of(exc))) from None
    if playground is None and example is None:
        raise SessionError(_cannot_open(path, QT_TRANSLATE_NOOP("Session", "it holds neither a playground nor a "
                                                                           "worked example")))
    return Session(playground, example)


def _cannot_open(path, problem):
    return QT_TRANSLATE_NOOP("Session", "Cannot open {path}: {problem}").format(path=path, problem=problem)


def _check_schema(data: dict) -> None:
    schema = data.get("schema")
    if not is_whole(schema) or schema < 1:
        raise ValueError(QT_TRANSLATE_NOOP("Session", "its session format version is not valid ({schema})")
                         .format(schema=show(schema)))
    if schema > SCHEMA:
        saved_by = data.get("saved_by", "unknown")
        saved_by = shorten(saved_by) if isinstance(saved_by, str) else "unknown"
        raise ValueError(QT_TRANSLATE_NOOP("Session", "it was saved by a newer bpviz ({saved_by}, session format "
                                                      "{schema}; this version reads format {ours}): update bpviz to "
                                                      "open it")
                         .format(saved_by=saved_by, schema=show(schema), ours=SCHEMA))


def _part(data: dict, key: str, parse):
    if key not in data:
        return None
    try:
        return parse(data[key])
    except (TypeError, OverflowError) as exc:  # a check that let a wrong type through: still one sentence
        problem = (QT_TRANSLATE_NOOP("Session", "the playground part is not valid ({error})") if key == "playground"
                   else QT_TRANSLATE_NOOP("Session", "the example part is not valid ({error})"))
        raise ValueError(problem.format(error=type(exc).__name__)) from None


def _fields(part, what: str, allowed) -> dict:
    """``part`` as a JSON object with no key but ``allowed`` (a misspelt key is refused, not ignored)."""
    if not isinstance(part, dict):
        raise ValueError(QT_TRANSLATE_NOOP("Session", "{what} is not an object").format(what=what))
    unknown = [k for k in part if k not in allowed]
    if unknown:
        raise ValueError(QT_TRANSLATE_NOOP("Session", "{what} has unknown field(s) {names}")
                         .format(what=what, names=show_names(unknown)))
    return part


def _matrix(values, shape: tuple[int, ...], what: str) -> np.ndarray:
    """Finite numbers (true and false are not numbers here) in nested lists of exactly ``shape``."""
    def check(v, dims) -> None:
        if not dims:
            if not is_real(v):
                raise ValueError(QT_TRANSLATE_NOOP("Session", "{what} must hold numbers only, got {value}")
                                 .format(what=what, value=show(v)))
            return
        if not isinstance(v, list) or len(v) != dims[0]:
            raise ValueError(QT_TRANSLATE_NOOP("Session", "the weights do not fit the layers: {what} must be {shape} "
                                                          "numbers").format(what=what, shape="×".join(map(str, shape))))
        for item in v:
            check(item, dims[1:])

    check(values, shape)
    try:
        a = np.array(values, dtype=float)
    except OverflowError:
        a = np.full(shape, np.inf)
    if not np.isfinite(a).all():
        raise ValueError(QT_TRANSLATE_NOOP("Session", "{what}: a number is too large for a float64").format(what=what))
    return a


def _playground(p) -> PlaygroundState:
    p = _fields(p, QT_TRANSLATE_NOOP("Session", "the playground part"), ("config", "network", "step", "epoch",
                                                                          "history"))
    if "config" not in p:
        raise ValueError(QT_TRANSLATE_NOOP("Session", "the playground's training settings are missing"))
    try:
        config = TrainConfig.from_dict(p["config"])
    except (ValueError, TypeError) as exc:
        raise ValueError(QT_TRANSLATE_NOOP("Session", "the training settings are not valid: {problem}")
                         .format(problem=phrase_of(exc))) from None
    network = _fields(p.get("network"), QT_TRANSLATE_NOOP("Session", "the network's weights"), ("weights", "biases"))
    weights, biases = network.get("weights"), network.get("biases")
    sizes = config.sizes
    n_layers = len(sizes) - 1
    if not (isinstance(weights, list) and isinstance(biases, list)):
        raise ValueError(QT_TRANSLATE_NOOP("Session", "the network's weights and biases must be lists of layers"))
    if len(weights) != n_layers or len(biases) != n_layers:
        raise ValueError(QT_TRANSLATE_NOOP("Session", "the network needs {n} weight and bias layers, the file has "
                                                      "{weights:,} and {biases:,}")
                         .format(n=n_layers, weights=len(weights), biases=len(biases)))
    W = tuple(_matrix(w, (n_in, n_out), QT_TRANSLATE_NOOP("Session", "the weights of layer {k}").format(k=k + 1))
              for k, (w, n_in, n_out) in enumerate(zip(weights, sizes[:-1], sizes[1:], strict=True)))
    B = tuple(_matrix(b, (n_out,), QT_TRANSLATE_NOOP("Session", "the biases of layer {k}").format(k=k + 1))
              for k, (b, n_out) in enumerate(zip(biases, sizes[1:], strict=True)))
    # (the checks module composes its sentence itself: the names given are phrases, for when it keeps them)
    step = whole_number(QT_TRANSLATE_NOOP("Session", "the step count"), p.get("step", 0), 0, MAX_COUNT)
    epoch = whole_number(QT_TRANSLATE_NOOP("Session", "the epoch count"), p.get("epoch", 0), 0, MAX_COUNT)
    return PlaygroundState(config, W, B, step, epoch, _history(p.get("history", _NO_HISTORY)))


_NO_HISTORY = {"steps": [0], "train_loss": [None], "test_loss": [None]}


def _history(h) -> HistoryArrays:
    """The loss history, checked as whole columns (a million entries take a fraction of a second)."""
    h = _fields(h, QT_TRANSLATE_NOOP("Session", "the loss history"), ("epochs", "steps", "train_loss", "test_loss"))
    steps = _counts(h.get("steps"), QT_TRANSLATE_NOOP("Session", "the loss history's steps"))
    epochs = (_counts(h["epochs"], QT_TRANSLATE_NOOP("Session", "the loss history's epochs")) if "epochs" in h
              else np.arange(len(steps)))
    train = _losses(h.get("train_loss", []), QT_TRANSLATE_NOOP("Session", "the loss history's train loss"))
    test = _losses(h.get("test_loss", []), QT_TRANSLATE_NOOP("Session", "the loss history's test loss"))
    if not len(epochs) == len(steps) == len(train) == len(test):
        raise ValueError(QT_TRANSLATE_NOOP("Session", "the loss history's columns have different lengths"))
    if np.any(np.diff(steps) < 0):
        raise ValueError(QT_TRANSLATE_NOOP("Session", "the loss history's steps go backwards"))
    if np.any(np.diff(epochs) <= 0):
        raise ValueError(QT_TRANSLATE_NOOP("Session", "the loss history's epochs do not increase"))
    keep = _evenly_spread(len(steps), DEFAULT_CAPACITY)
    return HistoryArrays(epochs[keep].astype(np.int64), steps[keep], train[keep], test[keep])


def _evenly_spread(n: int, capacity: int):
    """Which of ``n`` history entries to keep: all of them up to ``capacity``, else evenly spread ones and the last.
    A file of an older bpviz (which kept every epoch) then holds no more than the Trainer keeps (bpviz.engine.
    thinning), and History.restore does not walk a million entries in Python (1.1 s in the training thread)."""
    if n <= capacity:
        return slice(None)
    keep = np.arange(0, n, -(-n // capacity))
    return keep if keep[-1] == n - 1 else np.append(keep, n - 1)


def _counts(values, what: str) -> np.ndarray:
    if not isinstance(values, list) or not set(map(type, values)) <= {int}:  # type(): true and false are out
        raise ValueError(QT_TRANSLATE_NOOP("Session", "{what} must be a list of whole numbers").format(what=what))
    try:
        a = np.array(values, dtype=np.int64)
    except OverflowError:
        a = np.array([-1])
    if len(a) and (a.min() < 0 or a.max() > MAX_COUNT):
        raise ValueError(QT_TRANSLATE_NOOP("Session", "{what} must be whole numbers from 0 to {most}")
                         .format(what=what, most=MAX_COUNT))
    return a


def _losses(values, what: str) -> np.ndarray:
    """Losses: finite numbers, or null where there was none (no test set; read as NaN)."""
    if not isinstance(values, list) or not set(map(type, values)) <= {int, float, type(None)}:
        raise ValueError(QT_TRANSLATE_NOOP("Session", "{what} must be a list of numbers").format(what=what))
    try:
        a = np.array(values, dtype=float)  # null becomes NaN
    except OverflowError:
        a = np.array([np.inf])
    if np.isinf(a).any():
        raise ValueError(QT_TRANSLATE_NOOP("Session", "{what} holds a number too large for a float64")
                         .format(what=what))
    return a


def _example(e) -> ExampleState:
    e = _fields(e, QT_TRANSLATE_NOOP("Session", "the worked example part"), ("params", "update_biases"))
    update_biases = e.get("update_biases", False)
    if not isinstance(update_biases, bool):
        raise ValueError(QT_TRANSLATE_NOOP("Session", "the worked example's update_biases must be true or false, got "
                                                      "{value}").format(value=show(update_biases)))
    try:
        params = ExampleParams.from_dict(e.get("params", {}))
    except (ValueError, TypeError) as exc:
        raise ValueError(QT_TRANSLATE_NOOP("Session", "the worked example's numbers are not valid: {problem}")
                         .format(problem=phrase_of(exc))) from None
    return ExampleState(params, update_biases)
