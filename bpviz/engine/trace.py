"""The named steps of one backprop pass, for the stepper and ``bpviz example``.

A trace is read off the engine: every value comes from ``Network.inspect`` (the same compiled pass that
trains) and the updated parameters from a real ``Network.step`` on a copy. This module only names, orders
and formats. Steps follow the published worked example: forward (net_h1, out_h1, ...), error (E_o1, ...,
E_total), backward (∂E/∂out, ∂out/∂net and δ of each neuron, then ∂E/∂w of the layer), update (w1+, ...).

The trace keeps the pass's arrays (``Trace.arrays``: per layer, one sample) and each step says where its value
sits in them (``Step.where``); ``Trace.known_from`` gives, for every element of every array, the first step that
computes it. What is known after step k is then a mask of the arrays (``known_from <= k``): the diagram shows a
pass part-way through without going back from names to positions.

A step's note (a layer at once, a fused δ, a batch's loss) is a phrase (bpviz.engine.phrases): English text, which
the window shows in its own language. Formulas and numbers are symbols: the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.engine.naming import NetworkNames
from bpviz.engine.network import Network
from bpviz.engine.phrases import QT_TRANSLATE_NOOP

PHASES = ("forward", "error", "backward", "batch", "update")
ERROR = "E"  # the element id of the error (the loss node)
#: the arrays a trace keeps, per weight layer: the parameters, each neuron's quantities, the loss, the update
ARRAYS = ("W", "b", "nets", "outs", "outs_grad", "derivs", "deltas", "terms", "penalty", "loss", "dW", "db",
          "sample_dW", "sample_db", "sample_loss", "new_W", "new_b")
NOT_YET = np.iinfo(np.int64).max  # known_from of an element no step computes
WIDE_LAYER = 4  # a layer of more neurons gets its forward pass and δ also in vector form, the layer at once
#: the losses whose δ at the output simplifies to out − t, as a step's note names them (in words in Chinese)
FUSED_LOSS_NAMES = {"bce": QT_TRANSLATE_NOOP("StepNote", "bce"),
                    "softmax_ce": QT_TRANSLATE_NOOP("StepNote", "softmax_ce")}


@dataclass(frozen=True)
class Where:
    """The place of a step's value in the pass's arrays: ``Trace.arrays[array][layer][index]``. Neuron arrays
    are indexed by weight layer (layer l holds the neurons that layer l's weights feed); ``index`` None means
    the whole array (a bias shared by a layer, the loss)."""

    array: str
    layer: int
    index: tuple[int, ...] | None


@dataclass(frozen=True)
class Step:
    """One named quantity of the pass.

    ``kind`` says what it is (net, out, error, grad_out, deriv, delta, grad_param, update) and ``target``
    which element of the diagram it belongs to (a neuron, weight, bias name, or ``E``); ``reads``/``writes``
    list the elements the step uses and produces, for highlighting."""

    phase: str
    name: str
    kind: str
    target: str
    formula: str
    numbers: str
    value: float
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    where: Where
    note: str = ""  # a phrase (bpviz.engine.phrases), or ""
    #: a step of a whole layer at once (a wide layer's z = a·W + b, a = f(z), δ): its values, one per neuron; its
    #: ``value`` is then NaN
    values: tuple[float, ...] = ()

    @property
    def symbol(self) -> str:
        return display_name(self.name)

    @property
    def is_vector(self) -> bool:
        return bool(self.values)

    @property
    def result(self):
        """The value, or for a layer's step the list of its values (as JSON and the tables give them)."""
        return list(self.values) if self.values else self.value

    def to_dict(self) -> dict:
        return {
            "phase": self.phase,
            "name": self.name,
            "formula": self.formula,
            "numbers": self.numbers,
            "value": self.result,
            "reads": list(self.reads),
            "writes": list(self.writes),
        }


@dataclass(frozen=True)
class Trace:
    steps: tuple[Step, ...]
    names: NetworkNames
    lr: float
    arrays: dict[str, tuple[np.ndarray, ...]]  # ARRAYS -> one array per weight layer (one sample)
    known_from: dict[str, tuple[np.ndarray, ...]]  # the same shapes: the index of the step that computes each
    inputs: np.ndarray  # the (first) sample's inputs and targets
    targets: np.ndarray
    batch_size: int = 1  # samples in the pass: the steps before the batch phase are those of the first

    def known(self, array: str, position: int) -> tuple[np.ndarray, ...]:
        """``arrays[array]`` as known after step ``position`` (-1: before the first): NaN where not yet."""
        return tuple(np.where(k <= position, a, np.nan) for a, k in zip(self.arrays[array], self.known_from[array]))

    def any_known(self, array: str, position: int) -> bool:
        return any(bool((k <= position).any()) for k in self.known_from[array])

    @property
    def quantities(self) -> dict[str, float]:
        return {s.name: s.value for s in self.steps}

    def index(self, name: str) -> int:
        for i, s in enumerate(self.steps):
            if s.name == name:
                return i
        raise KeyError(name)

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, i) -> Step:
        return self.steps[i]


def display_name(name: str) -> str:
    """``delta_o1`` → ``δ_o1``, ``dE/dw5`` → ``∂E/∂w5``, ``w5+`` → ``w5⁺`` (subscripts stay as ``_x``)."""
    if name.startswith("delta_"):
        return "δ_" + name[len("delta_"):]
    if name.startswith("d") and "/d" in name:
        top, bottom = name.split("/d", 1)
        return "∂" + top[1:] + "/∂" + bottom
    if name.endswith("+"):
        return name[:-1] + "⁺"
    return name


MAX_LISTED = 6  # a layer's values or a batch's samples in a formula: the first ones, "…", the last


def shortened(items: list[str]) -> list[str]:
    """At most ``MAX_LISTED`` items: the first ones, "…", the last."""
    return items if len(items) <= MAX_LISTED else [*items[: MAX_LISTED - 2], "…", items[-1]]


def vector_text(values, number=None) -> str:
    """``[0.1, 0.2, …, 0.9]``: a layer's values, each as ``number`` makes it (9 significant digits)."""
    number = number or (lambda v: f"{v:.9g}")
    return "[" + ", ".join(shortened([number(v) for v in values])) + "]"


def value_text(step: Step) -> str:
    """A step's value as the tables print it: 9 significant digits, or a layer's list of them."""
    return vector_text(step.values) if step.values else f"{step.value:.9g}"


def fmt(value: float) -> str:
    """A number as it appears inside a formula: 9 significant digits, negatives in parentheses."""
    text = f"{value:.9g}"
    return f"({text})" if value < 0 or text.startswith("-") else text


def trace_pass(net: Network, x, t, lr: float) -> Trace:
    """The steps of one forward/backward/update pass of ``net`` on one sample (x, t), or on a mini-batch.

    One sample: every neuron's quantities, the loss, every gradient, every update. A mini-batch (x of shape
    (N, n_in), N > 1): the first sample's pass in full (its own loss E1, its gradients ∂E1/∂w), then the batch
    phase (each parameter's gradient as the mean, or the sum for a summed loss, of the N per-sample gradients,
    plus the regularisation term), then the update the batch gives."""
    X = np.asarray(x, dtype=np.float64)
    T = np.asarray(t, dtype=np.float64)
    if X.ndim == 1:
        X = X.reshape(1, -1)
    if T.ndim == 1:
        T = T.reshape(1, -1) if len(X) == 1 else T.reshape(-1, 1)
    if X.ndim != 2 or T.ndim != 2 or len(X) < 1 or len(X) != len(T) or X.shape[1] != net.sizes[0] \
            or T.shape[1] != net.sizes[-1]:
        raise ValueError(QT_TRANSLATE_NOOP("Trace", "a trace needs samples of {n_in} inputs and {n_out} targets, as "
                                                    "many targets as inputs; got inputs {inputs} and targets {targets}")
                         .format(n_in=net.sizes[0], n_out=net.sizes[-1], inputs=X.shape, targets=T.shape))
    if not lr > 0:
        raise ValueError(QT_TRANSLATE_NOOP("Trace", "the learning rate must be > 0, got {lr}").format(lr=lr))
    names = NetworkNames(net.sizes, net.shared_biases)
    batch = len(X)
    single = net if batch == 1 else _without_penalty(net)  # a sample's own loss E1: no regularisation term
    p = single.inspect(X[:1], T[:1])
    after = net.copy()
    after.step(X, T, lr)
    b = _Builder(net, names, p, after, lr, batch)
    b.forward()
    b.error()
    b.backward()
    if batch > 1:
        b.batch_mean(*_per_sample_gradients(single, X, T), net.inspect(X, T))
    b.update()
    arrays = {
        "W": tuple(np.array(w) for w in net.weights), "b": tuple(np.array(v) for v in net.biases),
        "nets": tuple(z[0] for z in p.nets), "outs": tuple(a[0] for a in p.outs),
        "outs_grad": tuple(g[0] for g in p.outs_grad), "derivs": tuple(d[0] for d in p.derivs),
        "deltas": tuple(d[0] for d in p.deltas), "terms": (p.terms[0] * net.loss.scale(1),),
        "penalty": (np.array(b.penalty),), "loss": (np.array(b.total),),
        "dW": tuple(b.dW), "db": tuple(b.db),
        "sample_dW": tuple(p.dW), "sample_db": tuple(p.db), "sample_loss": (np.array(p.loss),),
        "new_W": tuple(np.array(w) for w in after.weights), "new_b": tuple(np.array(v) for v in after.biases),
    }
    known_from = {name: tuple(np.full(np.shape(a), NOT_YET, dtype=np.int64) for a in arrays[name])
                  for name in ARRAYS}
    known_from["W"] = tuple(np.full(np.shape(a), -1, dtype=np.int64) for a in arrays["W"])  # given, not computed
    known_from["b"] = tuple(np.full(np.shape(a), -1, dtype=np.int64) for a in arrays["b"])
    for position, step in reversed(list(enumerate(b.steps))):  # the first step that computes an element wins
        w = step.where
        known_from[w.array][w.layer][... if w.index is None else w.index] = position
    return Trace(tuple(b.steps), names, float(lr), arrays, known_from, p.inputs[0].copy(), p.targets[0].copy(),
                 batch)


def _without_penalty(net: Network) -> Network:
    clone = net.copy()
    clone.reg_rate = 0.0
    return clone


def _per_sample_gradients(net: Network, X: np.ndarray, T: np.ndarray):
    """Each sample's own gradients and loss (no regularisation term): arrays (N, *shape) per layer, and (N,)."""
    dW = [np.empty((len(X), *w.shape)) for w in net.weights]
    db = [np.empty((len(X), *v.shape)) for v in net.biases]
    losses = np.empty(len(X))
    for n in range(len(X)):
        losses[n], gw, gb = net.gradients(X[n : n + 1], T[n : n + 1])
        for l in range(net.n_layers):
            dW[l][n], db[l][n] = gw[l], gb[l]
    return dW, db, losses


class _Builder:
    def __init__(self, net, names, p, after, lr, batch=1):
        self.net, self.names, self.p, self.after, self.lr, self.batch = net, names, p, after, lr, batch
        self.steps: list[Step] = []
        self.L = net.n_layers
        self.reg = net.regularization if net.reg_rate > 0 else "none"
        # A batch's first sample is traced with its own loss E1 (its gradients have no regularisation term)
        self.E, self.sample_reg = ("E", self.reg) if batch == 1 else ("E1", "none")
        self.penalty, self.total = p.penalty, p.loss + p.penalty  # of the whole pass (batch_mean sets a batch's)
        self.dW, self.db = p.dW, p.db

    def add(self, phase, name, kind, target, formula, numbers, value, reads, writes, where, note="", values=()):
        self.steps.append(Step(phase, name, kind, target, formula, numbers, float(value),
                               tuple(reads), tuple(writes), where, note, tuple(float(v) for v in values)))

    def layer_symbol(self, layer: int) -> str:
        """A layer's name in vector steps: ``i`` (inputs), ``h`` or ``h1, h2, ...`` (hidden), ``o`` (outputs)."""
        if layer == 0:
            return "i"
        if layer == self.L:
            return "o"
        return "h" if self.L == 2 else f"h{layer}"

    def layer_at_once(self, l, act) -> None:
        """A wide layer's forward pass in vector form: net = a·W + b, then out = f(net), every neuron at once."""
        p, names = self.p, self.names
        sym, src = self.layer_symbol(l + 1), self.layer_symbol(l)
        a_sym = "i" if l == 0 else f"out_{src}"
        a_val = p.inputs[0] if l == 0 else p.outs[l - 1][0]
        neurons = names.layer_neurons(l + 1)
        sources = names.layer_neurons(l)
        weights = [names.weight(l, i, j) for j in range(len(neurons)) for i in range(len(sources))]
        biases = sorted({names.bias(l, j) for j in range(len(neurons))})
        note = QT_TRANSLATE_NOOP("StepNote", "the layer of {n} neurons at once: row vector × matrix ({W}: {rows} × "
                                             "{cols}), then each neuron's own steps").format(
            n=len(neurons), W=f"W{l + 1}", rows=len(sources), cols=len(neurons))
        self.add("forward", f"net_{sym}", "net", "", f"{a_sym}·W{l + 1} + b{l + 1}",
                 f"{vector_text(a_val, fmt)}·W{l + 1} + {vector_text(self.net.biases[l], fmt)}", np.nan,
                 [*sources, *weights, *biases], neurons, Where("nets", l, None), note, p.nets[l][0])
        self.add("forward", f"out_{sym}", "out", "", f"{act.name}(net_{sym})",
                 f"{act.name}({vector_text(p.nets[l][0], fmt)})", np.nan, neurons, neurons,
                 Where("outs", l, None), "", p.outs[l][0])

    def deltas_at_once(self, l, act) -> None:
        """A wide hidden layer's δ in vector form: δ_l = (δ_{l+1}·W_{l+1}ᵀ) ⊙ f′(net_l)."""
        p, names = self.p, self.names
        sym, above = self.layer_symbol(l + 1), self.layer_symbol(l + 2)
        neurons, upper = names.layer_neurons(l + 1), names.layer_neurons(l + 2)
        weights = [names.weight(l + 1, j, k) for k in range(len(upper)) for j in range(len(neurons))]
        self.add("backward", f"delta_{sym}", "delta", "", f"(δ_{above}·W{l + 2}ᵀ) ⊙ {act.name}′(net_{sym})",
                 f"({vector_text(p.deltas[l + 1][0], fmt)}·W{l + 2}ᵀ) ⊙ {vector_text(p.derivs[l][0], fmt)}",
                 np.nan, [*upper, *weights], neurons, Where("deltas", l, None),
                 QT_TRANSLATE_NOOP("StepNote", "the layer of {n} neurons at once (⊙: neuron by neuron), then each "
                                               "neuron's own steps").format(n=len(neurons)),
                 p.deltas[l][0])

    # names of quantities --------------------------------------------------------------
    def source(self, layer, i):
        """The symbol and value feeding weight layer ``layer`` from neuron i."""
        n = self.names.neuron(layer, i)
        if layer == 0:
            return n, self.p.inputs[0, i]
        return f"out_{n}", self.p.outs[layer - 1][0, i]

    def bias_params(self, layer):
        """(name, value) of each distinct bias of a weight layer."""
        b = self.net.biases[layer]
        if self.names.shared_biases:
            return [(self.names.bias(layer, 0), b[0], None)]
        return [(self.names.bias(layer, j), b[j], j) for j in range(len(b))]

    # phases ---------------------------------------------------------------------------
    def forward(self):
        W, B = self.net.weights, self.net.biases
        for l in range(self.L):
            act = self.net.output if l == self.L - 1 else self.net.hidden
            dst_names = self.names.layer_neurons(l + 1)
            if len(dst_names) > WIDE_LAYER and act.name != "softmax":
                self.layer_at_once(l, act)
            for j, n in enumerate(dst_names):
                terms, nums, reads = [], [], []
                for i in range(self.net.sizes[l]):
                    w = self.names.weight(l, i, j)
                    sym, val = self.source(l, i)
                    terms.append(f"{w}·{sym}")
                    nums.append(f"{fmt(W[l][i, j])}·{fmt(val)}")
                    reads += [self.names.neuron(l, i), w]
                bias = self.names.bias(l, j)
                terms.append(f"{bias}·1")
                nums.append(f"{fmt(B[l][j])}·1")
                reads.append(bias)
                self.add("forward", f"net_{n}", "net", n, " + ".join(terms), " + ".join(nums),
                         self.p.nets[l][0, j], reads, [n], Where("nets", l, (j,)))
                net_sym, net_val = f"net_{n}", self.p.nets[l][0, j]
                if act.name == "softmax":
                    denom = " + ".join(f"e^(net_{m})" for m in dst_names)
                    formula = f"e^({net_sym}) / ({denom})"
                    denom_n = " + ".join(f"e^({fmt(v)})" for v in self.p.nets[l][0])
                    numbers = f"e^({fmt(net_val)}) / ({denom_n})"
                    reads_out = dst_names
                else:
                    formula = act.formula.format(net=net_sym)
                    numbers = act.formula.format(net=fmt(net_val))
                    reads_out = [n]
                self.add("forward", f"out_{n}", "out", n, formula, numbers, self.p.outs[l][0, j], reads_out, [n],
                         Where("outs", l, (j,)))

    def error(self):
        loss = self.net.loss
        outs = self.names.layer_neurons(self.L)
        scale = loss.scale(1)
        for k, o in enumerate(outs):
            t = self.names.target(k)
            y, tv = self.p.outs[-1][0, k], self.p.targets[0, k]
            self.add("error", f"E_{o}", "error", ERROR, loss.term_formula.format(out=f"out_{o}", target=t),
                     loss.term_formula.format(out=fmt(y), target=fmt(tv)), self.p.terms[0, k] * scale,
                     [o, t], [ERROR], Where("terms", 0, (k,)))
        parts = [f"E_{o}" for o in outs]
        values = [self.p.terms[0, k] * scale for k in range(len(outs))]
        total = self.p.loss
        if self.batch > 1:
            self.add("error", "E1", "error", ERROR, " + ".join(parts), " + ".join(fmt(v) for v in values), total,
                     [ERROR], [ERROR], Where("sample_loss", 0, None),
                     (QT_TRANSLATE_NOOP("StepNote", "sample 1 of the batch of {n}: the batch's loss is its samples' "
                                                    "mean") if self.net.loss.mean_over_samples
                      else QT_TRANSLATE_NOOP("StepNote", "sample 1 of the batch of {n}: the batch's loss is its "
                                                         "samples' sum")).format(n=self.batch))
            return
        if self.p.penalty > 0:
            sym = "½·λ·Σw²" if self.reg == "l2" else "λ·Σ|w|"
            self.add("error", "E_reg", "error", ERROR, sym, f"λ = {fmt(self.net.reg_rate)}", self.p.penalty,
                     [], [ERROR], Where("penalty", 0, None))
            parts.append("E_reg")
            values.append(self.p.penalty)
            total += self.p.penalty
        self.add("error", "E_total", "error", ERROR, " + ".join(parts), " + ".join(fmt(v) for v in values),
                 total, [ERROR], [ERROR], Where("loss", 0, None))

    def backward(self):
        for l in range(self.L - 1, -1, -1):
            self.neuron_deltas(l)
            self.param_grads(l)

    def neuron_deltas(self, l):
        p, names, net = self.p, self.names, self.net
        last = l == self.L - 1
        act = net.output if last else net.hidden
        if not last and net.sizes[l + 1] > WIDE_LAYER:
            self.deltas_at_once(l, act)
        for j, n in enumerate(names.layer_neurons(l + 1)):
            out, net_sym = f"out_{n}", f"net_{n}"
            if last and net.loss.fused:
                t = names.target(j)
                note = QT_TRANSLATE_NOOP("StepNote", "with {loss} on a {activation} output, ∂E/∂{out} · ∂{out}/∂{net} "
                                                     "simplifies to {out} − {target}").format(
                    loss=FUSED_LOSS_NAMES.get(net.loss.name, net.loss.name), activation=act.name, out=out,
                    net=net_sym, target=t)
                self.add("backward", f"delta_{n}", "delta", n, f"{out} − {t}",
                         f"{fmt(p.outs[l][0, j])} − {fmt(p.targets[0, j])}", p.deltas[l][0, j], [n, t], [n],
                         Where("deltas", l, (j,)), note)
                continue
            if last:
                t = names.target(j)
                self.add("backward", f"d{self.E}/d{out}", "grad_out", n,
                         net.loss.grad_formula.format(out=out, target=t),
                         net.loss.grad_formula.format(out=fmt(p.outs[l][0, j]), target=fmt(p.targets[0, j])),
                         p.outs_grad[l][0, j], [n, t], [n], Where("outs_grad", l, (j,)))
            else:
                terms, nums, reads = [], [], []
                for k, m in enumerate(names.layer_neurons(l + 2)):
                    w = names.weight(l + 1, j, k)
                    terms.append(f"δ_{m}·{w}")
                    nums.append(f"{fmt(p.deltas[l + 1][0, k])}·{fmt(net.weights[l + 1][j, k])}")
                    reads += [m, w]
                self.add("backward", f"d{self.E}/d{out}", "grad_out", n, " + ".join(terms), " + ".join(nums),
                         p.outs_grad[l][0, j], reads, [n], Where("outs_grad", l, (j,)))
            grad_sym = f"∂{self.E}/∂{out}"
            if act.name == "softmax":  # not elementwise: δ_k = out_k·(∂E/∂out_k − Σ_m out_m·∂E/∂out_m)
                outs = names.layer_neurons(l + 1)
                mix = " + ".join(f"out_{m}·∂{self.E}/∂out_{m}" for m in outs)
                mix_n = " + ".join(f"{fmt(p.outs[l][0, k])}·{fmt(p.outs_grad[l][0, k])}" for k in range(len(outs)))
                self.add("backward", f"delta_{n}", "delta", n, f"{out}·({grad_sym} − ({mix}))",
                         f"{fmt(p.outs[l][0, j])}·({fmt(p.outs_grad[l][0, j])} − ({mix_n}))",
                         p.deltas[l][0, j], outs, [n], Where("deltas", l, (j,)))
                continue
            self.add("backward", f"d{out}/d{net_sym}", "deriv", n,
                     act.derivative_formula.format(out=out, net=net_sym),
                     act.derivative_formula.format(out=fmt(p.outs[l][0, j]), net=fmt(p.nets[l][0, j])),
                     p.derivs[l][0, j], [n], [n], Where("derivs", l, (j,)))
            self.add("backward", f"delta_{n}", "delta", n, f"{grad_sym} · ∂{out}/∂{net_sym}",
                     f"{fmt(p.outs_grad[l][0, j])}·{fmt(p.derivs[l][0, j])}", p.deltas[l][0, j], [n], [n],
                     Where("deltas", l, (j,)))

    def param_grads(self, l):
        p, names, net = self.p, self.names, self.net
        for j, n in enumerate(names.layer_neurons(l + 1)):
            for i in range(net.sizes[l]):
                w = names.weight(l, i, j)
                sym, val = self.source(l, i)
                formula, numbers = f"δ_{n}·{sym}", f"{fmt(p.deltas[l][0, j])}·{fmt(val)}"
                if self.sample_reg != "none":
                    w_val = net.weights[l][i, j]
                    extra = f"λ·{w}" if self.reg == "l2" else f"λ·sign({w})"
                    extra_n = (f"{fmt(net.reg_rate)}·{fmt(w_val)}" if self.reg == "l2"
                               else f"{fmt(net.reg_rate)}·{fmt(float(np.sign(w_val)))}")
                    formula, numbers = f"{formula} + {extra}", f"{numbers} + {extra_n}"
                self.add("backward", f"d{self.E}/d{w}", "grad_param", w, formula, numbers, p.dW[l][i, j],
                         [n, names.neuron(l, i), w], [w], Where("dW" if self.batch == 1 else "sample_dW", l, (i, j)))
        if not net.update_biases:
            return
        for bias, _, j in self.bias_params(l):
            fed = names.layer_neurons(l + 1) if j is None else [names.neuron(l + 1, j)]
            idx = range(len(fed)) if j is None else [j]
            self.add("backward", f"d{self.E}/d{bias}", "grad_param", bias, " + ".join(f"δ_{m}" for m in fed),
                     " + ".join(fmt(p.deltas[l][0, k]) for k in idx), p.db[l][0 if j is None else j],
                     fed, [bias], Where("db" if self.batch == 1 else "sample_db", l, None if j is None else (j,)))

    def batch_mean(self, dW, db, losses, q):
        """The batch phase: the loss and each parameter's gradient from the N samples' own (``dW``/``db``:
        (N, *shape) per layer, ``losses``: (N,)), and the regularisation term; ``q`` is the batch's pass."""
        names, net, n = self.names, self.net, self.batch
        mean = net.loss.mean_over_samples

        def combine(symbols, values):
            listed, numbers = shortened(symbols), shortened([fmt(v) for v in values])
            return ((f"({' + '.join(listed)})/{n}", f"({' + '.join(numbers)})/{n}") if mean
                    else (" + ".join(listed), " + ".join(numbers)))

        formula, numbers = combine([f"E{k + 1}" for k in range(n)], losses)
        if q.penalty > 0:
            sym = "½·λ·Σw²" if self.reg == "l2" else "λ·Σ|w|"
            self.add("batch", "E_reg", "error", ERROR, sym, f"λ = {fmt(net.reg_rate)}", q.penalty, [], [ERROR],
                     Where("penalty", 0, None))
            formula, numbers = f"{formula} + E_reg", f"{numbers} + {fmt(q.penalty)}"
        self.add("batch", "E_total", "error", ERROR, formula, numbers, q.loss + q.penalty, [ERROR], [ERROR],
                 Where("loss", 0, None),
                 (QT_TRANSLATE_NOOP("StepNote", "the loss of the batch of {n}: the mean of its samples' losses") if mean
                  else QT_TRANSLATE_NOOP("StepNote", "the loss of the batch of {n}: the sum of its samples' losses"))
                 .format(n=n))
        for name, ref in names.params.items():
            if ref.kind == "w":
                l, index = ref.layer, (ref.src, ref.dst)
                samples, value, where = dW[l][(slice(None), *index)], q.dW[l][index], Where("dW", l, index)
            elif not net.update_biases:
                continue
            else:
                l = ref.layer
                j = 0 if ref.dst is None else ref.dst
                samples, value = db[l][:, j], q.db[l][j]
                where = Where("db", l, None if ref.dst is None else (ref.dst,))
            formula, numbers = combine([f"∂E{k + 1}/∂{name}" for k in range(n)], samples)
            if ref.kind == "w" and self.reg != "none":
                w_val = net.weights[l][index]
                formula += f" + λ·{name}" if self.reg == "l2" else f" + λ·sign({name})"
                numbers += (f" + {fmt(net.reg_rate)}·{fmt(w_val)}" if self.reg == "l2"
                            else f" + {fmt(net.reg_rate)}·{fmt(float(np.sign(w_val)))}")
            self.add("batch", f"dE/d{name}", "grad_param", name, formula, numbers, value, [name], [name], where)
        self.penalty, self.total, self.dW, self.db = q.penalty, q.loss + q.penalty, q.dW, q.db

    def update(self):
        names, net, after, eta = self.names, self.net, self.after, fmt(self.lr)
        for name, ref in names.params.items():
            if ref.kind == "w":
                old, grad = net.weights[ref.layer][ref.src, ref.dst], self.dW[ref.layer][ref.src, ref.dst]
                new = after.weights[ref.layer][ref.src, ref.dst]
                where = Where("new_W", ref.layer, (ref.src, ref.dst))
            elif not net.update_biases:
                continue
            else:
                j = 0 if ref.dst is None else ref.dst
                old, grad, new = net.biases[ref.layer][j], self.db[ref.layer][j], after.biases[ref.layer][j]
                where = Where("new_b", ref.layer, None if ref.dst is None else (ref.dst,))
            self.add("update", f"{name}+", "update", name, f"{name} − η·∂E/∂{name}",
                     f"{fmt(old)} − {eta}·{fmt(grad)}", new, [name], [name], where)
