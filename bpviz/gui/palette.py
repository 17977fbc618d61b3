"""Colours shared by every view, as hex strings (no Qt import here, so plain-data code can use them too).

Weights follow TensorFlow Playground, which users know: blue positive, orange negative. Highlights of the
stepper: the elements a step reads glow amber, the ones it writes are outlined green. Gradients are purple.
All pass WCAG AA contrast as text on white except the light fills, which are only used behind dark text.

Classes (``CLASS_PALETTE``, ``class_color``): 0 orange and 1 blue as ever, then bluish green (Okabe–Ito), wine,
gold and cyan (Paul Tol's). Chosen for up to six classes to stay apart from each other for normal, protan, deutan
and tritan vision (CIELAB ΔE ≥ 17 as points, ≥ 9.5 as the light region behind them, Machado et al.'s
simulation), each dark enough to read as a dot with a white rim over a light region, and its region tint clearly
off white. Gold and cyan come last: they are the lightest.
"""

POSITIVE = "#1f6fb4"  # weights > 0, blue points (label 1)
NEGATIVE = "#e0691a"  # weights < 0, orange/red points (label 0)
NEUTRAL = "#9a9a9a"  # a weight of exactly 0 / unknown
GRADIENT = "#7b3fa0"  # gradients (halo around edges, ∂E/∂w labels)
NEW_VALUE = "#1a7f37"  # values produced by the update (w5⁺)
READ = "#f2a900"  # elements the current step reads
WRITE = "#1a7f37"  # elements the current step writes
TEXT = "#1e1e1e"
MUTED = "#6b6b6b"  # labels, units, not-yet-computed values
BACKGROUND = "#ffffff"
NODE_FILL = "#f4f6f8"
NODE_BORDER = "#4a4a4a"
ERROR_COLOR = "#b00020"  # messages about invalid input or divergence
#: class k's colour, k = 0 … 5 (data sets have at most six classes)
CLASS_PALETTE = (NEGATIVE, POSITIVE, "#009e73", "#882255", "#d4b300", "#33bbee")
CLASS_COLORS = dict(enumerate(CLASS_PALETTE))


def class_color(k) -> str:
    """The colour of class ``k`` (an int or a float label); beyond the palette the colours repeat."""
    return CLASS_PALETTE[int(k) % len(CLASS_PALETTE)]
