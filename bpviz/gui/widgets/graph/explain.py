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
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise, translate

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


# marked for lupdate: shown through _t
_MARKED = (QT_TRANSLATE_NOOP("GraphExplanation", "not yet"),
           QT_TRANSLATE_NOOP("GraphExplanation", "∂L/∂a (backward)"))


def _t(text: str) -> str:
    return translate("GraphExplanation", text)


def step_html(ev: Evaluation, position: int) -> str:
    out, n = ev.output, len(ev.steps)
    d = lambda a: _whole(f"∂{out}/∂{a}")  # noqa: E731
    if position < 0:
        if n == 0:
            return translate("GraphExplanation", "The output {out} is a leaf itself: {d} = 1, and there is nothing "
                                                 "to pass back. Try an expression with an operation, such as "
                                                 "<tt>x * y</tt>.").format(out=to_html(out), d=d(out))
        first = ev.steps[0]
        return translate("GraphExplanation", "<b>Forward pass done:</b> {out} = {value} <span style='color:{color}'>"
                                             "(blue numbers above the edges)</span>.<br><br>The backward pass starts "
                                             "at the output with {d} = 1 and visits the nodes from right to left. At "
                                             "each node, the chain rule multiplies the gradient arriving from the "
                                             "right (<i>upstream</i>) by the node's own <i>local</i> derivative, and "
                                             "sends the product down each input edge.<br><br>Press <b>Next</b> (→) "
                                             "for step 1, node {node}.").format(
            out=to_html(out), value=_n(ev.output_value), color=palette.POSITIVE, d=d(out), node=to_html(first.node))
    step = ev.steps[position]
    node = ev.node(step.node)
    parts = [translate("GraphExplanation", "<b>Step {k} of {n}</b> · node <b>{node}</b>: {formula}").format(
        k=position + 1, n=n, node=to_html(step.node), formula=to_html(step.formula))]
    if step.node == out:
        upstream = translate("GraphExplanation", "{d} = 1 (the output: where the backward pass starts)").format(
            d=d(out))
    elif len(node.consumers) > 1:
        sends = [e.sent for s in ev.steps[:position] for e in s.edges if e.source == step.node]
        upstream = translate("GraphExplanation", "{d} = {terms} = {sum} (the sum over the {n} edges leaving "
                                                 "{node})").format(
            d=d(step.node), terms=" + ".join(_b(v) for v in sends), sum=_grad(_n(step.upstream)), n=len(sends),
            node=to_html(step.node))
    else:
        upstream = translate("GraphExplanation", "{d} = {value} (arrived from the right)").format(
            d=d(step.node), value=_grad(_n(step.upstream)))
    parts.append(translate("GraphExplanation", "Upstream: {upstream}").format(upstream=upstream))
    for e in step.edges:
        lead = f"{d(e.source)} =" if e.fanout == 1 else translate("GraphExplanation", "this edge sends")
        lines = [f"<b>→ {to_html(e.source)}</b>",
                 translate("GraphExplanation", "local: {local}").format(local=to_html(localise(e.local_text()))),
                 f"{lead} {d(step.node)} · {_whole(f'∂{step.node}/∂{e.source}')}"
                 f" = {_b(step.upstream)} · {_b(e.local)} = {_grad(_n(e.sent))}"]
        if e.fanout > 1:
            more = e.fanout - e.share
            state = (translate("GraphExplanation", "complete") if e.share == e.fanout else
                     translate("GraphExplanation", "so far: {k} more edge to come").format(k=more) if more == 1 else
                     translate("GraphExplanation", "so far: {k} more edges to come").format(k=more))
            lines.append(translate("GraphExplanation", "{source} feeds {n} edges, so its gradients add up: {d} = "
                                                       "{before} + {sent} = {after} ({state})").format(
                source=to_html(e.source), n=e.fanout, d=d(e.source), before=_b(e.before), sent=_b(e.sent),
                after=_grad(_n(e.after)), state=state))
        parts.append("<br>".join(lines))
    if position == n - 1:
        leaves = [leaf for leaf in ev.leaves]
        summary = ", ".join(f"{d(leaf.name)} = {_grad(_n(leaf.grad))}" for leaf in leaves)
        parts.append(translate("GraphExplanation", "<b>Backward pass complete.</b> The gradients of the inputs: "
                                                   "{summary}.").format(summary=summary))
    return "<br><br>".join(parts)


def check_html(ev: Evaluation, position: int) -> str:
    """The seed's closed form next to what the graph computed (empty for graphs without one)."""
    if ev.name == "sigmoid":
        x, y, grad = ev.value("x"), ev.output_value, ev.grad("x")
        closed = y * (1 - y)
        line = translate("GraphExplanation", "<b>Check (seed 004):</b> at x = {x}, y(1 − y) = {y} · (1 − {y}) = "
                                             "<b>{closed}</b>").format(x=_n(x), y=_n(y), closed=_n(closed))
        if leaf_complete(ev, "x", position) and ev.steps:
            mark = "✓" if _same(grad, closed) else "✗"
            return line + "<br>" + translate("GraphExplanation", "{d} from the backward pass: {grad} {mark}").format(
                d=to_html("∂y/∂x"), grad=_grad(_n(grad)), mark=mark)
        return line + "<br>" + translate("GraphExplanation", "<span style='color:{color}'>The backward pass reaches "
                                                             "x at its last step; the gradient there will be this "
                                                             "number.</span>").format(color=palette.MUTED)
    if ev.name == "softmax_loss":
        rows = []
        for k, (y, t, grad, diff) in enumerate(softmax_check(ev), 1):
            if leaf_complete(ev, f"a{k}", position):
                got = f"{_grad(_n(grad))} {'✓' if _same(grad, diff) else '✗'}"
            else:
                got = f"<span style='color:{palette.MUTED}'>{_t('not yet')}</span>"
            rows.append(f"<tr><td>{to_html(f'a{k}')}&nbsp;</td><td nowrap>{_n(y)} − {_n(t)} = <b>{_n(diff)}</b>"
                        f"&nbsp;&nbsp;</td><td nowrap>{got}</td></tr>")
        return (translate("GraphExplanation", "<b>Check (seed 004): ∂L/∂a = y − t</b>")
                + "<table cellspacing='0' cellpadding='1' style='margin-top:2px'>"
                f"<tr style='color:{palette.MUTED}'><td></td><td>y − t</td>"
                f"<td nowrap>{_t('∂L/∂a (backward)')}</td></tr>{''.join(rows)}</table>")
    if ev.name == "shopping" and position == len(ev.steps) - 1:
        return translate("GraphExplanation", "<b>What the gradients say:</b> one more jacket adds {jacket} to the "
                                             "bill, one more pair of trousers {trousers}; each unit of a jacket's "
                                             "price adds {jacket_price}, of the trousers' price {trousers_price} (two "
                                             "pairs); raising the factor paid by 0.01 adds {discount}.").format(
            jacket=_n(ev.grad("jacket_count")), trousers=_n(ev.grad("trousers_count")),
            jacket_price=_n(ev.grad("jacket_price")), trousers_price=_n(ev.grad("trousers_price")),
            discount=_n(ev.grad("discount") * 0.01))
    return ""
