"""The README's Python examples run as printed, and say what they claim (numbers in their comments)."""

import math
import re
from pathlib import Path

import numpy as np
import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture(scope="module")
def namespace():
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 3
    ns: dict = {}
    exec(compile("\n".join(blocks), str(README), "exec"), ns)  # noqa: S102 - our own README
    return ns


def test_api_block_shapes_and_gradients(namespace):
    dW, X = namespace["dW"], namespace["X"]  # of Network([2, 8, 8, 1], ...)
    assert [w.shape for w in dW] == [(2, 8), (8, 8), (8, 1)]
    assert namespace["Y_hat"].shape == (len(X), 1)


def test_worked_example_block_says_the_published_numbers(namespace):
    assert round(namespace["trace"].quantities["dE/dw5"], 9) == 0.082167041
    run_example, p = namespace["run_example"], namespace["ExampleParams"]()
    assert f"{run_example(p, iterations=10_000).final_error:.6g}" == "3.51085e-05"


def test_lesson_engines_block(namespace):
    shopping = namespace["shopping_graph"]().evaluate()
    assert (shopping.output_value, shopping.grad("jacket_count"), shopping.grad("discount")) == (700.0, 280.0, 1000.0)
    ev = namespace["ev"]  # (x + y) * exp(x) at x = 2, y = -1
    assert ev.output_value == pytest.approx(math.exp(2)) and ev.grad("x") == pytest.approx(2 * math.exp(2))
    p, net, wrong = namespace["p"], namespace["net"], namespace["wrong"]
    result = namespace["gradcheck"](net, p.inputs, p.targets, analytic=wrong)
    assert not result.passed()
    assert {c.name for c in result.checks if c.counted_error > 1e-3} == {"w1", "w2", "w3", "w4", "b1"}
    arrays = namespace["arrays"]
    engine, seed = namespace["WarmupRun"](arrays).run(500), namespace["SeedLoop"](arrays).run(500)
    assert np.allclose(engine, seed, rtol=1e-10, atol=0)
    w = namespace["runs"]["stochastic"].params[-1]
    assert w[0] == pytest.approx(1.0, abs=1e-6) and np.abs(w[1:]).max() < 1e-6
