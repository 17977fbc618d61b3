"""Names of neurons, weights and biases in the worked example's notation, for any layer sizes.

Neurons: inputs ``i1, i2, ...``; outputs ``o1, o2, ...``; hidden ``h1, h2, ...`` when there is one hidden
layer, else ``h1_1, h1_2, ..., h2_1, ...`` (layer, neuron). Weights are numbered ``w1, w2, ...`` layer by layer,
and within a layer by destination neuron, then source neuron, exactly as the published 2-2-2 example:
w1 = W[0][0,0] (i1→h1), w2 = W[0][1,0] (i2→h1), w3 = W[0][0,1] (i1→h2), ..., w5 = W[1][0,0] (h1→o1).
Biases: with one shared bias per layer ``b1, b2, ...`` (the example's b1 = 0.35, b2 = 0.60); else one per
neuron, ``b_h1, b_o1, ...``. Targets: ``t1, t2, ...``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class ParamRef:
    """Where a named parameter lives: ``kind`` 'w' → weights[layer][src, dst]; 'b' → biases[layer][dst]
    (``dst`` is None for a shared bias, which stands for the whole vector)."""

    kind: str
    layer: int
    src: int | None
    dst: int | None


class NetworkNames:
    def __init__(self, sizes, shared_biases: bool = False):
        self.sizes = tuple(int(s) for s in sizes)
        self.shared_biases = bool(shared_biases)

    @property
    def n_layers(self) -> int:
        """Number of weight layers."""
        return len(self.sizes) - 1

    def neuron(self, layer: int, j: int) -> str:
        """Neuron ``j`` of activation layer ``layer`` (0 = inputs, n_layers = outputs)."""
        if layer == 0:
            return f"i{j + 1}"
        if layer == self.n_layers:
            return f"o{j + 1}"
        if self.n_layers == 2:
            return f"h{j + 1}"
        return f"h{layer}_{j + 1}"

    def weight(self, layer: int, src: int, dst: int) -> str:
        """Weight of weight layer ``layer`` from neuron ``src`` to neuron ``dst``."""
        offset = sum(a * b for a, b in zip(self.sizes[:layer], self.sizes[1 : layer + 1]))
        return f"w{offset + dst * self.sizes[layer] + src + 1}"

    def bias(self, layer: int, dst: int) -> str:
        """Bias feeding neuron ``dst`` of weight layer ``layer``'s output."""
        if self.shared_biases:
            return f"b{layer + 1}"
        return f"b_{self.neuron(layer + 1, dst)}"

    def target(self, k: int) -> str:
        return f"t{k + 1}"

    def layer_neurons(self, layer: int) -> list[str]:
        return [self.neuron(layer, j) for j in range(self.sizes[layer])]

    @cached_property
    def params(self) -> dict[str, ParamRef]:
        """Every trainable parameter by name, in order (weights layer by layer, then biases)."""
        out: dict[str, ParamRef] = {}
        for layer, (n_in, n_out) in enumerate(zip(self.sizes[:-1], self.sizes[1:])):
            for dst in range(n_out):
                for src in range(n_in):
                    out[self.weight(layer, src, dst)] = ParamRef("w", layer, src, dst)
        for layer, n_out in enumerate(self.sizes[1:]):
            if self.shared_biases:
                out[self.bias(layer, 0)] = ParamRef("b", layer, None, None)
            else:
                for dst in range(n_out):
                    out[self.bias(layer, dst)] = ParamRef("b", layer, None, dst)
        return out
