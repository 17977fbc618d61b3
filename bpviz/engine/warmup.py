"""Seed 000, the PyTorch "warm-up" net in pure NumPy, as a lesson in matrix shapes (plain data, NumPy only).

The seed trains ``y_pred = max(x·w1, 0)·w2`` on random data with the loss ``Σ (y_pred − y)²`` and derives each
gradient line by matrix calculus. The lesson's three parts:

- ``initial_arrays``: the seed's four ``randn`` draws (x, y, w1, w2, in its order) from ``default_rng(seed)``;
- ``lesson_pass``: one real pass of the engine (``Network.inspect`` and a real ``step``) line by line: the
  seed's code, the maths, the shape algebra that makes the product compatible, the result's shape and its
  values. Shapes are read from the engine's arrays and checked against the formula's shape algebra; a
  disagreement raises ``ShapeError`` instead of being shown;
- training in slices for a worker thread, and the seed's own loop to compare with: ``bpviz.training.warmup``.

The loss reported for iteration t is computed before that iteration's update, as the seed's ``print(t, loss)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.engine.network import Network
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, join
from bpviz.engine.presets import WARMUP_LR, WARMUP_SIZES

DEFAULT_N = 64
ITERATIONS = 500
_MAX_DIM = 100_000
_MAX_ENTRIES = 20_000_000  # 160 MB per array: a typo in the sizes must not exhaust the memory


class ShapeError(ValueError):
    """An array of the pass does not have the shape the formula's shape algebra gives."""


@dataclass(frozen=True)
class WarmupSizes:
    """The seed's ``N, D_in, H, D_out = 64, 1000, 100, 10``."""

    n: int = DEFAULT_N
    d_in: int = WARMUP_SIZES[0]
    h: int = WARMUP_SIZES[1]
    d_out: int = WARMUP_SIZES[2]

    def __post_init__(self):
        for name, value in zip(("N", "D_in", "H", "D_out"), (self.n, self.d_in, self.h, self.d_out)):
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 1 <= value <= _MAX_DIM:
                raise ValueError(QT_TRANSLATE_NOOP("Warmup", "{name} must be a whole number from 1 to {most:,}, "
                                                             "got {value!r}").format(name=name, most=_MAX_DIM,
                                                                                     value=value))
        for name in ("n", "d_in", "h", "d_out"):
            object.__setattr__(self, name, int(getattr(self, name)))
        largest = max(self.n * self.d_in, self.d_in * self.h)
        if largest > _MAX_ENTRIES:
            raise ValueError(QT_TRANSLATE_NOOP("Warmup", "x or w1 would hold {largest:,} numbers; at most {most:,} "
                                                         "fit comfortably").format(largest=largest, most=_MAX_ENTRIES))

    @property
    def symbols(self) -> dict[str, int]:
        return {"N": self.n, "D_in": self.d_in, "H": self.h, "D_out": self.d_out}


@dataclass(frozen=True)
class WarmupArrays:
    """The seed's data and initial weights: x (N, D_in), y (N, D_out), w1 (D_in, H), w2 (H, D_out)."""

    x: np.ndarray
    y: np.ndarray
    w1: np.ndarray
    w2: np.ndarray

    @property
    def sizes(self) -> WarmupSizes:
        return WarmupSizes(*self.x.shape, self.w1.shape[1], self.y.shape[1])


def initial_arrays(seed: int = 0, sizes: WarmupSizes | None = None) -> WarmupArrays:
    """The seed's four ``np.random.randn`` draws in its order, from ``default_rng(seed)`` (x and y are then
    those of ``datasets.warmup_data(seed, ...)``)."""
    s = sizes or WarmupSizes()
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((s.n, s.d_in))
    y = rng.standard_normal((s.n, s.d_out))
    w1 = rng.standard_normal((s.d_in, s.h))
    w2 = rng.standard_normal((s.h, s.d_out))
    return WarmupArrays(x, y, w1, w2)


def warmup_net(arrays: WarmupArrays) -> Network:
    """The warm-up preset (``presets.warmup_network``'s configuration) sized for ``arrays``, with their weights."""
    s = arrays.sizes
    net = Network((s.d_in, s.h, s.d_out), hidden="relu", output="linear", loss="sse", init="normal",
                  update_biases=False)
    net.weights = [arrays.w1, arrays.w2]
    return net


# ---------------------------------------------------------------------------------------------- the blocks
# name, symbolic shape (() for a scalar), kind (data, weight, activation, loss, gradient), meaning (a Phrase the
# window translates; a bare symbol like ∂L/∂ŷ needs none)
BLOCK_SPECS = (
    ("x", ("N", "D_in"), "data", QT_TRANSLATE_NOOP("Warmup", "the input batch: N samples of D_in features")),
    ("w1", ("D_in", "H"), "weight", QT_TRANSLATE_NOOP("Warmup", "first-layer weights W1")),
    ("h", ("N", "H"), "activation", QT_TRANSLATE_NOOP("Warmup", "hidden layer before the ReLU: x·W1")),
    ("h_relu", ("N", "H"), "activation", QT_TRANSLATE_NOOP("Warmup", "hidden layer after the ReLU: max(h, 0)")),
    ("w2", ("H", "D_out"), "weight", QT_TRANSLATE_NOOP("Warmup", "second-layer weights W2")),
    ("y_pred", ("N", "D_out"), "activation", QT_TRANSLATE_NOOP("Warmup", "the prediction ŷ = h_relu·W2")),
    ("y", ("N", "D_out"), "data", QT_TRANSLATE_NOOP("Warmup", "the targets")),
    ("loss", (), "loss", QT_TRANSLATE_NOOP("Warmup", "L = Σ (ŷ − y)², one number")),
    ("grad_y_pred", ("N", "D_out"), "gradient", "∂L/∂ŷ"),
    ("grad_w2", ("H", "D_out"), "gradient", "∂L/∂W2"),
    ("grad_h_relu", ("N", "H"), "gradient", "∂L/∂h_relu"),
    ("grad_h", ("N", "H"), "gradient", "∂L/∂h"),
    ("grad_w1", ("D_in", "H"), "gradient", "∂L/∂W1"),
)
_DIMS = {name: dims for name, dims, _, _ in BLOCK_SPECS}
FORWARD_CHAIN = ("x", "w1", "h", "h_relu", "w2", "y_pred", "y", "loss")
GRADIENT_OF = {"grad_y_pred": "y_pred", "grad_w2": "w2", "grad_h_relu": "h_relu", "grad_h": "h", "grad_w1": "w1"}


@dataclass(frozen=True)
class Block:
    name: str
    dims: tuple[str, ...]
    shape: tuple[int, ...]  # of the array in the pass
    kind: str
    meaning: str

    @property
    def symbolic(self) -> str:
        return dims_text(self.dims)

    @property
    def shape_text(self) -> str:
        return dims_text(self.shape)

    @property
    def label(self) -> str:
        """``x  64×1000``: the name and the shape, as the drawing labels a block."""
        return f"{self.name}  {self.shape_text}"


SCALAR = QT_TRANSLATE_NOOP("Warmup", "scalar")  # the loss's shape: a Phrase (the window says it in its language)


def dims_text(dims) -> str:
    return "×".join(str(d) for d in dims) if len(dims) else SCALAR


# ---------------------------------------------------------------------------------------------- the lines
@dataclass(frozen=True)
class LineSpec:
    key: str
    phase: str  # forward, loss, backward, update
    code: str  # the seed's code, verbatim
    formula: str  # the maths (plain text; bpviz.gui.formula renders W2 as W with subscript 2)
    op: str  # matmul; relu, minus, mask (entry by entry); sum (minus, then summed to one number)
    operands: tuple[tuple[str, bool], ...]  # (block, transposed)
    result: str  # the block the line writes
    why: str  # the derivation in one or two sentences (the seed's matrix-calculus argument; a Phrase)


LINE_SPECS = (
    LineSpec("h", "forward", "h = x.dot(w1)", "h = x · W1", "matmul", (("x", False), ("w1", False)), "h",
             QT_TRANSLATE_NOOP("Warmup", "Each row of x (one sample) times W1: the D_in inputs of a sample become "
                                         "H hidden values.")),
    LineSpec("h_relu", "forward", "h_relu = np.maximum(h, 0)", "h_relu = max(h, 0)", "relu",
             (("h", False),), "h_relu",
             QT_TRANSLATE_NOOP("Warmup", "The ReLU acts entry by entry, so the shape does not change.")),
    LineSpec("y_pred", "forward", "y_pred = h_relu.dot(w2)", "ŷ = h_relu · W2", "matmul",
             (("h_relu", False), ("w2", False)), "y_pred",
             QT_TRANSLATE_NOOP("Warmup", "H hidden values per sample become D_out outputs.")),
    LineSpec("loss", "loss", "loss = np.square(y_pred - y).sum()", "L = Σ (ŷ − y)²", "sum",
             (("y_pred", False), ("y", False)), "loss",
             QT_TRANSLATE_NOOP("Warmup", "The squared Frobenius norm ‖ŷ − y‖²: the sum over all N×D_out entries, "
                                         "one number.")),
    LineSpec("grad_y_pred", "backward", "grad_y_pred = 2.0 * (y_pred - y)", "∂L/∂ŷ = 2 (ŷ − y)", "minus",
             (("y_pred", False), ("y", False)), "grad_y_pred",
             QT_TRANSLATE_NOOP("Warmup", "The rule behind every gradient line: when dL = tr(Aᵀ dX), then "
                                         "∂L/∂X = A, a matrix of X's shape. Here dL = tr(2(ŷ − y)ᵀ dŷ), so "
                                         "∂L/∂ŷ = 2(ŷ − y).")),
    LineSpec("grad_w2", "backward", "grad_w2 = h_relu.T.dot(grad_y_pred)", "∂L/∂W2 = h_reluᵀ · ∂L/∂ŷ", "matmul",
             (("h_relu", True), ("grad_y_pred", False)), "grad_w2",
             QT_TRANSLATE_NOOP("Warmup", "dŷ = h_relu·d\u2009W2 gives dL = tr((∂L/∂ŷ)ᵀ h_relu d\u2009W2) = "
                                         "tr((h_reluᵀ ∂L/∂ŷ)ᵀ d\u2009W2): the gradient is h_reluᵀ·∂L/∂ŷ, and it "
                                         "has W2's shape. The transpose sums over the N samples.")),
    LineSpec("grad_h_relu", "backward", "grad_h_relu = grad_y_pred.dot(w2.T)", "∂L/∂h_relu = ∂L/∂ŷ · W2ᵀ",
             "matmul", (("grad_y_pred", False), ("w2", True)), "grad_h_relu",
             QT_TRANSLATE_NOOP("Warmup", "dŷ = d\u2009h_relu·W2 gives dL = tr(W2 (∂L/∂ŷ)ᵀ d\u2009h_relu) = "
                                         "tr((∂L/∂ŷ W2ᵀ)ᵀ d\u2009h_relu): the gradient is ∂L/∂ŷ·W2ᵀ, with "
                                         "h_relu's shape.")),
    LineSpec("grad_h", "backward", "grad_h = grad_h_relu.copy()\ngrad_h[h < 0] = 0",
             "∂L/∂h = ∂L/∂h_relu ⊙ 1[h ≥ 0]", "mask", (("grad_h_relu", False), ("h", False)), "grad_h",
             QT_TRANSLATE_NOOP("Warmup", "max(h, 0) passes a change of h where h ≥ 0 and blocks it where h < 0: "
                                         "an entry-by-entry mask.")),
    LineSpec("grad_w1", "backward", "grad_w1 = x.T.dot(grad_h)", "∂L/∂W1 = xᵀ · ∂L/∂h", "matmul",
             (("x", True), ("grad_h", False)), "grad_w1",
             QT_TRANSLATE_NOOP("Warmup", "The same argument as for W2, one layer down: d\u2009h = x·d\u2009W1, so "
                                         "the gradient is xᵀ·∂L/∂h, with W1's shape.")),
    LineSpec("update_w1", "update", "w1 -= learning_rate * grad_w1", "W1 ← W1 − η · ∂L/∂W1", "minus",
             (("w1", False), ("grad_w1", False)), "w1",
             QT_TRANSLATE_NOOP("Warmup", "A step against the gradient; it has W1's shape, so the subtraction is "
                                         "entry by entry.")),
    LineSpec("update_w2", "update", "w2 -= learning_rate * grad_w2", "W2 ← W2 − η · ∂L/∂W2", "minus",
             (("w2", False), ("grad_w2", False)), "w2",
             QT_TRANSLATE_NOOP("Warmup", "Both updates use the gradients of the same pass (W2 is not updated "
                                         "before ∂L/∂W1 is formed).")),
)
GRADIENT_LINES = ("grad_y_pred", "grad_w2", "grad_h_relu", "grad_h", "grad_w1")
_UPDATED = {"update_w1": "w1_new", "update_w2": "w2_new"}  # the value an update line writes


@dataclass(frozen=True)
class Line:
    """One line of the seed's code in the pass: its maths, its shape algebra and its result."""

    key: str
    phase: str
    code: str
    formula: str
    why: str
    shape_rule: str  # symbolic, e.g. (H×N)·(N×D_out) → (H×D_out)
    shape_numbers: str  # the same with the pass's sizes, e.g. (100×64)·(64×10) → (100×10)
    operand_shapes: tuple[tuple[int, ...], ...]  # as used (after any transpose)
    result_shape: tuple[int, ...]
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    summary: dict

    @property
    def result_shape_text(self) -> str:
        return dims_text(self.result_shape)

    def to_dict(self) -> dict:
        """The fields for JSON (tuples become lists there); ``shapes`` is ``shape_numbers``."""
        d = dict(vars(self))
        d["shapes"] = d.pop("shape_numbers")
        return d


def _combine(op: str, shapes: list[tuple], what: str) -> tuple:
    """The shape algebra: the result shape of ``op`` on ``shapes`` (symbols or numbers), or ShapeError."""
    if op == "matmul":
        (p, q), (q2, r) = shapes
        if q != q2:
            raise ShapeError(QT_TRANSLATE_NOOP("Warmup", "{what}: inner dimensions differ ({left})·({right})").format(
                what=what, left=dims_text(shapes[0]), right=dims_text(shapes[1])))
        return (p, r)
    if any(s != shapes[0] for s in shapes[1:]):
        raise ShapeError(QT_TRANSLATE_NOOP("Warmup", "{what}: entry-by-entry operation on different shapes "
                                                     "{shapes}").format(
            what=what, shapes=join(", ", ["(" + dims_text(s) + ")" for s in shapes])))
    return () if op == "sum" else shapes[0]


_JOINERS = {"matmul": "·", "minus": " − ", "sum": " − ", "mask": " ⊙ ", "relu": ""}


def _rule_text(op: str, shapes: list[tuple], result: tuple) -> str:
    """``(H×N)·(N×D_out) → (H×D_out)``; ``(N×D_out) − (N×D_out) → Σ → scalar`` for the loss."""
    joined = _JOINERS[op].join(f"({dims_text(s)})" for s in shapes)
    if op == "relu":
        joined = f"max({joined}, 0)"
    return f"{joined} → Σ → scalar" if op == "sum" else f"{joined} → ({dims_text(result)})"


def summarize(value) -> dict:
    """A few numbers that say what an array holds: Frobenius norm, range, mean, the top-left corner."""
    a = np.asarray(value, dtype=np.float64)
    if a.ndim == 0:
        return {"value": float(a)}
    return {"norm": float(np.linalg.norm(a)), "min": float(a.min()), "max": float(a.max()),
            "mean": float(a.mean()), "corner": a[:2, :3].tolist()}


@dataclass(frozen=True)
class LessonPass:
    """One pass (forward, loss, backward, update) with the lines, the blocks and the arrays."""

    sizes: WarmupSizes
    learning_rate: float
    blocks: dict  # name -> Block
    lines: tuple  # of Line, in the seed's order
    values: dict  # name -> array (copies); w1_new / w2_new are the weights after the update
    loss: float

    def line(self, key: str) -> Line:
        return {line.key: line for line in self.lines}[key]

    def shapes(self) -> dict:
        """Block name -> shape as a list, as measured on the arrays ([] for the scalar loss)."""
        return {name: list(b.shape) for name, b in self.blocks.items()}


def lesson_pass(arrays: WarmupArrays, learning_rate: float = WARMUP_LR) -> LessonPass:
    """Run one pass of the engine on ``arrays`` and describe it line by line (the arrays are not changed)."""
    sizes = arrays.sizes
    net = warmup_net(arrays)
    p = net.inspect(arrays.x, arrays.y)
    after = net.copy()
    after.step(arrays.x, arrays.y, learning_rate)
    values = {"x": p.inputs, "w1": net.weights[0].copy(), "h": p.nets[0], "h_relu": p.outs[0],
              "w2": net.weights[1].copy(), "y_pred": p.outs[1], "y": p.targets, "loss": np.float64(p.loss),
              "grad_y_pred": p.outs_grad[1], "grad_w2": p.dW[1], "grad_h_relu": p.outs_grad[0],
              "grad_h": p.deltas[0], "grad_w1": p.dW[0],
              "w1_new": after.weights[0].copy(), "w2_new": after.weights[1].copy()}
    symbols = sizes.symbols
    blocks = {}
    for name, dims, kind, meaning in BLOCK_SPECS:
        shape = tuple(np.shape(values[name]))
        expected = tuple(symbols[d] for d in dims)
        if shape != expected:
            raise ShapeError(QT_TRANSLATE_NOOP("Warmup", "{name} has shape {shape}, but {dims} is {expected}").format(
                name=name, shape=dims_text(shape), dims=dims_text(dims), expected=dims_text(expected)))
        blocks[name] = Block(name, dims, shape, kind, meaning)

    lines = []
    for spec in LINE_SPECS:
        sym = [_DIMS[name][::-1] if t else _DIMS[name] for name, t in spec.operands]
        num = [values[name].T.shape if t else values[name].shape for name, t in spec.operands]
        sym_result = _combine(spec.op, sym, spec.key)
        num_result = _combine(spec.op, num, spec.key)
        written = _UPDATED.get(spec.key, spec.result)
        actual = tuple(np.shape(values[written]))
        if num_result != actual or tuple(symbols[d] for d in sym_result) != actual:
            raise ShapeError(QT_TRANSLATE_NOOP("Warmup", "{key}: the formula gives ({numbers}) = ({symbols}), the "
                                                         "pass computed ({actual})").format(
                key=spec.key, numbers=dims_text(num_result), symbols=dims_text(sym_result),
                actual=dims_text(actual)))
        summary = summarize(values[written])
        if spec.key == "grad_h":
            h = values["h"]
            summary["blocked"] = int((h < 0).sum())  # entries the ReLU's mask set to 0
            summary["entries"] = int(h.size)
        lines.append(Line(spec.key, spec.phase, spec.code, spec.formula, spec.why,
                          _rule_text(spec.op, sym, sym_result), _rule_text(spec.op, num, num_result),
                          tuple(num), actual, tuple(dict.fromkeys(n for n, _ in spec.operands)),
                          (spec.result,), summary))
    return LessonPass(sizes, float(learning_rate), blocks, tuple(lines), values, float(p.loss))
