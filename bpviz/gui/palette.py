"""Colours shared by every view, as hex strings (no Qt import here, so plain-data code can use them too).

Weights follow TensorFlow Playground, which users know: blue positive, orange negative. Highlights of the
stepper: the elements a step reads glow amber, the ones it writes are outlined green. Gradients are purple.
All pass WCAG AA contrast as text on white except the light fills, which are only used behind dark text.

Classes (``CLASS_PALETTE``, ``class_color``): 0 orange and 1 blue as ever, then bluish green (Okabe–Ito), wine,
gold and cyan (Paul Tol's). Chosen for up to six classes to stay apart from each other for normal, protan, deutan
and tritan vision (CIELAB ΔE ≥ 17 as points, ≥ 9.5 as the light region behind them, Machado et al.'s
simulation), each dark enough to read as a dot with a white rim over a light region, and its region tint clearly
off white. Gold and cyan come last: they are the lightest.

Two schemes (``SCHEMES``): "light" (the names below, as the module starts) and "dark" (the same hues lightened so
that every colour used as text keeps ≥ 4.5:1 on BACKGROUND and NODE_FILL; tints mix into the dark background
instead of white). ``use(scheme)`` rebinds the module's names; the window calls it once at start, before any
widget is built (``bpviz.gui.theme``), and an export from a dark window draws with "light" for a moment. Code
reads ``palette.NAME`` when it builds or draws, never copies a colour at import.
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
ON_ERROR = "#ffffff"  # text on an ERROR_COLOR (or WRITE) fill
ERROR_FILL = "#fdecee"  # behind a field holding an invalid value
GRADIENT_FILL = "#f3ecf8"  # a note about gradients, behind TEXT
CARD_BORDER = "#d3d8de"  # the border of a card (the stepper's)
RULE = "#d4d8dc"  # thin separating lines
CONTROL_BORDER = "#c9ced3"  # the border of a tool button; the colour of the value 0 on the regression scale
SELECTED_FILL = "#e3eef8"  # a checked tool button
FOCUS_BORDER = "#0d4a80"  # a checked tool button with the focus
POINT_RIM = "#ffffff"  # the rim of a training point (melts into the region behind it)
VALUE_ZERO = "#c9ced3"  # the value 0 on the regression scale (−1 NEGATIVE … +1 POSITIVE): shows on BACKGROUND
#: the matrix view's block fills, by kind of block (activation blocks use NODE_FILL)
BLOCK_FILLS = {"data": "#eceff3", "weight": "#e3edf7", "loss": "#fff4d6", "gradient": "#efe6f5"}
#: the trajectories' series colours beyond the first four (POSITIVE, NEGATIVE, NEW_VALUE, GRADIENT), then TEXT, …
SERIES_EXTRA = ("#c62828", "#00838f", "#8d6e63", "#ad1457", "#5d6d7e", "#b8860b")
SERIES_LAST = "#2e7dd7"
#: the loss curves of earlier runs, by slot
EARLIER_COLORS = ("#e0691a", "#009e73", "#882255", "#7b3fa0", "#d4b300", "#cc3311", "#33bbee", "#8c6d31",
                  "#ee3377", "#666633")
#: class k's colour, k = 0 … 5 (data sets have at most six classes)
CLASS_PALETTE = (NEGATIVE, POSITIVE, "#009e73", "#882255", "#d4b300", "#33bbee")
CLASS_COLORS = dict(enumerate(CLASS_PALETTE))

SCHEMES = ("light", "dark")
_NAMES = ("POSITIVE", "NEGATIVE", "NEUTRAL", "GRADIENT", "NEW_VALUE", "READ", "WRITE", "TEXT", "MUTED", "BACKGROUND",
          "NODE_FILL", "NODE_BORDER", "ERROR_COLOR", "ON_ERROR", "ERROR_FILL", "GRADIENT_FILL", "CARD_BORDER", "RULE",
          "CONTROL_BORDER", "SELECTED_FILL", "FOCUS_BORDER", "POINT_RIM", "VALUE_ZERO", "BLOCK_FILLS", "SERIES_EXTRA",
          "SERIES_LAST", "EARLIER_COLORS", "CLASS_PALETTE")
_LIGHT = {name: globals()[name] for name in _NAMES}
_DARK = {
    "POSITIVE": "#5aa9f0", "NEGATIVE": "#f0883e", "NEUTRAL": "#8e949b", "GRADIENT": "#c9a0ec",
    "NEW_VALUE": "#5fd07e", "READ": "#f2b233", "WRITE": "#5fd07e", "TEXT": "#e8e8e8", "MUTED": "#a8adb3",
    "BACKGROUND": "#1c1e22", "NODE_FILL": "#2a2e34", "NODE_BORDER": "#a8adb3", "ERROR_COLOR": "#ff7b8a",
    "ON_ERROR": "#1c1e22", "ERROR_FILL": "#4a1f27", "GRADIENT_FILL": "#33283d", "CARD_BORDER": "#474c54",
    "RULE": "#3d4249", "CONTROL_BORDER": "#5b6169", "SELECTED_FILL": "#203649", "FOCUS_BORDER": "#9ccbf5",
    "POINT_RIM": "#15171a", "VALUE_ZERO": "#7d838b",
    "BLOCK_FILLS": {"data": "#2c3036", "weight": "#22303e", "loss": "#3a3220", "gradient": "#32283c"},
    "SERIES_EXTRA": ("#ff7b7b", "#3fd0dc", "#d1a38f", "#f27aae", "#aab7c4", "#e0b84a"),
    "SERIES_LAST": "#8fc2ff",
    "EARLIER_COLORS": ("#f0883e", "#2ec4a0", "#e07aae", "#c9a0ec", "#e6c84a", "#ff7b5c", "#5fd0f5", "#c9a66b",
                       "#ff7fae", "#b5b57a"),
    "CLASS_PALETTE": ("#f0883e", "#5aa9f0", "#2ec4a0", "#e07aae", "#e6c84a", "#5fd0f5"),
}
_SCHEME = "light"


def use(scheme: str) -> None:
    """Rebind the module's colours to ``scheme`` ("light" or "dark"). Widgets built afterwards (and drawings
    made afterwards) use them; what is already built keeps its colours until it is drawn again."""
    global _SCHEME, CLASS_COLORS
    table = {"light": _LIGHT, "dark": _DARK}.get(scheme)
    if table is None:
        raise ValueError(f"unknown colour scheme {scheme!r}: choose one of {', '.join(SCHEMES)}")
    globals().update(table)
    CLASS_COLORS = dict(enumerate(table["CLASS_PALETTE"]))
    _SCHEME = scheme


def use_dark() -> None:
    use("dark")


def use_light() -> None:
    use("light")


def scheme() -> str:
    """The scheme in use: "light" or "dark"."""
    return _SCHEME


def is_dark() -> bool:
    return _SCHEME == "dark"


def colors(scheme_name: str | None = None) -> dict:
    """Every named colour of ``scheme_name`` (default: the one in use), by name."""
    return dict({"light": _LIGHT, "dark": _DARK}[scheme_name or _SCHEME])


def mix(hex_color: str, amount: float, base: str | None = None) -> str:
    """``amount`` of the colour over ``base`` (default BACKGROUND: white in light, the dark grey in dark), as
    "#rrggbb"."""
    c, b = _rgb(hex_color), _rgb(base or BACKGROUND)
    return "#{:02x}{:02x}{:02x}".format(*(round(bb + amount * (cc - bb)) for cc, bb in zip(c, b, strict=True)))


def _rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def series_colors() -> tuple[str, ...]:
    """The trajectories' colours for up to twelve series, each apart from the others and readable on BACKGROUND."""
    return (POSITIVE, NEGATIVE, NEW_VALUE, GRADIENT, *SERIES_EXTRA, TEXT, SERIES_LAST)


def class_color(k) -> str:
    """The colour of class ``k`` (an int or a float label); beyond the palette the colours repeat."""
    return CLASS_PALETTE[int(k) % len(CLASS_PALETTE)]
