"""The SVG repairs on their own: pyqtgraph 0.14.0's coordinate pass on Qt >= 6.11's closed paths, and the fixes
for viewers that ignore vector-effect. (Whole pictures with these repairs: test_export.py.)"""

import xml.dom.minidom

import pytest

from bpviz.gui.export.svg import (
    _ORIGINAL_CORRECT_COORDINATES,
    bake_cosmetic_strokes,
    fix_closed_paths,
    rects_to_paths,
    strip_close_path,
)


# for viewers that ignore vector-effect ----------------------------------------------------------------
def test_cosmetic_lines_are_moved_out_of_their_scaling_transform():
    node = xml.dom.minidom.parseString(
        '<g><g transform="matrix(100,0,0,-50,10,200)" stroke="#000" stroke-width="1.5">'
        '<path vector-effect="non-scaling-stroke" d="M0,0 L1,1 L2,1e-1 Z"/>'
        '<polyline vector-effect="non-scaling-stroke" points="0,0 1,1"/></g>'
        '<g transform="matrix(2,0,0,2,0,0)"><text x="1" y="1">kept</text></g></g>').documentElement
    assert bake_cosmetic_strokes(node) == 1
    first, second = node.getElementsByTagName("g")
    assert not first.getAttribute("transform") and second.getAttribute("transform")
    assert first.getElementsByTagName("path")[0].getAttribute("d") == "M10,200 L110,150 L210,195 Z"
    assert first.getElementsByTagName("polyline")[0].getAttribute("points") == "10,200 110,150"


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
