"""Repairs to SVG drawings: for pyqtgraph 0.14 on Qt >= 6.11, and for viewers that ignore parts of SVG.

Qt >= 6.11's SVG generator (QSvgGenerator, under pyqtgraph's ``SVGExporter``) ends every closed sub-path with a
close-path command ``Z``. pyqtgraph 0.14.0's exporter maps the paths of each item into the picture's coordinates
(``correctCoordinates``), reading every token of a ``d`` attribute as an ``x,y`` pair, so it fails on the ``Z``
("not enough values to unpack", pyqtgraph issue #3495): a plot that draws a closed shape cannot be exported as
SVG at all, neither by our export nor by pyqtgraph's own context menu. ``svg_workaround``
(for one export) and ``install_svg_workaround`` (for good, for that menu) put a pass in front of pyqtgraph's that
strips the ``Z`` (``fix_closed_paths``): Qt writes the point that closes a sub-path before it, so every outline
stays the same.

The other two repairs are for viewers: ``rects_to_paths`` lets pyqtgraph's pass map Qt's ``<rect>`` elements too,
and ``bake_cosmetic_strokes`` moves cosmetic lines out of their scaling transform. Renderers that ignore
``vector-effect="non-scaling-stroke"`` (librsvg, many editors) would otherwise draw a 1 px pen a data unit wide.

Nothing here draws: the repairs work on ``xml.dom.minidom`` nodes of an SVG that Qt has already written.
"""

from __future__ import annotations

import contextlib
import re
import sys

from pyqtgraph.exporters import SVGExporter

_svg_module = sys.modules[SVGExporter.__module__]  # pyqtgraph.exporters.SVGExporter, the module


def strip_close_path(d: str) -> str:
    """An SVG path's ``d`` without close-path commands (``Z``/``z``).

    Qt >= 6.11 ends closed sub-paths with ``Z``; pyqtgraph 0.14.0's SVG exporter reads every token of a path
    as ``x,y`` and fails on it ("not enough values to unpack", pyqtgraph issue #3495). Qt writes the point
    that closes the sub-path before the ``Z``, so the outline stays the same (a filled shape is closed anyway).
    """
    return " ".join(re.sub(r"[Zz]", " ", d).split())


def fix_closed_paths(node) -> int:
    """Strip close-path commands from every ``<path>`` under a minidom node; return how many changed."""
    changed = 0
    for path in node.getElementsByTagName("path"):
        d = path.getAttribute("d")
        if "Z" in d or "z" in d:
            path.setAttribute("d", strip_close_path(d))
            changed += 1
    return changed


def rects_to_paths(node) -> int:
    """Replace plain ``<rect>`` elements (Qt's SVG of drawRect) by the same outline as a ``<path>`` in groups
    without images or text, so that pyqtgraph's coordinate pass maps them like every other path. (It leaves
    rects in their group's plot-unit transform, where a cosmetic 1 px frame becomes a band one plot unit wide
    in renderers that ignore ``vector-effect``.) Returns how many rects changed."""
    changed = 0
    for rect in list(node.getElementsByTagName("rect")):
        group = rect.parentNode
        if group is None or group.nodeType != group.ELEMENT_NODE or group.tagName != "g":
            continue
        if group.getElementsByTagName("image") or group.getElementsByTagName("text"):
            continue
        if rect.getAttribute("rx") or rect.getAttribute("ry"):
            continue
        try:
            x, y, w, h = (float(rect.getAttribute(a) or 0) for a in ("x", "y", "width", "height"))
        except ValueError:
            continue
        path = rect.ownerDocument.createElement("path")
        for i in range(rect.attributes.length):
            a = rect.attributes.item(i)
            if a.name not in ("x", "y", "width", "height"):
                path.setAttribute(a.name, a.value)
        path.setAttribute("d", f"M{x!r},{y!r} L{x + w!r},{y!r} L{x + w!r},{y + h!r} L{x!r},{y + h!r} L{x!r},{y!r}")
        group.replaceChild(path, rect)
        changed += 1
    return changed


_MATRIX = re.compile(r"matrix\(([^)]*)\)")
_PAIR = re.compile(r"(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?),(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")


def bake_cosmetic_strokes(node) -> int:
    """Move the coordinates of cosmetic (``non-scaling-stroke``) lines out of their group's transform.

    QSvgGenerator writes a plot's curve in data coordinates under a transform that maps them to the picture,
    and marks its 1-2 px pen ``vector-effect="non-scaling-stroke"``. Renderers that ignore ``vector-effect``
    (librsvg, many editors) then draw the pen a data unit wide: a loss curve becomes a dark band. With the points
    mapped into the parent's coordinates the line is right everywhere. Only groups of plain shapes (no text,
    images or gradients) change; returns how many.
    """
    changed = 0
    for group in list(node.getElementsByTagName("g")):
        m = _MATRIX.fullmatch(group.getAttribute("transform").strip())
        if m is None:
            continue
        try:
            a, b, c, d, e, f = (float(v) for v in m.group(1).split(","))
        except ValueError:
            continue
        if (a, b, c, d) == (1.0, 0.0, 0.0, 1.0):
            continue
        kids = [k for k in group.childNodes if k.nodeType == k.ELEMENT_NODE]
        if not kids or any(k.tagName not in ("path", "polyline", "line") for k in kids):
            continue
        if not any(k.getAttribute("vector-effect") == "non-scaling-stroke" for k in kids):
            continue
        if any("url(" in x.getAttribute("fill") + x.getAttribute("stroke") for x in (group, *kids)):
            continue

        def mapped(match, a=a, b=b, c=c, d=d, e=e, f=f) -> str:
            x, y = float(match.group(1)), float(match.group(2))
            return f"{a * x + c * y + e:.6g},{b * x + d * y + f:.6g}"

        width = group.getAttribute("stroke-width")
        for k in kids:
            if k.tagName == "path":
                k.setAttribute("d", _PAIR.sub(mapped, k.getAttribute("d")))
            elif k.tagName == "polyline":
                k.setAttribute("points", _PAIR.sub(mapped, k.getAttribute("points")))
            else:
                for p, q in (("x1", "y1"), ("x2", "y2")):
                    x, y = float(k.getAttribute(p) or 0), float(k.getAttribute(q) or 0)
                    k.setAttribute(p, f"{a * x + c * y + e:.6g}")
                    k.setAttribute(q, f"{b * x + d * y + f:.6g}")
            if k.getAttribute("vector-effect") != "non-scaling-stroke" and width and not k.getAttribute("stroke-width"):
                try:
                    k.setAttribute("stroke-width", f"{float(width) * abs(a * d - b * c) ** 0.5:.6g}")
                except ValueError:
                    pass
        group.removeAttribute("transform")
        changed += 1
    return changed


_ORIGINAL_CORRECT_COORDINATES = _svg_module.correctCoordinates


def _correct_coordinates_fixed(node, defs, item, options):
    fix_closed_paths(node)
    rects_to_paths(node)
    return _ORIGINAL_CORRECT_COORDINATES(node, defs, item, options)


@contextlib.contextmanager
def svg_workaround():
    """Within this block pyqtgraph's SVGExporter reads the paths of Qt >= 6.11 (closed with ``Z``)."""
    if _svg_module.correctCoordinates is not _ORIGINAL_CORRECT_COORDINATES:  # installed for good already
        yield
        return
    _svg_module.correctCoordinates = _correct_coordinates_fixed
    try:
        yield
    finally:
        _svg_module.correctCoordinates = _ORIGINAL_CORRECT_COORDINATES


def install_svg_workaround() -> None:
    """Make pyqtgraph's own SVG export (a plot's context menu > Export...) work on Qt >= 6.11, for good."""
    _svg_module.correctCoordinates = _correct_coordinates_fixed


__all__ = ["bake_cosmetic_strokes", "fix_closed_paths", "install_svg_workaround", "rects_to_paths",
           "strip_close_path", "svg_workaround"]
