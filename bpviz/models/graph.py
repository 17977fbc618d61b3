"""The computation-graph page's state: each graph's last good evaluation and the backward step shown of it, and
which graph is shown (plain Python, no Qt).

The page builds Evaluations with the engine (bpviz.engine.compgraph) from its forms and hands them here; a graph
whose inputs change but whose steps stay the same keeps its step, so a user who edits a number sees the same step
with the new numbers. Switching graphs and back finds each as it was. Subscribers hear ``shown`` (another graph,
or the shown one rebuilt) and ``position`` (another step of the shown graph).
"""

from __future__ import annotations

from bpviz.engine.compgraph import Evaluation
from bpviz.models.observable import Observable

BEFORE_THE_FIRST_STEP = -1


class GraphModel(Observable):
    EVENTS = ("shown", "position")

    def __init__(self, key: str):
        super().__init__()
        self.key = key
        self.evaluations: dict[str, Evaluation] = {}
        self.positions: dict[str, int] = {}

    @property
    def evaluation(self) -> Evaluation:
        return self.evaluations[self.key]

    @property
    def position(self) -> int:
        """The shown graph's current backward step (-1: before the first)."""
        return self.positions[self.key]

    def put(self, key: str, evaluation: Evaluation) -> None:
        """The new good evaluation of graph ``key``: at the same step if its steps are the same nodes."""
        old = self.evaluations.get(key)
        same_steps = old is not None and [s.node for s in old.steps] == [s.node for s in evaluation.steps]
        self.evaluations[key] = evaluation
        self.positions[key] = self.positions.get(key, BEFORE_THE_FIRST_STEP) if same_steps else BEFORE_THE_FIRST_STEP
        if key == self.key:
            self._notify("shown")

    def choose(self, key: str) -> None:
        """Show graph ``key`` (it must have an evaluation) at its own step."""
        if key not in self.evaluations:
            raise KeyError(f"graph {key!r} has no evaluation yet")
        self.key = key
        self._notify("shown")

    def set_position(self, index: int) -> None:
        """Make backward step ``index`` of the shown graph the current one (clamped to -1 .. last)."""
        index = max(BEFORE_THE_FIRST_STEP, min(int(index), len(self.evaluation.steps) - 1))
        if index != self.position:
            self.positions[self.key] = index
            self._notify("position")
