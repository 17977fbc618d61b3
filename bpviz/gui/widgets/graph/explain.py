"""The words of the computation-graph page: one backward step with the chain rule in numbers, and the check
the seeds promise (y(1 − y) for the sigmoid, y − t for softmax with loss).

Pure string functions over an ``Evaluation`` (no Qt), rendered as Qt rich text by ``formula.to_html``.
"""

from __future__ import annotations

import math

from bpviz.engine.compgraph import Evaluation, format_number
from bpviz.engine.graph_builtins import softmax_check
from bpviz.gui import palette
from bpviz.gui.formula import to_html

__all__ = ["step_html", "check_html", "step_row_html", "leaf_complete"]


def _n(value: float) -> str:
    return format_number(value)


def _b(value: float) -> str:
    """A number inside a product: negative numbers in brackets."""
    text = _n(value)
    return f"({text})" if text.startswith("−") else text


def _grad(color_value: str) -> str:
    return f"<span style='color:{palette.GRADIENT}'><b>{color_value}</b></span>"


WORD_JOINER = "\u2060"


def _whole(text: str) -> str:
    """A derivative ∂a/∂b as rich text that word wrap must not cut after its slash (an invisible word joiner;
    put in before the HTML is made, so no closing tag gets one)."""
    return to_html(text.replace("/", "/" + WORD_JOINER))


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def leaf_complete(ev: Evaluation, name: str, position: int) -> bool:
    """Whether every edge leaving ``name`` has sent its gradient by step ``position``."""
    arrived = sum(1 for s in ev.steps[: position + 1] for e in s.edges if e.source == name)
    return arrived == len(ev.node(name).consumers)


def step_row_html(ev: Evaluation, index: int) -> str:
    step = ev.steps[index]
    return f"{index + 1}.&nbsp;{to_html(step.formula)}"


def step_html(ev: Evaluation, position: int) -> str:
    out, n = ev.output, len(ev.steps)
    d = lambda a: _whole(f"∂{out}/∂{a}")  # noqa: E731
    if position < 0:
        if n == 0:
            return (f"The output {to_html(out)} is a leaf itself: {d(out)} = 1, and there is nothing to pass "
                    f"back. Try an expression with an operation, such as <tt>x * y</tt>.")
        first = ev.steps[0]
        return (f"<b>Forward pass done:</b> {to_html(out)} = {_n(ev.output_value)} "
                f"<span style='color:{palette.POSITIVE}'>(blue numbers above the edges)</span>.<br><br>"
                f"The backward pass starts at the output with {d(out)} = 1 and visits the nodes from right to "
                f"left. At each node, the chain rule multiplies the gradient arriving from the right "
                f"(<i>upstream</i>) by the node's own <i>local</i> derivative, and sends the product down each "
                f"input edge.<br><br>Press <b>Next</b> (→) for step 1, node {to_html(first.node)}.")
    step = ev.steps[position]
    node = ev.node(step.node)
    parts = [f"<b>Step {position + 1} of {n}</b> · node <b>{to_html(step.node)}</b>: {to_html(step.formula)}"]
    if step.node == out:
        upstream = f"{d(out)} = 1 (the output: where the backward pass starts)"
    elif len(node.consumers) > 1:
        sends = [e.sent for s in ev.steps[:position] for e in s.edges if e.source == step.node]
        upstream = (f"{d(step.node)} = {' + '.join(_b(v) for v in sends)} = {_grad(_n(step.upstream))}"
                    f" (the sum over the {len(sends)} edges leaving {to_html(step.node)})")
    else:
        upstream = f"{d(step.node)} = {_grad(_n(step.upstream))} (arrived from the right)"
    parts.append(f"Upstream: {upstream}")
    for e in step.edges:
        lead = f"{d(e.source)} =" if e.fanout == 1 else "this edge sends"
        lines = [f"<b>→ {to_html(e.source)}</b>",
                 f"local: {to_html(e.local_text())}",
                 f"{lead} {d(step.node)} · {_whole(f'∂{step.node}/∂{e.source}')}"
                 f" = {_b(step.upstream)} · {_b(e.local)} = {_grad(_n(e.sent))}"]
        if e.fanout > 1:
            state = ("complete" if e.share == e.fanout else
                     f"so far: {e.fanout - e.share} more edge{'s' if e.fanout - e.share > 1 else ''} to come")
            lines.append(f"{to_html(e.source)} feeds {e.fanout} edges, so its gradients add up: "
                         f"{d(e.source)} = {_b(e.before)} + {_b(e.sent)} = {_grad(_n(e.after))} ({state})")
        parts.append("<br>".join(lines))
    if position == n - 1:
        leaves = [leaf for leaf in ev.leaves]
        summary = ", ".join(f"{d(leaf.name)} = {_grad(_n(leaf.grad))}" for leaf in leaves)
        parts.append(f"<b>Backward pass complete.</b> The gradients of the inputs: {summary}.")
    return "<br><br>".join(parts)


def check_html(ev: Evaluation, position: int) -> str:
    """The seed's closed form next to what the graph computed (empty for graphs without one)."""
    if ev.name == "sigmoid":
        x, y, grad = ev.value("x"), ev.output_value, ev.grad("x")
        closed = y * (1 - y)
        line = (f"<b>Check (seed 004):</b> at x = {_n(x)}, y(1 − y) = {_n(y)} · (1 − {_n(y)}) = "
                f"<b>{_n(closed)}</b>")
        if leaf_complete(ev, "x", position) and ev.steps:
            mark = "✓" if _same(grad, closed) else "✗"
            return line + f"<br>{to_html('∂y/∂x')} from the backward pass: {_grad(_n(grad))} {mark}"
        return line + f"<br><span style='color:{palette.MUTED}'>The backward pass reaches x at its last step; " \
                      f"the gradient there will be this number.</span>"
    if ev.name == "softmax_loss":
        rows = []
        for k, (y, t, grad, diff) in enumerate(softmax_check(ev), 1):
            if leaf_complete(ev, f"a{k}", position):
                got = f"{_grad(_n(grad))} {'✓' if _same(grad, diff) else '✗'}"
            else:
                got = f"<span style='color:{palette.MUTED}'>not yet</span>"
            rows.append(f"<tr><td>{to_html(f'a{k}')}&nbsp;</td><td nowrap>{_n(y)} − {_n(t)} = <b>{_n(diff)}</b>"
                        f"&nbsp;&nbsp;</td><td nowrap>{got}</td></tr>")
        return ("<b>Check (seed 004): ∂L/∂a = y − t</b>"
                "<table cellspacing='0' cellpadding='1' style='margin-top:2px'>"
                f"<tr style='color:{palette.MUTED}'><td></td><td>y − t</td>"
                f"<td nowrap>∂L/∂a (backward)</td></tr>{''.join(rows)}</table>")
    if ev.name == "shopping" and position == len(ev.steps) - 1:
        return (f"<b>What the gradients say:</b> one more jacket adds {_n(ev.grad('jacket_count'))} to the bill, "
                f"one more pair of trousers {_n(ev.grad('trousers_count'))}; each unit of a jacket's price adds "
                f"{_n(ev.grad('jacket_price'))}, of the trousers' price {_n(ev.grad('trousers_price'))} "
                f"(two pairs); raising the factor paid by 0.01 adds {_n(ev.grad('discount') * 0.01)}.")
    return ""
