"""``bpviz graph``: backpropagation through a computation graph, one node at a time (seeds 002 and 004, micrograd).

    bpviz graph shopping                      (400·1 + 300·2)·0.7 and the gradient of every price and count
    bpviz graph apples                        100·2·1.1: Saito's two apples with tax
    bpviz graph sigmoid --x 0.5               y = 1/(1 + exp(−x)) as ×(−1), exp, +1, 1/x; dy/dx = y(1 − y)
    bpviz graph softmax_loss --scores 0.3,2.9,4.0 --targets 0,0,1     softmax + cross-entropy; ∂L/∂a = y − t
    bpviz graph neuron                        micrograd's neuron tanh(x1·w1 + x2·w2 + b)
    bpviz graph micrograd_sanity              micrograd's test programs (also micrograd_more_ops)
    bpviz graph --expr "(x + y) * exp(x)" --let x=2 --let y=-1         your own expression
    bpviz graph --expr "a = -4; b = 2; c = a + b; d = a*b + b**3; c.backward()"   your own program
    bpviz graph --file PROG.txt               a program read from a file (one statement a line)
    bpviz graph --list

``--let NAME=VALUE`` also changes a leaf of a built-in graph (``bpviz graph shopping --let discount=0.8``) or one
that a program assigns a number (``a = -4``). The language and its programs are described in
``bpviz.engine.expression``.
Write ``--expr=-x*y`` or ``--scores=-1,0,2`` when the text starts with a minus sign.

The plain output is a table of every node (name, operation, formula, forward value, gradient ∂out/∂node), then
the backward steps in order: the node, the upstream gradient, and for each input edge the local derivative and
the gradient it sends (upstream × local), with the running sum where a value feeds several nodes.

``--json`` prints one object::

    {"graph": NAME, "title": str, "output": value, "output_node": name,
     "nodes": [{"name", "op", "label", "inputs", "value", "grad", "formula", "group", "line"}, ...],
     "steps": [{"node", "op", "formula", "upstream",
                "edges": [{"input", "formula", "local", "sent", "before", "after", "share", "fanout"}]}, ...],
     "statements": [{"name", "line", "text", "node"}, ...],                    (a program's; else [])
     "check": {...}}                                                    (sigmoid and softmax_loss only)

``nodes`` are in forward order; ``group`` is the name of the statement that made the node (null outside
statements), ``line`` where it was written (null for built graphs). ``op`` is "input", "constant", "add",
"sub", "mul", "div", "scale", "shift", "exp", "log", "recip", "tanh", "sigmoid", "relu", "sqrt", "abs", "pow"
(a number exponent) or "pow_var" (a computed exponent);
``sent`` = upstream · local is the gradient sent down the edge, ``before``/``after`` the input's gradient
summed so far (``share`` of ``fanout`` edges leaving it). For sigmoid ``check`` is {"x", "y", "dy_dx",
"y_times_1_minus_y"}; for softmax_loss {"y": [...], "t": [...], "dL_da": [...], "y_minus_t": [...]}.
"""

from __future__ import annotations

import json

from bpviz.commands.args import UsageError, finite_float, number_list

NAMES = ("shopping", "apples", "sigmoid", "softmax_loss", "neuron", "micrograd_sanity", "micrograd_more_ops")
SOURCES = "a graph NAME (see bpviz graph --list), --expr \"EXPRESSION\" or --file PROGRAM.txt"


def add_parser(sub) -> None:
    p = sub.add_parser(
        "graph", help="backpropagation through a computation graph, node by node",
        description="Forward values and the backward pass of a small computation graph: the shopping bill "
        "(seed 002), the sigmoid and softmax-with-loss drawn as scalar nodes (seed 004), or your own expression.",
        epilog="Write --expr=-x*y or --scores=-1,0,2 when the value starts with a minus sign.")
    p.add_argument("name", nargs="?", metavar="NAME", help=f"a built-in graph: {', '.join(NAMES)}")
    p.add_argument("--expr", metavar="EXPR", help="your own expression, e.g. \"(x + y) * exp(x)\", or program, "
                   "e.g. \"a = -4; b = 2; c = a*b + b**3\": numbers, names, + - * / **, brackets, tanh relu "
                   "sigmoid exp log sqrt abs, statements NAME = EXPR separated by ; (the last is the output)")
    p.add_argument("--file", metavar="PROGRAM.txt", help="read the expression or program from a text file "
                   "(statements one a line, # comments)")
    p.add_argument("--let", action="append", default=[], metavar="NAME=VALUE",
                   help="the value of a name in --expr, or a new value for a leaf of a built-in graph "
                   "(repeat for several)")
    p.add_argument("--x", type=finite_float, metavar="VALUE", help="sigmoid: the input x (default 1)")
    p.add_argument("--scores", metavar="A1,A2,...", help="softmax_loss: 2 to 5 scores (default 0.3,2.9,4.0)")
    p.add_argument("--targets", metavar="T1,T2,...", help="softmax_loss: the target distribution, e.g. 0,0,1 "
                   "(default: one-hot on the last class)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the tables")
    p.add_argument("--list", action="store_true", help="list the built-in graphs")
    p.set_defaults(run=run)


def run(args) -> int:
    from bpviz.engine.graph_builtins import BUILTIN_GRAPHS

    if args.list:
        if args.json:
            print(json.dumps({"graphs": [{"name": k, "title": v[0], "description": v[1]}
                                         for k, v in BUILTIN_GRAPHS.items()]}, indent=2, ensure_ascii=False))
        else:
            width = max(len(key) for key in BUILTIN_GRAPHS) + 2
            for key, (_title, description, _builder) in BUILTIN_GRAPHS.items():
                print(f"{key:<{width}}{description}")
            print(f"{'--expr EXPR':<{width}}your own expression or program, with --let NAME=VALUE for its names")
            print(f"{'--file FILE':<{width}}a program read from a text file (one statement a line)")
        return 0
    evaluation = evaluate(args)
    if args.json:
        out = evaluation.to_dict()
        out["title"] = evaluation.title
        check = closed_form_check(evaluation)
        if check is not None:
            out["check"] = check
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(render(evaluation))
    return 0


def evaluate(args):
    """The Evaluation the arguments ask for; every mistake is a UsageError."""
    from bpviz.engine.compgraph import GraphError
    from bpviz.engine.expression import ExpressionError, parse_expression
    from bpviz.engine.graph_builtins import builtin

    given = [a for a in (args.name, args.expr, args.file) if a is not None]
    if len(given) != 1:
        raise UsageError(f"give one of {SOURCES}, not several" if given else
                         f"give {SOURCES}")
    if args.name is not None and args.name not in NAMES:
        raise UsageError(f"no graph called {args.name!r} (choose from {', '.join(NAMES)}, or use --expr)")
    if args.x is not None and args.name != "sigmoid":
        raise UsageError("--x is the input of the sigmoid graph: use it with `bpviz graph sigmoid`")
    if (args.scores or args.targets) and args.name != "softmax_loss":
        raise UsageError("--scores and --targets belong to the softmax_loss graph")
    values = parse_lets(args.let)
    source = "--expr"
    if args.file is not None:
        from bpviz.files import FileError, read_text

        try:
            args.expr = read_text(args.file, limit=64 * 1024)
        except FileError as exc:
            raise UsageError(str(exc)) from None
        source = f"--file {args.file}"
    try:
        if args.expr is not None:
            return parse_expression(args.expr, values).evaluate()
        kwargs = {}
        if args.name == "sigmoid" and args.x is not None:
            kwargs["x"] = args.x
        if args.name == "softmax_loss":
            kwargs.update(softmax_inputs(args.scores, args.targets))
        graph = builtin(args.name, **kwargs)
        unknown = [name for name in values if name not in graph.leaf_values()]
        if unknown:
            raise UsageError(f"--let {unknown[0]}: the {args.name} graph has no input called {unknown[0]} "
                             f"(its inputs: {', '.join(graph.leaf_values())})")
        return graph.evaluate(values)
    except ExpressionError as exc:
        raise UsageError(f"{source}: {exc}") from None
    except GraphError as exc:
        raise UsageError(str(exc)) from None


def parse_lets(items: list[str]) -> dict[str, float]:
    from bpviz.engine.expression import ExpressionError, parse_values

    values: dict[str, float] = {}
    for item in items:
        try:
            parsed = parse_values(item)
        except ExpressionError as exc:
            raise UsageError(f"--let {item}: {exc.message}") from None
        if len(parsed) != 1:
            raise UsageError(f"--let takes one NAME=VALUE, got {item!r}")
        name, value = next(iter(parsed.items()))
        if name in values:
            raise UsageError(f"--let {name} is given twice")
        values[name] = value
    return values


def softmax_inputs(scores_text: str | None, targets_text: str | None) -> dict:
    from bpviz.engine.graph_builtins import MAX_CLASSES

    scores = number_list(scores_text, "--scores") if scores_text else [0.3, 2.9, 4.0]
    if not 2 <= len(scores) <= MAX_CLASSES:
        raise UsageError(f"--scores takes 2 to {MAX_CLASSES} numbers, got {len(scores)}")
    if targets_text:
        targets = number_list(targets_text, "--targets")
    else:
        targets = [0.0] * (len(scores) - 1) + [1.0]
    return {"scores": scores, "targets": targets}


def closed_form_check(ev) -> dict | None:
    """What the seed says the backward pass must give: y(1 − y) for the sigmoid, y − t for softmax_loss."""
    from bpviz.engine.graph_builtins import softmax_check

    if ev.name == "sigmoid":
        y = ev.output_value
        return {"x": ev.value("x"), "y": y, "dy_dx": ev.grad("x"), "y_times_1_minus_y": y * (1.0 - y)}
    if ev.name == "softmax_loss":
        rows = softmax_check(ev)
        return {"y": [r[0] for r in rows], "t": [r[1] for r in rows], "dL_da": [r[2] for r in rows],
                "y_minus_t": [r[3] for r in rows]}
    return None


def _op_text(node) -> str:
    return node.op if node.is_leaf else node.label


def render(ev) -> str:
    """The node table, then the backward steps with the chain rule in numbers."""
    from bpviz.engine.compgraph import format_number as fmt
    from bpviz.reports import text_table

    out = ev.output
    d = f"∂{out}/∂"
    lines = [f"Graph: {ev.title}", f"Output {out} = {ev.output_value:.10g}", ""]
    if ev.statements:
        lines.append("Statements (each a group of nodes named after it; a name assigned again is a new node)")
        width = max(len(s.name) for s in ev.statements)
        lines += [f"  line {s.line:>3}  {s.name:<{width}}  {s.text}" for s in ev.statements]
        lines.append("")
    lines.append("Nodes (forward order)")
    min_widths = (max(6, *(len(n.name) for n in ev.nodes)) + 2, 11,
                  min(44, max(len(n.formula) for n in ev.nodes)) + 2, 16, max(22, len(d) + 15))
    rows = [(n.name, _op_text(n), n.formula, f"{n.value:.10g}", f"{n.grad:.10g}") for n in ev.nodes]
    lines += text_table(("node", "operation", "formula", "value", f"gradient {d}node"), rows, "<<<>>", min_widths,
                        indent="  ")
    lines += ["", f"Backward steps (from the output back; {d}{out} = 1)"]
    if not ev.steps:
        lines.append(f"  none: the output {out} is a leaf itself")
    for step in ev.steps:
        lines.append(f"  {step.index + 1}. {step.formula}    upstream {d}{step.node} = {fmt(step.upstream)}")
        for e in step.edges:
            chain = f"{d}{e.source} {'+=' if e.fanout > 1 else '='} {fmt(step.upstream)} · " \
                    f"{_bracket(fmt(e.local))} = {fmt(e.sent)}"
            lines.append(f"       {e.source}: {e.local_text()}")
            lines.append(f"       {'':<{len(e.source)}}  {chain}")
            if e.fanout > 1:
                state = "complete" if e.share == e.fanout else "so far"
                lines.append(f"       {'':<{len(e.source)}}  {e.source} feeds {e.fanout} edges: this is "
                             f"contribution {e.share} of {e.fanout}; {d}{e.source} = {fmt(e.before)} + "
                             f"{_bracket(fmt(e.sent))} = {fmt(e.after)} ({state})")
    check = closed_form_check(ev)
    if ev.name == "sigmoid":
        lines += ["", f"Check: dy/dx = {check['dy_dx']:.10g} and y(1 − y) = {check['y']:.10g}·(1 − "
                      f"{check['y']:.10g}) = {check['y_times_1_minus_y']:.10g}"]
    elif ev.name == "softmax_loss":
        lines += ["", "Check: ∂L/∂a = y − t"]
        columns = zip(check["y"], check["t"], check["dL_da"], check["y_minus_t"], strict=True)
        for k, (y, t, grad, diff) in enumerate(columns, 1):
            lines.append(f"  a{k}: ∂L/∂a{k} = {grad:>+.10f}   y{k} − t{k} = {y:.10f} − {t:g} = {diff:>+.10f}")
    return "\n".join(lines)


def _bracket(text: str) -> str:
    return f"({text})" if text.startswith("−") else text
