"""Repairs to pyqtgraph 0.14's SVG export on Qt >= 6.11, inside pyqtgraph's own pass (minidom nodes).

Qt >= 6.11's SVG generator (QSvgGenerator, under pyqtgraph's ``SVGExporter``) ends every closed sub-path with a
close-path command ``Z``. pyqtgraph 0.14.0's exporter maps the paths of each item into the picture's coordinates
(``correctCoordinates``), reading every token of a ``d`` attribute as an ``x,y`` pair, so it fails on the ``Z``
("not enough values to unpack", pyqtgraph issue #3495): a plot that draws a closed shape cannot be exported as
SVG at all, neither by our export nor by pyqtgraph's own context menu. ``svg_workaround``
(for one export) and ``install_svg_workaround`` (for good, for that menu) put a pass in front of pyqtgraph's that
strips the ``Z`` (``fix_closed_paths``): Qt writes the point that closes a sub-path before it, so every outline
stays the same.

``rects_to_paths`` lets pyqtgraph's pass map Qt's ``<rect>`` elements too (it would leave them in the plot's
units while moving the paths out of them). The repairs of the finished picture, for viewers that ignore
``vector-effect``, are bpviz.gui.export.svg_document's (ElementTree: fast on big pictures); this module works on
the ``xml.dom.minidom`` nodes that pyqtgraph hands its pass, and draws nothing.
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


def rect_as_path(attributes: dict[str, str]) -> dict[str, str] | None:
    """The attributes of a ``<path>`` drawing the same outline as a ``<rect>`` with these attributes, or None for
    a rect that stays (rounded corners, coordinates that are not numbers). Shared by ``rects_to_paths`` (inside
    pyqtgraph's pass) and the finished document (bpviz.gui.export.svg_document)."""
    if attributes.get("rx") or attributes.get("ry"):
        return None
    try:
        x, y, w, h = (float(attributes.get(a) or 0) for a in ("x", "y", "width", "height"))
    except ValueError:
        return None
    path = {name: value for name, value in attributes.items() if name not in ("x", "y", "width", "height")}
    path["d"] = f"M{x!r},{y!r} L{x + w!r},{y!r} L{x + w!r},{y + h!r} L{x!r},{y + h!r} L{x!r},{y!r}"
    return path


def rects_to_paths(node) -> int:
    """Replace plain ``<rect>`` elements (Qt's SVG of drawRect) under a minidom node by the same outline as a
    ``<path>`` in groups without images or text, so that pyqtgraph's coordinate pass maps them like every other
    path. (It leaves rects in their group's plot-unit transform, where a cosmetic 1 px frame becomes a band one
    plot unit wide in renderers that ignore ``vector-effect``.) Returns how many rects changed."""
    changed = 0
    for rect in list(node.getElementsByTagName("rect")):
        group = rect.parentNode
        if group is None or group.nodeType != group.ELEMENT_NODE or group.tagName != "g":
            continue
        if group.getElementsByTagName("image") or group.getElementsByTagName("text"):
            continue
        attributes = rect_as_path({rect.attributes.item(i).name: rect.attributes.item(i).value
                                   for i in range(rect.attributes.length)})
        if attributes is None:
            continue
        path = rect.ownerDocument.createElement("path")
        for name, value in attributes.items():
            path.setAttribute(name, value)
        group.replaceChild(path, rect)
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


__all__ = ["fix_closed_paths", "install_svg_workaround", "rect_as_path", "rects_to_paths", "strip_close_path",
           "svg_workaround"]
