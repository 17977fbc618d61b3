"""Earlier runs of the training playground, kept to compare with the current one (issue 15, "Compare runs").

Plain Python, no Qt. The model takes every frame the playground's model takes (``take``, or subscribed to a
PlaygroundModel's ``frame`` event). A frame of another generation starts a new run: the previous run's last frame
is final, and the run is kept as an ``EarlierRun`` (its settings, its bounded loss history, its final figures),
unless it made no step (a reset right after another). At most ``MAX_UNPINNED`` unpinned runs are kept (the oldest
unpinned one goes first) and ``MAX_PINNED`` pinned ones (pinning a sixth is refused): never more than ten runs,
each holding a history of a few thousand entries at most.

The figures of a run, exactly (``RunFigures``):
- final train / test loss: the loss history's last entry (the end of the last epoch: the end of the curve drawn);
- accuracy: the last frame's (the network at its last step);
- steps / s: the mean of the rates the worker measured in the frames it sent while training ran (frames leave at
  ~30 a second while running, so this is close to a mean over the running time); NaN for a run that never ran
  (stepped by hand only);
- steps to 90 %: the history holds losses only, so the accuracy is read from the frames as they come: the step of
  the first frame whose accuracy (on the test set; on the training set when there is no test set) is >= 90 %,
  and the step of the frame before it. The run crossed 90 % after the earlier and at the latest at the later
  (frames come ~30 times a second while training runs, every step when stepping by hand). Only two numbers are
  kept per run. Not measurable for regression (no accuracy).

Each run is named, by default, by what it did differently from the current run ("lr 0.3", "8,8 → 4": hidden
layers 8,8 where the current run has 4, "relu, seed 7"), computed again whenever the current run's settings
change; a name the user gives replaces it. Events: ``changed`` (runs added, removed, renamed, pinned, or their
automatic names changed) and ``current`` (the current run's figures, with every frame).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bpviz.engine.features import FEATURE_LABELS
from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.models.observable import Observable
from bpviz.training.frames import Frame
from bpviz.training.history import HistoryArrays
from bpviz.training.trainer import LOSS_WORDS, TrainConfig

MAX_UNPINNED = 5  # earlier runs kept unpinned: the oldest unpinned one goes when another comes
MAX_PINNED = 5  # pinned runs: pinning another is refused
MAX_COLORS = MAX_UNPINNED + MAX_PINNED  # the colour slots: one per run kept, never shared
TARGET_ACCURACY = 0.9
MAX_NAME_CHARS = 60


@dataclass(frozen=True)
class RunFigures:
    steps: int
    epochs: int
    train_loss: float  # the history's last entry (NaN without one)
    test_loss: float  # NaN without a test set
    train_accuracy: float  # the last frame's; NaN for regression
    test_accuracy: float  # NaN for regression or without a test set
    steps_per_second: float  # the mean of the running frames' rates; NaN if training never ran
    reached_step: int | None  # the step of the first frame at >= 90 % accuracy; None: not reached (or not measurable)
    reached_after: int | None  # the step of the frame before it (None: it was the run's first frame)
    accuracy_on: str  # "test", "train" (no test set), or "" (regression: steps to 90 % means nothing)

    @property
    def measurable(self) -> bool:
        return self.accuracy_on != ""


class _Tracker:
    """The current run's figures as its frames come: constant memory."""

    def __init__(self):
        self.frame: Frame | None = None
        self._rate_sum = 0.0
        self._rate_n = 0
        self._reached: int | None = None
        self._reached_after: int | None = None
        self._previous_step: int | None = None

    def take(self, frame: Frame) -> None:
        s = frame.snapshot
        if frame.running and frame.steps_per_second > 0 and math.isfinite(frame.steps_per_second):
            self._rate_sum += frame.steps_per_second  # 0: the first frame after Play has no measurement yet
            self._rate_n += 1
        accuracy = _accuracy_of(frame)[0]
        if self._reached is None and accuracy >= TARGET_ACCURACY:  # NaN compares False
            self._reached, self._reached_after = int(s.step), self._previous_step
        self._previous_step = int(s.step)
        self.frame = frame

    def figures(self) -> RunFigures:
        s, h = self.frame.snapshot, self.frame.snapshot.history
        train = float(h.train[-1]) if len(h) else math.nan
        test = float(h.test[-1]) if len(h) else math.nan
        rate = self._rate_sum / self._rate_n if self._rate_n else math.nan
        return RunFigures(int(s.step), int(s.epoch), train, test, float(s.train_accuracy), float(s.test_accuracy),
                          rate, self._reached, self._reached_after, _accuracy_of(self.frame)[1])


def _accuracy_of(frame: Frame) -> tuple[float, str]:
    """The accuracy that decides "steps to 90 %": the test set's, or the training set's without a test set."""
    s = frame.snapshot
    if frame.config.is_regression:
        return math.nan, ""
    if math.isfinite(s.test_accuracy):
        return float(s.test_accuracy), "test"
    return float(s.train_accuracy), "train" if math.isfinite(s.train_accuracy) else ""


class EarlierRun:
    """A finished run: what the loss plot draws and the runs table lists."""

    def __init__(self, number: int, config: TrainConfig, history: HistoryArrays, figures: RunFigures, slot: int):
        self.number = number  # 1, 2, …: the order the runs were kept in (the current run is the next number)
        self.config = config  # its settings at its last frame (a learning rate changed live included)
        self.history = history
        self.figures = figures
        self.slot = slot  # its colour, 0 … MAX_COLORS - 1: kept while the run is kept
        self.pinned = False
        self.user_name: str | None = None
        self.auto_name = ""  # what differed from the current run (the model keeps it up to date)

    @property
    def name(self) -> str:
        return self.user_name if self.user_name is not None else self.auto_name

    def __repr__(self) -> str:
        return f"EarlierRun({self.number}, {self.name!r}, pinned={self.pinned})"


class RunsModel(Observable):
    EVENTS = ("changed", "current")

    def __init__(self, playground=None):
        """``playground``: a PlaygroundModel whose frames to follow (or call ``take`` with every frame)."""
        super().__init__()
        self.earlier: list[EarlierRun] = []  # oldest first
        self._tracker = _Tracker()
        self._kept = 0  # runs kept so far: numbers them
        self._config: TrainConfig | None = None  # the current run's settings, as last named against
        if playground is not None:
            playground.subscribe("frame", self.take)

    # ------------------------------------------------------------------ reading
    @property
    def current_number(self) -> int:
        """The number the current run will have once kept."""
        return self._kept + 1

    @property
    def current_config(self) -> TrainConfig | None:
        return self._config

    def current_figures(self) -> RunFigures | None:
        return None if self._tracker.frame is None else self._tracker.figures()

    def run(self, number: int) -> EarlierRun:
        for r in self.earlier:
            if r.number == number:
                return r
        raise KeyError(f"no earlier run {number}")

    def __len__(self) -> int:
        return len(self.earlier)

    # ------------------------------------------------------------------ frames
    def take(self, frame: Frame) -> None:
        previous = self._tracker.frame
        changed = False
        if previous is not None and frame.generation != previous.generation:
            changed = self._keep(self._tracker)
            self._tracker = _Tracker()
        self._tracker.take(frame)
        if frame.config is not self._config and frame.config != self._config:
            self._config = frame.config
            changed = self._rename_all() or changed
        self._config = frame.config
        if changed:
            self._notify("changed")
        self._notify("current")

    def _keep(self, tracker: _Tracker) -> bool:
        """Keep the run that just ended; False if it made no step (nothing to compare)."""
        last = tracker.frame
        if last.snapshot.step == 0:
            return False
        unpinned = [r for r in self.earlier if not r.pinned]
        for r in unpinned[: max(0, len(unpinned) - (MAX_UNPINNED - 1))]:  # room for this one: oldest go first
            self.earlier.remove(r)
        self._kept += 1
        used = {r.slot for r in self.earlier}
        slot = next(i for i in range(MAX_COLORS) if i not in used)  # at most MAX_COLORS - 1 are kept here
        run = EarlierRun(self._kept, last.config, last.snapshot.history, tracker.figures(), slot)
        run.auto_name = self._auto_name(run)
        self.earlier.append(run)
        return True

    def _auto_name(self, run: EarlierRun) -> str:
        if self._config is None:
            return f"run {run.number}"
        words = differences(run.config, self._config)
        return ", ".join(words) if words else f"same settings (run {run.number})"

    def _rename_all(self) -> bool:
        changed = False
        for r in self.earlier:
            name = self._auto_name(r)
            changed = changed or name != r.auto_name
            r.auto_name = name
        return changed

    # ------------------------------------------------------------------ the user's changes
    def rename(self, number: int, name: str | None) -> None:
        """Name a run; an empty name (or None) gives it back its automatic name."""
        run = self.run(number)
        name = " ".join(str(name).split())[:MAX_NAME_CHARS] if name is not None else ""
        new = name or None
        if new != run.user_name:
            run.user_name = new
            self._notify("changed")

    def remove(self, number: int) -> None:
        self.earlier.remove(self.run(number))
        self._notify("changed")

    def set_pinned(self, number: int, pinned: bool) -> None:
        """Pin (kept whatever runs come) or unpin. ValueError when MAX_PINNED runs are pinned already."""
        run = self.run(number)
        pinned = bool(pinned)
        if pinned == run.pinned:
            return
        if pinned and sum(r.pinned for r in self.earlier) >= MAX_PINNED:
            raise ValueError(QT_TRANSLATE_NOOP("Runs", "At most {most} runs can be pinned: unpin one first.")
                             .format(most=MAX_PINNED))
        run.pinned = pinned  # unpinned, it counts towards the MAX_UNPINNED kept from the next run on
        self._notify("changed")

    def clear(self) -> None:
        """Forget every earlier run (the current one goes on)."""
        if self.earlier:
            self.earlier.clear()
            self._notify("changed")


# ---------------------------------------------------------------------- what differed, in words
def differences(run: TrainConfig, now: TrainConfig) -> list[str]:
    """What ``run`` did differently from ``now``, in a few words each (its own values)."""
    d, e = run.dataset, now.dataset
    words = []
    if d.name != e.name:
        words.append("drawn points" if d.is_custom else d.name.replace("_", " "))
    elif d.is_custom and d.points != e.points:
        words.append("other points")
    if d.classes != e.classes and not d.is_custom:
        words.append(f"{d.classes} classes")
    if d.n_samples != e.n_samples and not d.is_custom:
        words.append(f"{d.n_samples} points")
    if d.noise != e.noise:
        words.append(f"noise {_num(100 * d.noise)}")
    if d.test_ratio != e.test_ratio:
        words.append(f"train {_num(100 * (1 - d.test_ratio))} %")
    if d.seed != e.seed:
        words.append(f"data seed {d.seed}")
    if run.features != now.features:
        words.append("inputs " + " ".join(FEATURE_LABELS.get(f, f) for f in run.features))
    if run.hidden != now.hidden:
        words.append(f"{_layers(run.hidden)} → {_layers(now.hidden)}")
    if run.activation != now.activation:
        words.append(run.activation)
    if run.loss != now.loss:
        words.append(LOSS_WORDS.get(run.loss, run.loss))
    if run.lr != now.lr:
        words.append(f"lr {_num(run.lr)}")
    if run.batch_size != now.batch_size:
        words.append("full batch" if run.batch_size == 0 else f"batch {run.batch_size}")
    if _regularization(run) != _regularization(now):
        kind, rate = _regularization(run)
        words.append("no regularization" if kind == "none" else f"{kind.upper()} {_num(rate)}")
    if run.seed != now.seed:
        words.append(f"seed {run.seed}")
    return words


def _regularization(c: TrainConfig) -> tuple[str, float]:
    """The regularization in effect: a rate of 0 is none, whatever the kind chosen."""
    return ("none", 0.0) if c.regularization == "none" or c.reg_rate == 0 else (c.regularization, c.reg_rate)


def _layers(hidden: tuple[int, ...]) -> str:
    return ",".join(str(h) for h in hidden) if hidden else "no hidden layer"


def _num(value: float) -> str:
    return f"{round(value, 6):g}"
