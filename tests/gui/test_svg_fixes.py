"""The SVG repairs on their own: pyqtgraph 0.14.0's coordinate pass on Qt >= 6.11's closed paths, and the fixes
for viewers that ignore vector-effect. (Whole pictures with these repairs: test_export.py.)"""

import xml.dom.minidom

import pytest

from bpviz.gui.export.svg import (
    _ORIGINAL_CORRECT_COORDINATES,
    fix_closed_paths,
    rects_to_paths,
    strip_close_path,
)
from bpviz.gui.export.svg_document import bake_cosmetic_strokes, finished_svg, parse_svg, svg_tag


# for viewers that ignore vector-effect ----------------------------------------------------------------
def test_cosmetic_lines_are_moved_out_of_their_scaling_transform():
    root = parse_svg(
        '<g xmlns="http://www.w3.org/2000/svg"><g transform="matrix(100,0,0,-50,10,200)" stroke="#000" '
        'stroke-width="1.5"><path vector-effect="non-scaling-stroke" d="M0,0 L1,1 L2,1e-1 Z"/>'
        '<polyline vector-effect="non-scaling-stroke" points="0,0 1,1"/></g>'
        '<g transform="matrix(2,0,0,2,0,0)"><text x="1" y="1">kept</text></g></g>')
    assert bake_cosmetic_strokes(root) == 1
    first, second = root.findall(svg_tag("g"))
    assert first.get("transform") is None and second.get("transform")
    assert first.find(svg_tag("path")).get("d") == "M10,200 L110,150 L210,195 Z"
    assert first.find(svg_tag("polyline")).get("points") == "10,200 110,150"


def test_a_finished_picture_has_its_size_title_rect_outlines_as_paths_and_unpainted_clips():
    text = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1">'
            '<title>Qt SVG Document</title><defs><clipPath id="c"><rect x="0" y="0" width="5" height="5"/>'
            '</clipPath></defs><g transform="matrix(2,0,0,2,10,10)" stroke="#999">'
            '<rect vector-effect="non-scaling-stroke" x="1" y="2" width="3" height="4"/></g>'
            '<g><text x="1" y="9">5 &lt; 6 · ∂E/∂w</text><image xlink:href="#c" width="1" height="1"/></g></svg>')
    out = finished_svg(text, 800, 600, 400.0, 300.0, "bpviz — a title", "Drawn by bpviz")
    root = parse_svg(out)
    assert out.startswith('<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("800px", "600px", "0 0 400 300")
    assert root.find(svg_tag("title")).text == "bpviz — a title" and root.find(svg_tag("desc")).text
    clip = root.find(f"{svg_tag('defs')}/{svg_tag('clipPath')}")[0]
    assert clip.tag == svg_tag("rect") and (clip.get("fill"), clip.get("stroke")) == ("none", "none")
    outline = root.find(f"{svg_tag('g')}/{svg_tag('path')}")
    assert outline.get("d") == "M12,14 L18,14 L18,22 L12,22 L12,14"  # a path, out of the transform
    assert root.find(f".//{svg_tag('text')}").text == "5 < 6 · ∂E/∂w"  # text stays text
    assert root.find(f".//{svg_tag('image')}").get("{http://www.w3.org/1999/xlink}href") == "#c"


# the SVG work-around for pyqtgraph 0.14.0 on Qt >= 6.11 ---------------------------------------------------
CLOSED = '<g><g transform="matrix(2,0,0,2,10,10)"><path d="M0,0 L10,0 L10,10 L0,0 Z M1,1 L2,2 Z "/></g></g>'


def test_pyqtgraphs_coordinate_pass_fails_on_closed_paths_and_the_workaround_fixes_it():
    node = xml.dom.minidom.parseString(CLOSED).documentElement
    with pytest.raises(ValueError, match="not enough values to unpack"):
        _ORIGINAL_CORRECT_COORDINATES(node, [], None, {})
    node = xml.dom.minidom.parseString(CLOSED).documentElement
    assert fix_closed_paths(node) == 1
    _ORIGINAL_CORRECT_COORDINATES(node, [], None, {})
    d = node.getElementsByTagName("path")[0].getAttribute("d")
    assert d.split() == ["M10.0,10.0", "L30.0,10.0", "L30.0,30.0", "L10.0,10.0", "M12.0,12.0", "L14.0,14.0"]


def test_strip_close_path():
    assert strip_close_path("M0,0 L1,0 L0,0 Z ") == "M0,0 L1,0 L0,0"
    assert strip_close_path("M0,0 L1,0 Z M2,2 L3,3 z") == "M0,0 L1,0 M2,2 L3,3"
    assert strip_close_path("M1e-05,2 L3,4") == "M1e-05,2 L3,4"


def test_rects_become_paths_that_the_coordinate_pass_maps():
    node = xml.dom.minidom.parseString(
        '<g><g transform="matrix(2,0,0,2,10,10)" stroke="#999"><rect x="1" y="2" width="3" height="4"/></g></g>'
    ).documentElement
    assert rects_to_paths(node) == 1
    _ORIGINAL_CORRECT_COORDINATES(node, [], None, {})
    group = node.getElementsByTagName("g")[0]
    assert not group.getAttribute("transform")
    d = group.getElementsByTagName("path")[0].getAttribute("d").split()
    assert d[0] == "M12.0,14.0" and d[2] == "L18.0,22.0"
