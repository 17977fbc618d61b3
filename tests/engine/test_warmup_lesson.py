"""The warm-up lesson (bpviz.engine.warmup) against seed 000 itself.

The references here are written independently of the module: the shapes by hand from the seed's
``N, D_in, H, D_out``, the gradients by running the seed's code lines literally on the same arrays, and the
losses by the seed's loop copied from the article (``np.random.randn`` replaced by a seeded ``default_rng``,
``print(t, loss)`` by recording the loss).
"""

from __future__ import annotations

import numpy as np
import pytest
from warmup_seed_program import seed_draws, seed_loop

from bpviz.engine import warmup
from bpviz.engine.datasets import warmup_data
from bpviz.engine.network import Network
from bpviz.engine.presets import WARMUP_LR, warmup_network
from bpviz.engine.warmup import GRADIENT_LINES, ShapeError, WarmupArrays, WarmupSizes, initial_arrays, lesson_pass
from bpviz.training.warmup import SeedLoop, WarmupRun, relative_difference

# The seed's code as the article prints it (the lines the lesson must quote verbatim).
SEED_CODE = """
    h = x.dot(w1)
    h_relu = np.maximum(h, 0)
    y_pred = h_relu.dot(w2)
    loss = np.square(y_pred - y).sum()
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.T.dot(grad_y_pred)
    grad_h_relu = grad_y_pred.dot(w2.T)
    grad_h = grad_h_relu.copy()
    grad_h[h < 0] = 0
    grad_w1 = x.T.dot(grad_h)
    w1 -= learning_rate * grad_w1
    w2 -= learning_rate * grad_w2
"""

# Shapes by hand: the seed's sizes, and a small net whose four sizes all differ.
SEED_SHAPES = {
    "x": (64, 1000), "w1": (1000, 100), "h": (64, 100), "h_relu": (64, 100), "w2": (100, 10),
    "y_pred": (64, 10), "y": (64, 10), "loss": (),
    "grad_y_pred": (64, 10), "grad_w2": (100, 10), "grad_h_relu": (64, 100), "grad_h": (64, 100),
    "grad_w1": (1000, 100),
}
SMALL_SHAPES = {
    "x": (5, 7), "w1": (7, 4), "h": (5, 4), "h_relu": (5, 4), "w2": (4, 3), "y_pred": (5, 3), "y": (5, 3),
    "loss": (), "grad_y_pred": (5, 3), "grad_w2": (4, 3), "grad_h_relu": (5, 4), "grad_h": (5, 4), "grad_w1": (7, 4),
}
SEED_LINE_SHAPES = {  # line -> (shapes with the seed's sizes, result shape)
    "h": ("(64×1000)·(1000×100) → (64×100)", (64, 100)),
    "h_relu": ("max((64×100), 0) → (64×100)", (64, 100)),
    "y_pred": ("(64×100)·(100×10) → (64×10)", (64, 10)),
    "loss": ("(64×10) − (64×10) → Σ → scalar", ()),
    "grad_y_pred": ("(64×10) − (64×10) → (64×10)", (64, 10)),
    "grad_w2": ("(100×64)·(64×10) → (100×10)", (100, 10)),
    "grad_h_relu": ("(64×10)·(10×100) → (64×100)", (64, 100)),
    "grad_h": ("(64×100) ⊙ (64×100) → (64×100)", (64, 100)),
    "grad_w1": ("(1000×64)·(64×100) → (1000×100)", (1000, 100)),
    "update_w1": ("(1000×100) − (1000×100) → (1000×100)", (1000, 100)),
    "update_w2": ("(100×10) − (100×10) → (100×10)", (100, 10)),
}
ITERATIONS = 500




def assert_close(actual, expected, what):
    """Equal up to rounding: the engine's products sum in another order than NumPy's (bias column)."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape, what
    scale = max(float(np.abs(expected).max()), 1e-300)
    worst = float(np.abs(actual - expected).max())
    assert worst <= 1e-12 * scale, f"{what}: differs by {worst:.3g} (scale {scale:.3g})"


@pytest.fixture(scope="module")
def seed_run():
    arrays = initial_arrays(2024)
    return arrays, seed_loop(arrays.x, arrays.y, arrays.w1.copy(), arrays.w2.copy(), ITERATIONS)


# ---------------------------------------------------------------------------------------------- arrays
def test_initial_arrays_are_the_seeds_randn_draws_in_its_order():
    arrays = initial_arrays(7)
    for got, expected in zip((arrays.x, arrays.y, arrays.w1, arrays.w2), seed_draws(7)):
        np.testing.assert_array_equal(got, expected)
    x, y = warmup_data(7)  # the preset's data are the first two draws
    np.testing.assert_array_equal(arrays.x, x)
    np.testing.assert_array_equal(arrays.y, y)
    assert arrays.sizes == WarmupSizes(64, 1000, 100, 10)


def test_the_lesson_net_is_the_preset():
    net, preset = warmup.warmup_net(initial_arrays(0)), warmup_network()
    assert net.sizes == preset.sizes == (1000, 100, 10)
    assert (net.hidden.name, net.output.name, net.loss.name, net.update_biases) == \
        (preset.hidden.name, preset.output.name, preset.loss.name, preset.update_biases)


@pytest.mark.parametrize("bad", [(0, 10, 10, 10), (64, -1, 100, 10), (64, 1000, 2.5, 10), (64, 1000, 100, True),
                                 (100_000, 100_000, 1, 1)])
def test_sizes_are_checked(bad):
    with pytest.raises(ValueError):
        WarmupSizes(*bad)


# ---------------------------------------------------------------------------------------------- shapes
@pytest.mark.parametrize("sizes, expected", [(None, SEED_SHAPES), (WarmupSizes(5, 7, 4, 3), SMALL_SHAPES)])
def test_shapes_of_a_real_pass_are_the_seeds(sizes, expected):
    lesson = lesson_pass(initial_arrays(1, sizes))
    assert {name: tuple(s) for name, s in lesson.shapes().items()} == expected
    for name, block in lesson.blocks.items():
        assert np.shape(lesson.values[name]) == expected[name]
        assert block.label == f"{name}  {block.shape_text}"
    assert lesson.blocks["x"].label == ("x  64×1000" if sizes is None else "x  5×7")
    assert lesson.blocks["grad_w1"].symbolic == "D_in×H"


def test_line_shapes_with_the_seeds_sizes():
    lesson = lesson_pass(initial_arrays(0))
    assert [line.key for line in lesson.lines] == list(SEED_LINE_SHAPES)
    for key, (numbers, result) in SEED_LINE_SHAPES.items():
        line = lesson.line(key)
        assert line.shape_numbers == numbers, key
        assert line.result_shape == result, key
    assert lesson.line("grad_w2").shape_rule == "(H×N)·(N×D_out) → (H×D_out)"
    assert lesson.line("grad_w2").operand_shapes == ((100, 64), (64, 10))
    assert lesson.line("grad_w1").shape_rule == "(D_in×N)·(N×H) → (D_in×H)"
    assert lesson.line("grad_h_relu").shape_rule == "(N×D_out)·(D_out×H) → (N×H)"


def test_small_sizes_flow_through_the_shape_algebra():
    lesson = lesson_pass(initial_arrays(1, WarmupSizes(5, 7, 4, 3)))
    assert lesson.line("grad_w2").shape_numbers == "(4×5)·(5×3) → (4×3)"
    assert lesson.line("grad_w1").shape_numbers == "(7×5)·(5×4) → (7×4)"
    assert lesson.line("h").shape_numbers == "(5×7)·(7×4) → (5×4)"


def test_equal_sizes_still_give_the_right_symbols():
    lesson = lesson_pass(initial_arrays(0, WarmupSizes(6, 6, 6, 6)))  # numbers cannot tell N from H here
    assert lesson.line("grad_w2").shape_rule == "(H×N)·(N×D_out) → (H×D_out)"
    assert lesson.line("grad_w2").shape_numbers == "(6×6)·(6×6) → (6×6)"


def test_a_pass_whose_array_has_another_shape_is_refused(monkeypatch):
    """The shapes shown are checked, not trusted: an engine that returned ∂L/∂W2 transposed is caught."""
    real_inspect = Network.inspect

    def transposed_grad_w2(self, X, Y):
        p = real_inspect(self, X, Y)
        p.dW[1] = p.dW[1].T.copy()
        return p

    monkeypatch.setattr(Network, "inspect", transposed_grad_w2)
    with pytest.raises(ShapeError, match="grad_w2"):
        lesson_pass(initial_arrays(0, WarmupSizes(5, 7, 4, 3)))


# ---------------------------------------------------------------------------------------------- the lines
def test_each_line_quotes_the_seeds_code_and_says_what_it_reads_and_writes():
    lesson = lesson_pass(initial_arrays(0, WarmupSizes(5, 7, 4, 3)))
    for line in lesson.lines:
        for code in line.code.split("\n"):
            assert f"    {code}\n" in SEED_CODE, code
    assert [k for k in GRADIENT_LINES] == ["grad_y_pred", "grad_w2", "grad_h_relu", "grad_h", "grad_w1"]
    g = lesson.line("grad_w2")
    assert g.formula == "∂L/∂W2 = h_reluᵀ · ∂L/∂ŷ"
    assert (g.reads, g.writes) == (("h_relu", "grad_y_pred"), ("grad_w2",))
    assert lesson.line("grad_h").reads == ("grad_h_relu", "h")
    assert lesson.line("grad_w1").reads == ("x", "grad_h")
    assert (lesson.line("update_w1").reads, lesson.line("update_w1").writes) == (("w1", "grad_w1"), ("w1",))


@pytest.mark.parametrize("sizes", [None, WarmupSizes(9, 13, 6, 4)])
def test_every_line_equals_the_seeds_code_run_on_the_same_arrays(sizes):
    arrays = initial_arrays(11, sizes)
    lesson = lesson_pass(arrays)
    v = lesson.values
    # The seed's lines, literally, on copies of the same arrays.
    x, y, w1, w2, learning_rate = arrays.x, arrays.y, arrays.w1.copy(), arrays.w2.copy(), 1e-6
    h = x.dot(w1)
    h_relu = np.maximum(h, 0)
    y_pred = h_relu.dot(w2)
    loss = np.square(y_pred - y).sum()
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.T.dot(grad_y_pred)
    grad_h_relu = grad_y_pred.dot(w2.T)
    grad_h = grad_h_relu.copy()
    grad_h[h < 0] = 0
    grad_w1 = x.T.dot(grad_h)
    w1 -= learning_rate * grad_w1
    w2 -= learning_rate * grad_w2

    for name, expected in (("h", h), ("h_relu", h_relu), ("y_pred", y_pred), ("grad_y_pred", grad_y_pred),
                           ("grad_w2", grad_w2), ("grad_h_relu", grad_h_relu), ("grad_h", grad_h),
                           ("grad_w1", grad_w1), ("w1_new", w1), ("w2_new", w2)):
        assert_close(v[name], expected, name)
    assert lesson.loss == pytest.approx(float(loss), rel=1e-12)
    assert lesson.line("loss").summary["value"] == pytest.approx(float(loss), rel=1e-12)
    assert np.all(v["grad_h"][h < 0] == 0)  # the mask, exactly
    assert lesson.line("grad_h").summary["blocked"] == int((h < 0).sum()) > 0
    assert lesson.line("grad_w2").summary["norm"] == pytest.approx(np.linalg.norm(grad_w2), rel=1e-12)
    # the pass changed nothing it was given
    np.testing.assert_array_equal(arrays.w1, initial_arrays(11, sizes).w1)


# ---------------------------------------------------------------------------------------------- training
def test_training_reproduces_the_seed_loop_loss_for_loss(seed_run):
    arrays, expected = seed_run
    assert expected[-1] < 1e-3 * expected[0]  # not a vacuous comparison: the seed's loss falls
    losses = WarmupRun(arrays).run(ITERATIONS)
    assert losses.shape == (ITERATIONS,)
    rel = np.abs(losses - expected) / np.abs(expected)
    assert rel.max() < 1e-10, f"worst iteration {rel.argmax()}: relative difference {rel.max():.3g}"


def test_slices_give_the_same_losses_as_one_run(seed_run):
    arrays, expected = seed_run
    whole = WarmupRun(arrays).run(ITERATIONS)
    sliced = WarmupRun(arrays)
    pieces = [sliced.run(n) for n in (1, 7, 92, 150, 250)]
    assert [len(p) for p in pieces] == [1, 7, 92, 150, 250]
    np.testing.assert_array_equal(np.concatenate(pieces), whole)
    assert sliced.iteration == ITERATIONS
    timed = WarmupRun(arrays)
    while timed.iteration < ITERATIONS:
        timed.run_for(0.002, ITERATIONS - timed.iteration)
    np.testing.assert_array_equal(timed.losses, whole)
    assert relative_difference(whole, expected) < 1e-10


def test_the_reference_loop_is_the_seed_loop(seed_run):
    """SeedLoop (what the window and the CLI compare with) prints what the literal loop prints."""
    arrays, expected = seed_run
    ref = SeedLoop(arrays)
    losses = np.concatenate([ref.run(200), ref.run(300)])
    np.testing.assert_array_equal(losses, expected)
    np.testing.assert_array_equal(arrays.w1, initial_arrays(2024).w1)  # worked on copies


def test_weights_after_training_are_the_seeds():
    arrays = initial_arrays(3, WarmupSizes(16, 40, 12, 5))
    run = WarmupRun(arrays)
    run.run(50)
    w1, w2 = arrays.w1.copy(), arrays.w2.copy()
    for _ in range(50):
        h = arrays.x.dot(w1)
        grad_y_pred = 2.0 * (np.maximum(h, 0).dot(w2) - arrays.y)
        grad_w2 = np.maximum(h, 0).T.dot(grad_y_pred)
        grad_h = grad_y_pred.dot(w2.T)
        grad_h[h < 0] = 0
        w1 -= WARMUP_LR * arrays.x.T.dot(grad_h)
        w2 -= WARMUP_LR * grad_w2
    got1, got2 = run.weights()
    assert_close(got1, w1, "w1")
    assert_close(got2, w2, "w2")


def test_a_diverging_run_stops_at_the_first_non_finite_loss():
    arrays = initial_arrays(0, WarmupSizes(8, 20, 6, 3))
    run = WarmupRun(arrays, learning_rate=1.0)
    losses = run.run(200)
    assert run.diverged and len(losses) < 200
    assert np.all(np.isfinite(losses[:-1])) and not np.isfinite(losses[-1])
    assert len(run.run(10)) == 0  # nothing more once diverged


def test_relative_difference():
    assert relative_difference([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert relative_difference([1.0, 2.2], [1.0, 2.0]) == pytest.approx(0.1)
    assert relative_difference([0.0], [0.0]) == 0.0
    assert relative_difference([np.nan], [np.nan]) == 0.0
    assert relative_difference([1.0], [np.nan]) == np.inf
    with pytest.raises(ValueError):
        relative_difference([1.0], [1.0, 2.0])


def test_arrays_know_their_sizes():
    x, y, w1, w2 = seed_draws(0, 3, 5, 2, 4)
    assert WarmupArrays(x, y, w1, w2).sizes.symbols == {"N": 3, "D_in": 5, "H": 2, "D_out": 4}
