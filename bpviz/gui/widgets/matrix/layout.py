"""Where the matrix blocks of the warm-up net go: the forward chain in one row, each gradient under its block.

Plain geometry (Qt's rectangles, no widget): a block's sides grow with the logarithm of its dimensions, so
64×1000 reads as wide and flat, 1000×100 as tall, 64×10 as small, while all fit on one screen. One scale
``s`` (pixels per unit of ``extent``) is the largest that fits the width and the height; columns are as wide
as their block or their label, whichever is wider, and the gaps hold the operators of the chain.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF

from bpviz.engine.warmup import FORWARD_CHAIN, GRADIENT_OF
from bpviz.gui.i18n import QT_TRANSLATE_NOOP

FORWARD = FORWARD_CHAIN
# The text drawn in the gap before each block of the chain (x has none).
OPERATORS = {"w1": "·", "h": "=", "h_relu": "ReLU →", "w2": "·", "y_pred": "=", "y": "vs", "loss": "→ Σ (ŷ−y)² →"}
# Each gradient sits under the block it is the gradient of: it has that block's shape.
BACKWARD = {block: grad for grad, block in GRADIENT_OF.items()}
# drawn by bpviz.gui.widgets.matrix.blocks, which translates them
CAPTIONS = (QT_TRANSLATE_NOOP("MatrixBlocksView", "Forward pass: ŷ = max(x·W₁, 0)·W₂, then the loss L = Σ (ŷ − y)²"),
            QT_TRANSLATE_NOOP("MatrixBlocksView", "Backward pass: each gradient ∂L/∂· lies under its block, with the "
                                                  "same shape"))
MIN_SIDE = 12.0  # px: the scalar loss and 1-wide matrices stay visible
MAX_SCALE = 48.0  # px per extent unit: a huge window does not get giant blocks
MARGIN = 10.0
LABEL_GAP = 4.0
ROW_GAP = 14.0


def extent(d: int) -> float:
    """Side length, in scale units, of a dimension of size ``d`` (log-scaled: 10 → 1.3, 1000 → 3.3)."""
    return 0.3 + math.log10(max(int(d), 1))


@dataclass(frozen=True)
class BlockPlace:
    name: str
    rect: QRectF  # the block
    label: QRectF  # its two label lines (name, shape), under it
    column: QRectF  # the column's whole area (block and label): clicks and tooltips


@dataclass(frozen=True)
class MatrixLayout:
    scale: float
    blocks: dict  # name -> BlockPlace
    operators: tuple  # (text, QRectF) centred on the forward row
    captions: tuple  # (text, QRectF)
    size: tuple[float, float]

    def block_at(self, x: float, y: float) -> str | None:
        for place in self.blocks.values():
            if place.column.contains(x, y):
                return place.name
        return None


def layout(shapes: dict, width: float, height: float, text_width, line_height: float) -> MatrixLayout:
    """Place every block of ``shapes`` (name -> (rows, cols), () for the scalar loss) in width × height.

    ``text_width(name, shape_text)`` is the width of a block's label; ``line_height`` one label line's height.
    """
    def side(name, axis):  # in scale units
        shape = shapes[name]
        return extent(shape[axis]) if len(shape) == 2 else 0.0

    label_w = {name: text_width(name, shape) for name, shape in shapes.items()}
    op_w = {name: text_width(text, None) + 18.0 for name, text in OPERATORS.items()}
    label_h = 2 * line_height + LABEL_GAP
    caption_h = line_height + 10.0  # room under the caption for a read glow around the tallest block

    def column_width(col, s):
        names = [col] + ([BACKWARD[col]] if col in BACKWARD else [])
        return max(max(side(n, 1) * s, MIN_SIDE, label_w[n]) for n in names)

    def total_width(s):
        return 2 * MARGIN + sum(column_width(c, s) for c in FORWARD) + sum(op_w[c] for c in FORWARD[1:])

    # The rows are as tall as their tallest block (at most 3.3 units for 1000 rows, say).
    row_units = [max(side(n, 0) for n in FORWARD), max(side(n, 0) for n in BACKWARD.values())]
    fixed_h = 2 * MARGIN + 2 * (label_h + caption_h) + ROW_GAP
    s_height = (height - fixed_h) / max(sum(row_units), 1e-9)
    lo, hi = 0.0, MAX_SCALE
    for _ in range(40):  # the widest scale that fits: total_width grows with s
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if total_width(mid) <= width else (lo, mid)
    s = max(min(lo, s_height, MAX_SCALE), 1.0)

    used_w = total_width(s)
    x = MARGIN + max((width - used_w) / 2, 0.0)
    row1_h = max(row_units[0] * s, MIN_SIDE)
    row2_h = max(row_units[1] * s, MIN_SIDE)
    y_caption1 = MARGIN + max((height - fixed_h - row1_h - row2_h) / 2, 0.0)  # centred vertically
    row1_top = y_caption1 + caption_h
    y_caption2 = row1_top + row1_h + label_h + ROW_GAP
    row2_top = y_caption2 + caption_h
    total_h = row2_top + row2_h + label_h + MARGIN

    blocks, operators = {}, []
    for i, col in enumerate(FORWARD):
        if i:
            operators.append((OPERATORS[col], QRectF(x, row1_top, op_w[col], row1_h)))
            x += op_w[col]
        cw = column_width(col, s)
        for name, top, row_h in ((col, row1_top, row1_h), (BACKWARD.get(col), row2_top, row2_h)):
            if name is None:
                continue
            w = max(side(name, 1) * s, MIN_SIDE)
            h = max(side(name, 0) * s, MIN_SIDE)
            rect = QRectF(x + (cw - w) / 2, top + (row_h - h) / 2, w, h)
            label = QRectF(x, top + row_h + LABEL_GAP, cw, 2 * line_height)
            blocks[name] = BlockPlace(name, rect, label, QRectF(x, top, cw, row_h + label_h))
        x += cw
    captions = ((CAPTIONS[0], QRectF(MARGIN, y_caption1, width - 2 * MARGIN, caption_h)),
                (CAPTIONS[1], QRectF(MARGIN, y_caption2, width - 2 * MARGIN, caption_h)))
    return MatrixLayout(s, blocks, tuple(operators), captions, (used_w, total_h))
