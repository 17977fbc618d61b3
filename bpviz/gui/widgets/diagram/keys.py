"""The network diagram's keyboard cursor: which element the arrow keys go to, and what a screen reader is told.

No widgets here (the texts go through ``translate``). Elements are arranged in columns, left to right: the
input neurons, the parameters of weight layer 1 (its weights in numbering order w1, w2, ..., then its bias or
biases), the neurons of the next layer, and so on to the outputs. Right follows an edge forward (from a neuron to
the first edge leaving it, from an edge to the neuron it feeds); Left goes back (from a neuron to the first edge
entering it, from an edge to the neuron it comes from); Up and Down move within a column (the neurons of a layer
top to bottom, the edges of a layer in numbering order, then its biases); Home and End go to the first input and
the last output.
"""

from __future__ import annotations

from bpviz.engine.naming import NetworkNames
from bpviz.gui.i18n import translate
from bpviz.gui.widgets.diagram.values import fmt4, is_known, param_value
from bpviz.models.diagram import DiagramState

MOVES = ("left", "right", "up", "down", "home", "end")


def columns(names: NetworkNames) -> list[list[str]]:
    """The elements the cursor visits, column by column (neurons, then a weight layer's parameters, ...)."""
    cols = []
    for layer in range(names.n_layers + 1):
        cols.append(names.layer_neurons(layer))
        if layer < names.n_layers:
            params = [n for n, ref in names.params.items() if ref.layer == layer and ref.kind == "w"]
            params += [n for n, ref in names.params.items() if ref.layer == layer and ref.kind == "b"]
            cols.append(params)
    return cols


def move(names: NetworkNames, current: str | None, key: str) -> str:
    """Where ``key`` (one of MOVES) takes the cursor from ``current`` (None or an unknown id: the first input)."""
    cols = columns(names)
    where = {e: (c, k) for c, col in enumerate(cols) for k, e in enumerate(col)}
    if key == "home" or current not in where:
        return cols[0][0]
    if key == "end":
        return cols[-1][-1]
    c, k = where[current]
    if key in ("up", "down"):
        return cols[c][max(0, min(len(cols[c]) - 1, k + (1 if key == "down" else -1)))]
    forward = key == "right"
    if c % 2 == 0:  # a neuron: to the first edge leaving (Right) or entering (Left) it
        layer = c // 2
        if forward and layer < names.n_layers:
            return names.weight(layer, k, 0)
        if not forward and layer > 0:
            return names.weight(layer - 1, 0, k)
        return current
    ref = names.params[current]  # an edge: to the neuron it feeds (Right) or comes from (Left)
    if forward:
        return names.neuron(ref.layer + 1, ref.dst or 0)
    return names.neuron(ref.layer, ref.src or 0)


def help_text() -> str:
    """The keys, as the diagram's tooltip and README say them."""
    return translate("DiagramKeys",
                     "Keyboard: Tab into the diagram, then the arrow keys move the dashed cursor: Right follows an "
                     "edge forward to the neuron it feeds, Left goes back, Up and Down move within a column "
                     "(neurons of a layer, or edges in the order w1, w2, …, then the biases); Home and End go to "
                     "the first input and the last output. Enter or F2 edits the weight or bias under the cursor, "
                     "Esc cancels. While the diagram has the focus, the arrow keys, Home and End do not step the "
                     "pass; Tab leaves the diagram.")


def describe(state: DiagramState | None, element_id: str | None) -> str:
    """What a screen reader says of an element, with the numbers as the diagram shows them: "weight w5, 0.4,
    gradient 0.08217, from h1 to o1", "neuron h1, net 0.3775, out 0.5933", "bias b1, 0.35, to h1, h2"; '' for
    anything else."""
    if state is None or element_id is None:
        return ""
    names = state.names
    if element_id in names.params:
        return _describe_param(state, names, element_id)
    for layer in range(names.n_layers + 1):
        if element_id in names.layer_neurons(layer):
            return _describe_neuron(state, names, layer, names.layer_neurons(layer).index(element_id))
    return ""


def _describe_param(state: DiagramState, names: NetworkNames, name: str) -> str:
    ref = names.params[name]
    value = fmt4(param_value(names, state, name))
    if ref.kind == "w":
        parts = [translate("DiagramKeys", "weight {name}, {value}").format(name=name, value=value)]
    else:
        parts = [translate("DiagramKeys", "bias {name}, {value}").format(name=name, value=value)]
    grad, new = param_value(names, state, name, "grad"), param_value(names, state, name, "new")
    if is_known(grad):
        parts.append(translate("DiagramKeys", "gradient {value}").format(value=fmt4(grad)))
    if is_known(new):
        parts.append(translate("DiagramKeys", "new value {value}").format(value=fmt4(new)))
    if ref.kind == "w":
        parts.append(translate("DiagramKeys", "from {source} to {target}").format(
            source=names.neuron(ref.layer, ref.src), target=names.neuron(ref.layer + 1, ref.dst)))
    else:
        fed = names.layer_neurons(ref.layer + 1) if ref.dst is None else [names.neuron(ref.layer + 1, ref.dst)]
        parts.append(translate("DiagramKeys", "to {neurons}").format(neurons=", ".join(fed)))
    if state.editable:
        parts.append(translate("DiagramKeys", "Enter edits"))
    return ", ".join(parts)


def _describe_neuron(state: DiagramState, names: NetworkNames, layer: int, j: int) -> str:
    n = names.neuron(layer, j)
    caption = state.input_labels[j] if layer == 0 and state.input_labels and j < len(state.input_labels) else None
    shown = n if caption is None else f"{caption} ({n})"
    if layer == 0:
        parts = [translate("DiagramKeys", "input neuron {name}").format(name=shown)]
        if state.input_values is not None:
            parts.append(fmt4(state.input_values[j]))
        return ", ".join(parts)
    output = layer == names.n_layers
    parts = [(translate("DiagramKeys", "output neuron {name}") if output
              else translate("DiagramKeys", "neuron {name}")).format(name=n)]
    words = {"net": translate("DiagramKeys", "net {value}"), "out": translate("DiagramKeys", "out {value}"),
             "grad_out": translate("DiagramKeys", "gradient of out {value}"),
             "deriv": translate("DiagramKeys", "derivative {value}"),
             "delta": translate("DiagramKeys", "delta {value}")}
    values = state.neuron_values.get(n, ())
    for kind, v in values:
        parts.append(words.get(kind, kind + " {value}").format(value=fmt4(v)))
    if not values and state.input_values is not None:
        parts.append(translate("DiagramKeys", "not computed yet"))
    if output and state.targets is not None:
        parts.append(translate("DiagramKeys", "target {value}").format(value=fmt4(state.targets[j])))
    return ", ".join(parts)


__all__ = ["MOVES", "columns", "describe", "help_text", "move"]
