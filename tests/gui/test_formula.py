"""bpviz.gui.formula: the trace's plain-text formulas and names as Qt rich text."""

import xml.etree.ElementTree as ET

import pytest

from bpviz.engine import Network
from bpviz.engine.presets import ExampleParams, worked_example
from bpviz.engine.trace import trace_pass
from bpviz.gui.formula import MINUS, name_html, number_html, plain_text, to_html


@pytest.mark.parametrize("text, html", [
    # names with subscripts
    ("net_h1", "net<sub>h1</sub>"),
    ("out_o1", "out<sub>o1</sub>"),
    ("δ_o1", "δ<sub>o1</sub>"),
    ("E_total", "E<sub>total</sub>"),
    ("E_o1", "E<sub>o1</sub>"),
    ("E_reg", "E<sub>reg</sub>"),
    ("b_h1", "b<sub>h1</sub>"),
    ("h1_2", "h<sub>1,2</sub>"),
    ("out_h1_2", "out<sub>h1,2</sub>"),
    ("b_h2_3", "b<sub>h2,3</sub>"),
    # numbered one-letter symbols
    ("w5", "w<sub>5</sub>"),
    ("w10", "w<sub>10</sub>"),
    ("i1", "i<sub>1</sub>"),
    ("t2", "t<sub>2</sub>"),
    ("b1", "b<sub>1</sub>"),
    ("w5⁺", "w<sub>5</sub>⁺"),
    ("∂E/∂w5", "∂E/∂w<sub>5</sub>"),
    ("∂out_o1/∂net_o1", "∂out<sub>o1</sub>/∂net<sub>o1</sub>"),
    # numbers are never subscripted; scientific notation and minus signs are typeset
    ("0.15", "0.15"),
    ("0.15·0.05 + 0.2·0.1 + 0.35·1", "0.15·0.05 + 0.2·0.1 + 0.35·1"),
    ("1e-05", f"1×10<sup>{MINUS}5</sup>"),
    ("2.5E+20", "2.5×10<sup>20</sup>"),
    ("(-1.5e-07)·0.5", f"({MINUS}1.5×10<sup>{MINUS}7</sup>)·0.5"),
    ("(-0.0380982365)·0.5", f"({MINUS}0.0380982365)·0.5"),
    ("0.138498562·0.4 + (-0.0380982365)·0.5", f"0.138498562·0.4 + ({MINUS}0.0380982365)·0.5"),
    ("0.5 - 0.25", f"0.5 {MINUS} 0.25"),
    ("(-inf)", f"({MINUS}∞)"),
    # exponentials: e^(x) → exp(x) (Qt cannot lower a subscript inside a superscript)
    ("1/(1 + e^(−net_h1))", "1/(1 + exp(−net<sub>h1</sub>))"),
    ("1/(1 + e^(−0.3775))", "1/(1 + exp(−0.3775))"),
    ("1/(1 + e^(−(-0.100528193)))", f"1/(1 + exp(−({MINUS}0.100528193)))"),
    ("e^((-0.0524903891))", f"exp({MINUS}0.0524903891)"),
    ("e^(net_o1) / (e^(net_o1) + e^(net_o2))",
     "exp(net<sub>o1</sub>) / (exp(net<sub>o1</sub>) + exp(net<sub>o2</sub>))"),
    ("e^(1e-05)", f"exp(1×10<sup>{MINUS}5</sup>)"),
    # other powers are superscripts
    ("x^2", "x<sup>2</sup>"),
    ("x^(n − 1)", "x<sup>n − 1</sup>"),
    # the other formula forms
    ("½·(t1 − out_o1)²", "½·(t<sub>1</sub> − out<sub>o1</sub>)²"),
    ("∂E/∂out_o1 · ∂out_o1/∂net_o1", "∂E/∂out<sub>o1</sub> · ∂out<sub>o1</sub>/∂net<sub>o1</sub>"),
    ("δ_o1·w5 + δ_o2·w7", "δ<sub>o1</sub>·w<sub>5</sub> + δ<sub>o2</sub>·w<sub>7</sub>"),
    ("w5 − η·∂E/∂w5", "w<sub>5</sub> − η·∂E/∂w<sub>5</sub>"),
    ("out_o1·(1 − out_o1)", "out<sub>o1</sub>·(1 − out<sub>o1</sub>)"),
    ("tanh(net_h1)", "tanh(net<sub>h1</sub>)"),
    ("tanh((-0.126701253))", f"tanh({MINUS}0.126701253)"),
    ("1 − out_h1_2²", "1 − out<sub>h1,2</sub>²"),
    ("max(0, net_h1)", "max(0, net<sub>h1</sub>)"),
    ("max(0, (-0.008))", f"max(0, ({MINUS}0.008))"),
    ("(1 if net_h1 ≥ 0 else 0)", "(1 if net<sub>h1</sub> ≥ 0 else 0)"),
    ("−[t1·ln out_o1 + (1 − t1)·ln(1 − out_o1)]",
     "−[t<sub>1</sub>·ln out<sub>o1</sub> + (1 − t<sub>1</sub>)·ln(1 − out<sub>o1</sub>)]"),
    ("λ·sign(w5)", "λ·sign(w<sub>5</sub>)"),
    ("½·λ·Σw²", "½·λ·Σw²"),
    ("e^(net) / Σₖ e^(netₖ)", "exp(net) / Σₖ exp(netₖ)"),
    # words stay words; escaping
    ("with softmax_ce on a softmax output", "with softmax_ce on a softmax output"),
    ("a half-squared error", "a half-squared error"),
    ("a<b & c>d", "a&lt;b &amp; c&gt;d"),
    ("<script>", "&lt;script&gt;"),
    ("", ""),
])
def test_to_html(text, html):
    assert to_html(text) == html


def test_exp_superscript_option_gives_the_textbook_form():
    assert to_html("1/(1 + e^(−net_h1))", exp_superscript=True) == "1/(1 + e<sup>−net<sub>h1</sub></sup>)"
    assert to_html("e^((-0.05))", exp_superscript=True) == f"e<sup>{MINUS}0.05</sup>"


@pytest.mark.parametrize("name, html", [
    ("net_h1", "net<sub>h1</sub>"),
    ("E_total", "E<sub>total</sub>"),
    ("dE/dout_o1", "∂E/∂out<sub>o1</sub>"),
    ("dout_o1/dnet_o1", "∂out<sub>o1</sub>/∂net<sub>o1</sub>"),
    ("delta_o1", "δ<sub>o1</sub>"),
    ("delta_h1_2", "δ<sub>h1,2</sub>"),
    ("dE/dw5", "∂E/∂w<sub>5</sub>"),
    ("dE/db_h1", "∂E/∂b<sub>h1</sub>"),
    ("w5+", "w<sub>5</sub>⁺"),
    ("b_o1+", "b<sub>o1</sub>⁺"),
])
def test_name_html(name, html):
    assert name_html(name) == html


@pytest.mark.parametrize("value, text", [
    (0.7513650695523157, "0.75136507"),
    (0.08216704056423078, "0.0821670406"),
    (-0.03809823651655624, f"{MINUS}0.0380982365"),
    (0.0, "0"),
    (1e-05, f"1×10<sup>{MINUS}5</sup>"),
])
def test_number_html(value, text):
    assert number_html(value) == text


def test_plain_text_undoes_markup_and_entities():
    assert plain_text(to_html("a<b & net_h1")) == "a<b & neth1"


def _traces():
    p = ExampleParams()
    yield trace_pass(worked_example(p), p.inputs, p.targets, p.lr)
    yield trace_pass(worked_example(p, update_biases=True), p.inputs, p.targets, p.lr)
    x2, t1, t2 = [0.3, -0.2], [1.0], [1.0, 0.0]
    nets = [
        (Network([2, 3, 3, 2], hidden="tanh", output="softmax", loss="softmax_ce", seed=0), x2, t2),
        (Network([2, 2, 1], hidden="relu", output="sigmoid", loss="bce", seed=1), x2, t1),
        (Network([2, 2, 2], hidden="linear", output="linear", loss="sse", seed=2), x2, t2),
        (Network([2, 2, 2], hidden="sigmoid", output="softmax", loss="half_sse", seed=3), x2, t2),
        (Network([2, 2, 2], hidden="tanh", output="sigmoid", loss="half_sse", regularization="l2",
                 reg_rate=0.01, seed=4), x2, t2),
        (Network([2, 2, 2], hidden="tanh", output="sigmoid", loss="half_sse", regularization="l1",
                 reg_rate=1e-5, seed=5), x2, t2),
    ]
    for net, x, t in nets:
        yield trace_pass(net, x, t, 0.1)


@pytest.mark.parametrize("trace", list(_traces()), ids=lambda t: f"{len(t)}steps")
def test_every_formula_of_real_traces_renders_cleanly(trace):
    for step in trace.steps:
        for text in (step.formula, step.numbers, step.symbol):
            html = to_html(text)
            ET.fromstring(f"<r>{html}</r>")  # well-formed: every tag closed, every & escaped
            visible = plain_text(html)
            assert "_" not in visible and "^" not in visible, (text, html)
            assert "-" not in visible, (text, html)  # minus signs are U+2212
        assert "e^(" not in step.formula or "exp(" in to_html(step.formula)


def test_default_trace_uses_every_form_named_in_the_brief():
    p = ExampleParams()
    trace = trace_pass(worked_example(p), p.inputs, p.targets, p.lr)
    rendered = {s.name: (to_html(s.formula), to_html(s.numbers)) for s in trace.steps}
    assert rendered["out_h1"] == ("1/(1 + exp(−net<sub>h1</sub>))", "1/(1 + exp(−0.3775))")
    assert rendered["E_o1"][0] == "½·(t<sub>1</sub> − out<sub>o1</sub>)²"
    assert rendered["delta_o1"][0] == "∂E/∂out<sub>o1</sub> · ∂out<sub>o1</sub>/∂net<sub>o1</sub>"
    assert rendered["dE/dout_h1"] == ("δ<sub>o1</sub>·w<sub>5</sub> + δ<sub>o2</sub>·w<sub>7</sub>",
                                      f"0.138498562·0.4 + ({MINUS}0.0380982365)·0.5")
    assert rendered["w5+"] == ("w<sub>5</sub> − η·∂E/∂w<sub>5</sub>", "0.4 − 0.5·0.0821670406")
    assert rendered["w7+"][1] == f"0.5 − 0.5·({MINUS}0.0226025405)"


def test_qt_renders_the_markup_as_the_intended_text(qapp):
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(to_html("a<b & c>d · net_h1 = 1/(1 + e^(−(-1e-05)))"))
    assert doc.toPlainText() == f"a<b & c>d · neth1 = 1/(1 + exp(−({MINUS}1×10{MINUS}5)))"
