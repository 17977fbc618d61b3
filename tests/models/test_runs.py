"""Earlier runs kept to compare (issue 15): which runs are kept, the limits, pins, names and figures. No Qt."""

import math
from dataclasses import replace

import numpy as np
import pytest

from bpviz.engine.datasets import DatasetSpec
from bpviz.models.playground import PlaygroundModel
from bpviz.models.runs import MAX_PINNED, MAX_UNPINNED, RunsModel, differences
from bpviz.training import TrainConfig
from bpviz.training.frames import Frame
from bpviz.training.history import HistoryArrays
from bpviz.training.trainer import Snapshot

BASE = TrainConfig(dataset=DatasetSpec("circle", n_samples=40, noise=0.1, seed=0), hidden=(8, 8), lr=0.03)
_DATA = BASE.dataset.make()


def history(n, steps_per_epoch=2, start=1.0):
    k = np.arange(n)
    return HistoryArrays(k, k * steps_per_epoch, start / (k + 1.0), 1.5 * start / (k + 1.0))


def frame(generation, step, config=BASE, test_acc=0.5, train_acc=0.5, rate=0.0, running=False, hist=None):
    hist = history(step // 2 + 1) if hist is None else hist
    net = config.make_network()
    w, b = tuple(net.weights), tuple(net.biases)
    snap = Snapshot(step=step, epoch=step // 2, weights=w, biases=b, grad_weights=w, grad_biases=b,
                    train_loss=0.123, test_loss=0.456, train_accuracy=train_acc,
                    test_accuracy=test_acc, history=hist, diverged=False, next_batch=np.arange(2))
    return Frame(generation, config, _DATA, snap, None, rate, running)


def run_to(model, generation, steps, config=BASE, **kw):
    """A run of ``generation`` trained to ``steps`` (a frame at step 0, then at steps)."""
    model.take(frame(generation, 0, config))
    model.take(frame(generation, steps, config, **kw))


def test_a_run_is_kept_when_the_next_starts_and_a_run_of_no_steps_is_not():
    model = RunsModel()
    heard = []
    model.subscribe("changed", lambda: heard.append("changed"))
    run_to(model, 1, 10)
    assert len(model) == 0 and model.current_figures().steps == 10
    model.take(frame(2, 0))  # reset: run 1 is over
    assert [r.number for r in model.earlier] == [1] and heard == ["changed"]
    assert model.earlier[0].figures.steps == 10
    model.take(frame(3, 0))  # reset again: run 2 made no step
    assert [r.number for r in model.earlier] == [1] and model.current_number == 2


def test_it_follows_a_playground_model():
    playground = PlaygroundModel()
    model = RunsModel(playground)
    playground.take(frame(1, 0))
    playground.take(frame(1, 6))
    playground.take(frame(2, 0, replace(BASE, seed=7)))
    assert len(model) == 1 and model.earlier[0].name == "seed 1"


def test_at_most_five_unpinned_runs_oldest_go_first_pinned_stay():
    model = RunsModel()
    for g in range(1, 8):
        run_to(model, g, 4)
    model.take(frame(8, 0))
    assert [r.number for r in model.earlier] == [3, 4, 5, 6, 7]
    model.set_pinned(3, True)
    for g in range(9, 15):
        run_to(model, g, 4)
    model.take(frame(15, 0))
    numbers = [r.number for r in model.earlier]
    assert 3 in numbers and len(numbers) == 1 + MAX_UNPINNED
    assert numbers == [3, 9, 10, 11, 12, 13]
    # colours: never two runs on one
    assert len({r.slot for r in model.earlier}) == len(model.earlier)


def test_at_most_five_pinned_and_never_more_than_ten_runs():
    model = RunsModel()
    for g in range(1, 12):
        run_to(model, g, 4)
        model.take(frame(g + 1, 0))
        if g <= MAX_PINNED:
            model.set_pinned(g, True)
    assert [r.number for r in model.earlier] == [1, 2, 3, 4, 5, 7, 8, 9, 10, 11]
    with pytest.raises(ValueError, match="At most 5 runs can be pinned"):
        model.set_pinned(11, True)
    assert not model.run(11).pinned
    model.set_pinned(1, False)  # six unpinned for now (ten runs still) ...
    assert len(model) == MAX_PINNED + MAX_UNPINNED
    run_to(model, 50, 4)
    model.take(frame(51, 0))  # ... the next run trims them to five, the oldest first
    assert [r.number for r in model.earlier] == [2, 3, 4, 5, 8, 9, 10, 11, 12]
    assert len({r.slot for r in model.earlier}) == len(model.earlier)


def test_rename_remove_and_back_to_the_automatic_name():
    model = RunsModel()
    run_to(model, 1, 4, replace(BASE, lr=0.3))
    model.take(frame(2, 0))
    run = model.earlier[0]
    assert run.name == "lr 0.3"
    model.rename(1, "  my   best run ")
    assert run.name == "my best run" and run.auto_name == "lr 0.3"
    model.rename(1, "")
    assert run.name == "lr 0.3"
    model.remove(1)
    assert len(model) == 0
    with pytest.raises(KeyError):
        model.remove(1)


@pytest.mark.parametrize("change, name", [
    (dict(lr=0.3), "lr 0.3"),
    (dict(hidden=(8, 8)), "8,8 → 4"),
    (dict(hidden=()), "no hidden layer → 4"),
    (dict(activation="relu"), "relu"),
    (dict(batch_size=1), "batch 1"),
    (dict(batch_size=0), "full batch"),
    (dict(regularization="l2", reg_rate=0.001), "L2 0.001"),
    (dict(seed=7), "seed 7"),
    (dict(loss="half_sse"), "squared error"),
    (dict(features=("x1", "x2", "x1^2")), "inputs x₁ x₂ x₁²"),
    (dict(dataset=DatasetSpec("spiral", n_samples=40, noise=0.1, seed=0)), "spiral"),
    (dict(dataset=DatasetSpec("circle", n_samples=40, noise=0.2, seed=0)), "noise 20"),
    (dict(dataset=DatasetSpec("circle", n_samples=40, noise=0.1, seed=3)), "data seed 3"),
    (dict(dataset=DatasetSpec("circle", n_samples=40, noise=0.1, seed=0, test_ratio=0.3)), "train 70 %"),
    (dict(lr=0.1, seed=7, activation="relu"), "relu, lr 0.1, seed 7"),
])
def test_names_say_what_differed_from_the_current_run(change, name):
    now = replace(BASE, hidden=(4,))
    assert ", ".join(differences(replace(now, **change), now)) == name


def test_a_regularization_of_rate_zero_is_none():
    now = replace(BASE, regularization="l2", reg_rate=0.0)
    assert differences(replace(BASE, regularization="none", reg_rate=0.0), now) == []
    assert differences(now, replace(BASE, regularization="l1", reg_rate=0.01)) == ["no regularization"]


def test_names_follow_the_current_run_and_same_settings_says_which_run():
    model = RunsModel()
    run_to(model, 1, 4)
    model.take(frame(2, 0))  # reset, same settings
    assert model.earlier[0].name == "same settings (run 1)"
    heard = []
    model.subscribe("changed", lambda: heard.append("changed"))
    model.take(frame(2, 0, replace(BASE, lr=0.5)))  # the learning rate changed live, in the same run
    assert model.earlier[0].name == "lr 0.03" and heard == ["changed"]
    model.take(frame(2, 2, replace(BASE, lr=0.5)))
    assert heard == ["changed"]  # nothing new


def test_final_figures_come_from_the_history_and_the_last_frame():
    model = RunsModel()
    h = history(9, start=0.8)
    model.take(frame(1, 0))
    model.take(frame(1, 7, running=True, rate=100.0))
    model.take(frame(1, 12, running=True, rate=300.0))
    model.take(frame(1, 17, running=True, rate=0.0))  # no measurement: left out of the mean
    model.take(frame(1, 17, test_acc=0.8, train_acc=0.85, hist=h))  # paused: the last frame
    model.take(frame(2, 0))
    f = model.earlier[0].figures
    assert f.train_loss == h.train[-1] and f.test_loss == h.test[-1]
    assert f.test_accuracy == 0.8 and f.train_accuracy == 0.85
    assert f.steps == 17 and f.epochs == 8
    assert f.steps_per_second == 200.0
    assert f.reached_step is None and f.accuracy_on == "test"
    assert np.array_equal(model.earlier[0].history.train, h.train)


def test_steps_to_90_percent_is_the_first_frame_at_or_above_it_and_the_frame_before():
    model = RunsModel()
    for step, acc in ((0, 0.5), (30, 0.88), (60, 0.9), (90, 0.85), (120, 0.95)):
        model.take(frame(1, step, test_acc=acc))
    f = model.current_figures()
    assert (f.reached_step, f.reached_after) == (60, 30)
    assert math.isnan(f.steps_per_second)  # never ran: stepped by hand only


def test_steps_to_90_percent_uses_the_training_set_without_a_test_set_and_nothing_for_regression():
    model = RunsModel()
    model.take(frame(1, 5, test_acc=math.nan, train_acc=0.95))
    f = model.current_figures()
    assert (f.reached_step, f.reached_after, f.accuracy_on) == (5, None, "train")
    plane = replace(BASE, dataset=DatasetSpec("plane", n_samples=40), loss="half_sse")
    model.take(frame(2, 5, plane, test_acc=math.nan, train_acc=math.nan))
    f = model.current_figures()
    assert f.reached_step is None and not f.measurable
