"""The worked example's state behind the window: starting numbers, bias option, the trace of one pass.

No Qt: the engine computes, this object only holds the user's choices and asks the engine again when they
change. The window shows ``trace`` and ``diagram_state(position)``.

Many passes (up to 100,000: ~4.6 s here) are too long for the GUI thread, so a run is a ``PassesRun``: the
numbers it starts from, which a worker thread can carry out while the user goes on editing. ``take_run`` keeps its
result only if the starting numbers are still those it started from, so that "Continue from here" never mixes
the weights of one run with the inputs, targets or learning rate of another.
"""

from __future__ import annotations

from dataclasses import dataclass

from bpviz.engine.presets import ExampleParams, ExampleRun, run_example, with_weights, worked_example
from bpviz.engine.trace import Trace, trace_pass
from bpviz.models.diagram import DiagramState, from_trace
from bpviz.session import ExampleState


@dataclass(frozen=True)
class PassesRun:
    """``passes`` full passes from ``params`` (biases updated or not): a run asked for, not yet done."""

    params: ExampleParams
    update_biases: bool
    passes: int

    def __call__(self, progress=None) -> ExampleRun:
        """Carry the run out (``progress(done, total)``: see engine.presets.run_example)."""
        return run_example(self.params, self.passes, self.update_biases, progress)


class ExampleModel:
    def __init__(self, params: ExampleParams | None = None, update_biases: bool = False):
        self._params = params or ExampleParams()
        self._update_biases = update_biases
        self.last_run: ExampleRun | None = None
        self._recompute()

    @property
    def params(self) -> ExampleParams:
        return self._params

    @property
    def update_biases(self) -> bool:
        return self._update_biases

    @property
    def trace(self) -> Trace:
        return self._trace

    def _recompute(self) -> None:
        self._network = worked_example(self._params, self._update_biases)
        self._trace = trace_pass(self._network, self._params.inputs, self._params.targets, self._params.lr)

    def set_param(self, name: str, value: float) -> None:
        """Change one starting number (i1 i2 t1 t2 w1..w8 b1 b2 lr); ValueError names the problem."""
        self._params = ExampleParams.from_dict({**self._params.to_dict(), name: value})
        self._recompute()

    def set_params(self, params: ExampleParams) -> None:
        self._params = params
        self._recompute()

    def set_update_biases(self, on: bool) -> None:
        self._update_biases = bool(on)
        self._recompute()

    def reset_params(self) -> None:
        """Back to the published example's numbers."""
        self.set_params(ExampleParams())

    def apply_update(self) -> None:
        """Start the next pass from this pass's updated weights (w1+ ... w8+, and b1+ b2+ if they move)."""
        after = self._trace.arrays
        self.set_params(with_weights(self._params, after["new_W"], after["new_b"]))  # new_b = b if biases stay

    def run(self, passes: int) -> ExampleRun:
        """``passes`` full passes from the current starting numbers (the stepper's pass is the first), here."""
        request = self.passes_run(passes)
        run = request()
        self.take_run(request, run)
        return run

    def passes_run(self, passes: int) -> PassesRun:
        """A run of ``passes`` passes from the current starting numbers, to carry out elsewhere (a worker)."""
        return PassesRun(self._params, self._update_biases, int(passes))

    def starts_from(self, request: PassesRun) -> bool:
        """Whether ``request`` starts from the current starting numbers (False once one of them has changed)."""
        return request.params == self._params and request.update_biases == self._update_biases

    def take_run(self, request: PassesRun, run: ExampleRun) -> bool:
        """Keep ``run``, the result of ``request``, as the last run if it still starts from the current numbers;
        False (and nothing kept) if they have changed since it was asked for."""
        if not self.starts_from(request):
            return False
        self.last_run = run
        return True

    def continue_from_last_run(self) -> None:
        """Make the weights reached by the last ``run`` the new starting numbers."""
        if self.last_run is None:
            return
        net = self.last_run.network
        self.set_params(with_weights(self._params, net.weights, net.biases))

    def session_state(self) -> ExampleState:
        """What a session file keeps of the worked example: the starting numbers and the bias option."""
        return ExampleState(self._params, self._update_biases)

    def diagram_state(self, position: int) -> DiagramState:
        return from_trace(self._trace, position)
