"""The computation graphs of seeds 002 and 004 and of micrograd, built node by node or as small programs, and
the closed forms they must agree with.

- ``shopping``: a jacket (400, one) and two trousers (300 each), everything 30 % off:
  total = (400·1 + 300·2)·0.7 = 700; ∂total/∂(jacket price) = 0.7, ∂/∂(jacket count) = 280,
  ∂/∂(trousers price) = 1.4, ∂/∂(trousers count) = 210, ∂/∂(factor paid) = 1000.
- ``apples``: Saito's first example (ch. 5): two apples at 100, tax 1.1: price = 100·2·1.1 = 220;
  ∂/∂apple = 2.2, ∂/∂apple_num = 110, ∂/∂tax = 200.
- ``sigmoid``: y = 1/(1 + exp(−x)) as the nodes ×(−1), exp, +1, 1/x; the backward pass gives y(1 − y).
- ``softmax_loss``: softmax followed by cross-entropy, every exp, sum, reciprocal, product, log, sum and ×(−1)
  its own node, as Saito draws it; the backward pass gives y − t.
- ``neuron``: micrograd's lecture neuron o = tanh(x1·w1 + x2·w2 + b) with x1 = 2, x2 = 0, w1 = −3, w2 = 1,
  b = 6.8813735870195432: o = 0.7071, ∂o/∂x1 = −1.5, ∂o/∂w1 = 1, ∂o/∂x2 = 0.5, ∂o/∂w2 = 0, ∂o/∂b = 0.5.
- ``micrograd_sanity`` and ``micrograd_more_ops``: micrograd's test programs (``test/test_engine.py``, the
  second also its README's example), written as programs of the expression language (``PROGRAMS``): y = −20
  with ∂y/∂x = 46; g = 24.7041 with ∂g/∂a = 138.8338, ∂g/∂b = 645.5773.

The program-built graphs take their leaves' values as keyword arguments (``builtin("neuron", b=7)``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from bpviz.engine.compgraph import Evaluation, Graph, GraphError, format_number
from bpviz.engine.expression import ExpressionError, parse_expression
from bpviz.engine.phrases import QT_TRANSLATE_NOOP

__all__ = ["BUILTIN_GRAPHS", "MAX_CLASSES", "PROGRAMS", "builtin", "shopping_graph", "apples_graph",
           "sigmoid_graph", "softmax_loss_graph", "neuron_graph", "micrograd_sanity_graph",
           "micrograd_more_ops_graph", "sigmoid_check", "softmax_check"]

MAX_CLASSES = 5  # softmax_loss: more classes than this no longer draws readably


def shopping_graph(jacket_price: float = 400.0, jacket_count: float = 1.0, trousers_price: float = 300.0,
                   trousers_count: float = 2.0, discount: float = 0.7) -> Graph:
    """Seed 002: a jacket (400, one) and two trousers (300 each), everything 30 % off: (400·1 + 300·2)·0.7."""
    g = Graph("shopping", QT_TRANSLATE_NOOP("GraphTitle", "Shopping: one jacket and two trousers, 30 % off"))
    jp = g.input("jacket_price", jacket_price, QT_TRANSLATE_NOOP("GraphNote", "price of one jacket"))
    jn = g.input("jacket_count", jacket_count, QT_TRANSLATE_NOOP("GraphNote", "jackets bought"))
    tp = g.input("trousers_price", trousers_price, QT_TRANSLATE_NOOP("GraphNote", "price of one pair of trousers"))
    tn = g.input("trousers_count", trousers_count, QT_TRANSLATE_NOOP("GraphNote", "pairs of trousers bought"))
    jc = g.mul(jp, jn, name="jacket_cost", note=QT_TRANSLATE_NOOP("GraphNote", "what the jackets cost"))
    tc = g.mul(tp, tn, name="trousers_cost", note=QT_TRANSLATE_NOOP("GraphNote", "what the trousers cost"))
    sub = g.add(jc, tc, name="subtotal", note=QT_TRANSLATE_NOOP("GraphNote", "before the discount"))
    d = g.input("discount", discount, QT_TRANSLATE_NOOP("GraphNote", "the factor paid: 30 % off means × 0.7"))
    g.mul(sub, d, name="total", note=QT_TRANSLATE_NOOP("GraphNote", "what is paid"))
    return g


def apples_graph(apple: float = 100.0, apple_num: float = 2.0, tax: float = 1.1) -> Graph:
    """Saito, ch. 5 (the first computation graph of the book): two apples at 100 each, tax 1.1. Names as in
    the book's ``buy_apple.py``."""
    g = Graph("apples", QT_TRANSLATE_NOOP("GraphTitle", "Apples: two apples at 100, tax 1.1 (Saito ch. 5)"))
    a = g.input("apple", apple, QT_TRANSLATE_NOOP("GraphNote", "price of one apple"))
    n = g.input("apple_num", apple_num, QT_TRANSLATE_NOOP("GraphNote", "apples bought"))
    ap = g.mul(a, n, name="apple_price", note=QT_TRANSLATE_NOOP("GraphNote", "what the apples cost"))
    t = g.input("tax", tax, QT_TRANSLATE_NOOP("GraphNote", "the factor with the tax: 10 % tax means × 1.1"))
    g.mul(ap, t, name="price", note=QT_TRANSLATE_NOOP("GraphNote", "what is paid"))
    return g


#: name → program text of the program-built graphs (the GUI can show them; `bpviz graph --expr` takes them)
PROGRAMS: dict[str, str] = {
    # Karpathy's lecture "The spelled-out intro to neural networks and backpropagation: building micrograd"
    # (nn-zero-to-hero, lectures/micrograd/micrograd_lecture_second_half_roughly.ipynb): the neuron, with the
    # lecture's names for the intermediate results.
    "neuron": ("x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.8813735870195432\n"
               "x1w1 = x1*w1\nx2w2 = x2*w2\nx1w1x2w2 = x1w1 + x2w2\nn = x1w1x2w2 + b\no = n.tanh()\n"),
    # micrograd's test/test_engine.py, test_sanity_check, with x = Value(-4.0) written x = -4.0
    "micrograd_sanity": ("x = -4.0\nz = 2 * x + 2 + x\nq = z.relu() + z * x\nh = (z * z).relu()\n"
                         "y = h + q + q * x\ny.backward()\n"),
    # micrograd's test/test_engine.py, test_more_ops (and its README): Value(-4.0) written -4.0; `+=` is read
    # as Python reads it (c += c + 1 is c = c + (c + 1)), each assignment a new node (c, c′, c″)
    "micrograd_more_ops": ("a = -4.0\nb = 2.0\nc = a + b\nd = a * b + b**3\nc += c + 1\nc += 1 + c + (-a)\n"
                           "d += d * 2 + (b + a).relu()\nd += 3 * d + (b - a).relu()\ne = c - d\nf = e**2\n"
                           "g = f / 2.0\ng += 10.0 / f\ng.backward()\n"),
}
_PROGRAM_TITLES = {
    "neuron": QT_TRANSLATE_NOOP("GraphTitle", "micrograd's neuron: o = tanh(x1·w1 + x2·w2 + b)"),
    "micrograd_sanity": QT_TRANSLATE_NOOP("GraphTitle", "micrograd's sanity check (test_engine.py)"),
    "micrograd_more_ops": QT_TRANSLATE_NOOP("GraphTitle", "micrograd's more ops (test_engine.py, README)"),
}


def _program_graph(key: str, values: dict) -> Graph:
    try:
        parsed = parse_expression(PROGRAMS[key], values, name=key)
    except ExpressionError as exc:
        raise GraphError(exc.message) from None
    if parsed.unused:
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "the {graph} graph has no input called {name} (its inputs: "
                                                         "{inputs})").format(graph=key, name=parsed.unused[0],
                                                                             inputs=", ".join(parsed.variables)))
    parsed.graph.title = _PROGRAM_TITLES[key]
    return parsed.graph


def neuron_graph(**values: float) -> Graph:
    """micrograd's lecture neuron o = tanh(x1·w1 + x2·w2 + b); keyword arguments change x1, x2, w1, w2, b."""
    return _program_graph("neuron", values)


def micrograd_sanity_graph(**values: float) -> Graph:
    """micrograd's test_sanity_check: y = −20, ∂y/∂x = 46 at x = −4 (keyword argument x)."""
    return _program_graph("micrograd_sanity", values)


def micrograd_more_ops_graph(**values: float) -> Graph:
    """micrograd's test_more_ops: g = 24.7041, ∂g/∂a = 138.8338, ∂g/∂b = 645.5773 at a = −4, b = 2."""
    return _program_graph("micrograd_more_ops", values)


def sigmoid_graph(x: float = 1.0) -> Graph:
    """Seed 004: y = 1/(1 + exp(−x)) as x1 = −1·x, x2 = exp(x1), x3 = x2 + 1, y = 1/x3."""
    g = Graph("sigmoid", QT_TRANSLATE_NOOP("GraphTitle", "Sigmoid y = 1/(1 + exp(−x))"))
    x_ = g.input("x", x, QT_TRANSLATE_NOOP("GraphNote", "the sigmoid's input"))
    x1 = g.scale(x_, -1.0, name="x1", note="−x")
    x2 = g.exp(x1, name="x2", note="exp(−x)")
    x3 = g.shift(x2, 1.0, name="x3", note="1 + exp(−x)")
    g.recip(x3, name="y", note=QT_TRANSLATE_NOOP("GraphNote", "the sigmoid 1/(1 + exp(−x))"))
    return g


def softmax_loss_graph(scores: Sequence[float] = (0.3, 2.9, 4.0), targets: Sequence[float] = (0.0, 0.0, 1.0)
                       ) -> Graph:
    """Seed 004 (Saito's Softmax-with-Loss): y_k = exp(a_k)·(1/Σ exp(a_j)), L = −Σ t_k·log(y_k).

    ``targets`` must be a probability distribution (one-hot, or non-negative and adding up to 1): only then
    does the backward pass simplify to y − t."""
    scores, targets = [float(a) for a in scores], [float(t) for t in targets]
    n = len(scores)
    if not 2 <= n <= MAX_CLASSES:
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "softmax_loss takes 2 to {most} scores, got {n}").format(
            most=MAX_CLASSES, n=n))
    if len(targets) != n:
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "{n} scores need {n} targets, got {got}").format(
            n=n, got=len(targets)))
    for k, t in enumerate(targets, 1):
        if not math.isfinite(t):
            raise GraphError(QT_TRANSLATE_NOOP("GraphError", "target t{k} must be a finite number, got {t}").format(
                k=k, t=t))
        if t < 0:
            raise GraphError(QT_TRANSLATE_NOOP("GraphError", "target t{k} = {t} is negative: targets are "
                                                             "probabilities").format(k=k, t=format_number(t)))
    if abs(math.fsum(targets) - 1.0) > 1e-9:
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "the targets add up to {sum}, not 1: use one-hot targets "
                                                         "such as 0, 0, 1").format(
            sum=format_number(math.fsum(targets))))
    g = Graph("softmax_loss", QT_TRANSLATE_NOOP("GraphTitle", "Softmax with cross-entropy loss"))
    a = [g.input(f"a{k}", s, QT_TRANSLATE_NOOP("GraphNote", "score of class {k}").format(k=k))
         for k, s in enumerate(scores, 1)]
    e = [g.exp(a[k], name=f"e{k + 1}", note=f"exp(a{k + 1})") for k in range(n)]
    total = g.add(*e, name="S", note=QT_TRANSLATE_NOOP("GraphNote", "the sum of the exponentials"))
    r = g.recip(total, name="r", note="1/S")
    y = [g.mul(e[k], r, name=f"y{k + 1}", note=QT_TRANSLATE_NOOP("GraphNote", "the softmax output for class "
                                                                              "{k}").format(k=k + 1))
         for k in range(n)]
    logs = [g.log(y[k], name=f"l{k + 1}", note=f"log(y{k + 1})") for k in range(n)]
    t = [g.input(f"t{k}", tv, QT_TRANSLATE_NOOP("GraphNote", "target of class {k}").format(k=k))
         for k, tv in enumerate(targets, 1)]
    p = [g.mul(t[k], logs[k], name=f"p{k + 1}", note=f"t{k + 1}·log(y{k + 1})") for k in range(n)]
    s = g.add(*p, name="s", note="Σ t·log(y)")
    g.scale(s, -1.0, name="L", note=QT_TRANSLATE_NOOP("GraphNote", "the cross-entropy loss −Σ t·log(y)"))
    return g


def sigmoid_check(x: float) -> tuple[float, float, float]:
    """(y, dy/dx from the graph's backward pass, y·(1 − y)): the last two agree."""
    ev = sigmoid_graph(x).evaluate()
    y = ev.output_value
    return y, ev.grad("x"), y * (1.0 - y)


def softmax_check(ev: Evaluation) -> list[tuple[float, float, float, float]]:
    """Per class of a softmax_loss evaluation: (y_k, t_k, ∂L/∂a_k from the backward pass, y_k − t_k)."""
    n = sum(1 for node in ev.nodes if node.name.startswith("a") and node.is_leaf)
    rows = []
    for k in range(1, n + 1):
        y, t = ev.value(f"y{k}"), ev.value(f"t{k}")
        rows.append((y, t, ev.grad(f"a{k}"), y - t))
    return rows


#: name → (title, one-line description, builder taking keyword arguments)
#: (the descriptions are phrases: the window shows them in its language, the CLI's list in English)
BUILTIN_GRAPHS: dict[str, tuple[str, str, Callable[..., Graph]]] = {
    "shopping": ("Shopping", QT_TRANSLATE_NOOP("GraphDescription", "(400·1 + 300·2)·0.7: a jacket and two "
                                                                   "trousers, 30 % off (seed 002)"),
                 shopping_graph),
    "apples": ("Apples", QT_TRANSLATE_NOOP("GraphDescription", "100·2·1.1: two apples at 100, tax 1.1 (Saito's "
                                                               "first graph, ch. 5)"), apples_graph),
    "sigmoid": ("Sigmoid", QT_TRANSLATE_NOOP("GraphDescription", "y = 1/(1 + exp(−x)) as ×(−1), exp, +1, 1/x; "
                                                                 "backward gives y(1 − y) (seed 004)"),
                sigmoid_graph),
    "softmax_loss": ("Softmax with loss", QT_TRANSLATE_NOOP("GraphDescription", "L = −Σ t·log(softmax(a)); "
                                                                                "backward gives y − t (seed 004)"),
                     softmax_loss_graph),
    "neuron": ("Neuron (micrograd)", QT_TRANSLATE_NOOP("GraphDescription", "o = tanh(x1·w1 + x2·w2 + b) = 0.7071: "
                                                                           "the neuron of micrograd's lecture"),
               neuron_graph),
    "micrograd_sanity": ("micrograd sanity check", QT_TRANSLATE_NOOP("GraphDescription", "micrograd's "
                                                                     "test_sanity_check: z, q, h, y with relu; y = "
                                                                     "−20, ∂y/∂x = 46"), micrograd_sanity_graph),
    "micrograd_more_ops": ("micrograd more ops", QT_TRANSLATE_NOOP("GraphDescription", "micrograd's test_more_ops "
                                                                   "(and README): +=, **, relu, /; g = 24.7041"),
                           micrograd_more_ops_graph),
}


def builtin(name: str, **kwargs) -> Graph:
    """The built-in graph ``name`` (a key of BUILTIN_GRAPHS) with its builder's keyword arguments."""
    try:
        builder = BUILTIN_GRAPHS[name][2]
    except KeyError:
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "no built-in graph called {name!r} (known: {known})").format(
            name=name, known=", ".join(BUILTIN_GRAPHS))) from None
    return builder(**kwargs)
