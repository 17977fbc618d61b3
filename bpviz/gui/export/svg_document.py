"""The SVG document of a picture, put together and finished: parsing, the repairs for viewers, writing it out.

Everything here works on ``xml.etree.ElementTree`` elements (its parser and writer are in C). The first version
used ``xml.dom.minidom``: an SVG of the trajectory grid (1,000 epochs) took 7 s, of which minidom's parsing,
``importNode`` copies and writing were most; the same work here takes a few hundredths of a second.

The repairs, for renderers that ignore ``vector-effect="non-scaling-stroke"`` (librsvg, many editors):
``bake_cosmetic_strokes`` moves cosmetic lines out of their scaling transform (a 1 px pen would otherwise be drawn
a data unit wide: a loss curve becomes a dark band), after plain rects have become paths so that they move too;
clip shapes get no paint (renderers without clipping, such as QtSvg's, would draw them).

Nothing here draws and nothing imports Qt: the text comes from QSvgGenerator or pyqtgraph's SVGExporter.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np

from bpviz.gui.export.svg import rect_as_path

SVG_NS, XLINK_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)  # written as <svg xmlns="..."> and <g>, not <ns0:svg>
ET.register_namespace("xlink", XLINK_NS)
DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
DRAWN_TAGS = ("path", "rect", "text", "image", "polyline", "polygon", "ellipse", "circle", "line")

_MATRIX = re.compile(r"matrix\(([^)]*)\)")
_NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PAIR = re.compile(rf"({_NUMBER}),({_NUMBER})")


def svg_tag(name: str) -> str:
    """An element name in the SVG namespace, as ElementTree spells it: ``{http://www.w3.org/2000/svg}g``."""
    return f"{{{SVG_NS}}}{name}"


def parse_svg(text: str | bytes) -> ET.Element:
    return ET.fromstring(text.encode("utf-8") if isinstance(text, str) else text)


def svg_text(root: ET.Element) -> str:
    return DECLARATION + ET.tostring(root, encoding="unicode")


def finished_svg(text: str, width: int, height: int, view_width: float, view_height: float, title: str,
                 description: str) -> str:
    """The picture's SVG text made ready to write: the root element with width/height in px and a viewBox of
    the canvas, our title and description, the repairs for viewers applied."""
    root = parse_svg(text)
    root.set("width", f"{width}px")
    root.set("height", f"{height}px")
    root.set("viewBox", f"0 0 {view_width:.6g} {view_height:.6g}")
    _rects_to_paths(root)
    bake_cosmetic_strokes(root)
    for clip in root.iter(svg_tag("clipPath")):
        for shape in clip:
            shape.set("stroke", "none")
            shape.set("fill", "none")
    for name, value in (("title", title), ("desc", description)):
        node = root.find(svg_tag(name))
        if node is None:
            node = ET.Element(svg_tag(name))
            root.insert(0, node)
        for child in list(node):
            node.remove(child)
        node.text = value
    return svg_text(root)


def _rects_to_paths(root: ET.Element) -> int:
    """Plain rects in groups of plain shapes become paths (``rect_as_path``), so that ``bake_cosmetic_strokes``
    maps them out of their group's transform like the other lines."""
    changed = 0
    for group in root.iter(svg_tag("g")):
        rects = [k for k in group if k.tag == svg_tag("rect")]
        if not rects or any(e.tag in (svg_tag("image"), svg_tag("text")) for e in group.iter()):
            continue
        for rect in rects:
            attributes = rect_as_path(dict(rect.attrib))
            if attributes is not None:
                rect.tag = svg_tag("path")
                rect.attrib.clear()
                rect.attrib.update(attributes)
                changed += 1
    return changed


def bake_cosmetic_strokes(root: ET.Element) -> int:
    """Move the coordinates of cosmetic (``non-scaling-stroke``) lines out of their group's transform.

    QSvgGenerator writes a plot's curve in data coordinates under a transform that maps them to the picture,
    and marks its 1-2 px pen ``vector-effect="non-scaling-stroke"``. Renderers that ignore ``vector-effect``
    then draw the pen a data unit wide. With the points mapped into the parent's coordinates the line is right
    everywhere. Only groups of plain shapes (no text, images or gradients) change; returns how many.
    """
    changed = 0
    drawn_lines = {svg_tag("path"), svg_tag("polyline"), svg_tag("line")}
    for group in root.iter(svg_tag("g")):
        m = _MATRIX.fullmatch(group.get("transform", "").strip())
        if m is None:
            continue
        try:
            a, b, c, d, e, f = (float(v) for v in m.group(1).split(","))
        except ValueError:
            continue
        if (a, b, c, d) == (1.0, 0.0, 0.0, 1.0):
            continue
        kids = list(group)
        if not kids or any(k.tag not in drawn_lines for k in kids):
            continue
        if not any(k.get("vector-effect") == "non-scaling-stroke" for k in kids):
            continue
        if any("url(" in x.get("fill", "") + x.get("stroke", "") for x in (group, *kids)):
            continue
        matrix = (a, b, c, d, e, f)
        width = group.get("stroke-width")
        for k in kids:
            if k.tag == svg_tag("path"):
                k.set("d", _mapped_pairs(k.get("d", ""), matrix))
            elif k.tag == svg_tag("polyline"):
                k.set("points", _mapped_pairs(k.get("points", ""), matrix))
            else:
                for p, q in (("x1", "y1"), ("x2", "y2")):
                    x, y = float(k.get(p) or 0), float(k.get(q) or 0)
                    k.set(p, f"{a * x + c * y + e:.6g}")
                    k.set(q, f"{b * x + d * y + f:.6g}")
            if k.get("vector-effect") != "non-scaling-stroke" and width and not k.get("stroke-width"):
                try:
                    k.set("stroke-width", f"{float(width) * abs(a * d - b * c) ** 0.5:.6g}")
                except ValueError:
                    pass
        del group.attrib["transform"]
        changed += 1
    return changed


def _mapped_pairs(text: str, matrix: tuple[float, ...]) -> str:
    """Every ``x,y`` pair of a path's ``d`` or a polyline's ``points`` mapped by the SVG matrix (a b c d e f), the
    commands between them kept; the points are mapped together (a curve has thousands)."""
    parts = _PAIR.split(text)  # [before, x, y, between, x, y, ..., after]
    if len(parts) == 1:
        return text
    a, b, c, d, e, f = matrix
    xs, ys = np.array(parts[1::3], dtype=np.float64), np.array(parts[2::3], dtype=np.float64)
    mapped_x, mapped_y = (a * xs + c * ys + e).tolist(), (b * xs + d * ys + f).tolist()
    out = [parts[0]]
    for pair, between in zip(zip(mapped_x, mapped_y), parts[3::3], strict=True):
        out.append("%.6g,%.6g" % pair)  # noqa: UP031 (a third faster than an f-string, for thousands of points)
        out.append(between)
    return "".join(out)


__all__ = ["DRAWN_TAGS", "SVG_NS", "XLINK_NS", "bake_cosmetic_strokes", "finished_svg", "parse_svg", "svg_tag",
           "svg_text"]
