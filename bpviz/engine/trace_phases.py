"""Each phase of a pass written as named steps (``StepBuilder``): forward, error, backward, the batch's mean, the
update; each step's formula, its numbers, its value and where that value sits.

A step's note (a layer at once, a fused δ, a batch's loss) is a phrase (bpviz.engine.phrases): English text, which
the window shows in its own language. Formulas and numbers are symbols: the same in every language.
"""

from __future__ import annotations

import numpy as np

from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.engine.step import ERROR, Step, Where, fmt, shortened, vector_text

WIDE_LAYER = 4  # a layer of more neurons gets its forward pass and δ also in vector form, the layer at once
#: the losses whose δ at the output simplifies to out − t, as a step's note names them (in words in Chinese)
FUSED_LOSS_NAMES = {"bce": QT_TRANSLATE_NOOP("StepNote", "bce"),
                    "softmax_ce": QT_TRANSLATE_NOOP("StepNote", "softmax_ce")}


class StepBuilder:
    """The steps of one pass, added phase by phase; ``p`` is the (first) sample's pass, ``after`` the network
    after the update."""

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
