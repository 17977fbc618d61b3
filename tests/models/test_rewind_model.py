"""The rewindable history of a playground run (bpviz.models.rewind), without Qt: a recording Trainer's rows give
the exact weights of every recorded step; the record stays within its bound however long the run; a new run
clears it, a run continued from a rewound step keeps what came before."""

import numpy as np
import pytest

from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.trajectories import HISTORY_BUDGET, StepRows, history_capacity, next_record_step, record_stride
from bpviz.models.playground import PlaygroundModel
from bpviz.models.rewind import RunRecord, flatten, parameter_count, unflatten
from bpviz.training import TrainConfig, Trainer
from bpviz.training.frames import Frame

CONFIG = TrainConfig(dataset=DatasetSpec("xor", n_samples=60, noise=0.1, seed=2), hidden=(3, 2), lr=0.1)


def frame(trainer, generation=1, running=True):
    return Frame(generation, trainer.config, trainer.data, trainer.snapshot(records=True), None, 0.0, running)


def run(model, trainer, steps, every=7, generation=1):
    """Train ``steps`` steps one at a time, a frame every ``every``; return step -> exact parameter vector."""
    seen = {trainer.step_count: trainer.network.get_parameters()}
    for k in range(steps):
        trainer.run_steps(1)
        seen[trainer.step_count] = trainer.network.get_parameters()
        if k % every == 0:
            model.take(frame(trainer, generation))
    model.take(frame(trainer, generation, running=False))
    return seen


def test_the_layout_is_the_networks_parameter_vector():
    net = CONFIG.make_network()
    vector = net.get_parameters()
    weights, biases = unflatten(net.sizes, vector)
    for a, b in zip((*weights, *biases), (*net.weights, *net.biases)):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(flatten(weights, biases), vector)
    assert parameter_count(net.sizes) == vector.size


def test_every_recorded_step_holds_exactly_the_weights_and_gradients_of_that_step():
    model, trainer = PlaygroundModel(), Trainer(CONFIG, record_history=True)
    model.take(frame(trainer, running=False))
    grads = {}
    original_step = trainer.run_steps

    def stepping(n):  # the gradient each step applied, as the network held it after the step
        done = original_step(n)
        dW, db = trainer.network.last_gradients()
        grads[trainer.step_count] = flatten(dW, db)
        return done

    trainer.run_steps = stepping
    seen = run(model, trainer, 300)
    record = model.rewind.record
    assert record.steps().tolist() == list(range(301))  # the start of a run: every step
    for step in (0, 1, 6, 7, 150, 299, 300):
        state = model.rewind.rewind_to(step)
        assert state.step == step
        np.testing.assert_array_equal(flatten(state.weights, state.biases), seen[step])
        if step == 0:
            assert state.grad_weights is None  # no step yet: no gradient
        else:
            np.testing.assert_array_equal(flatten(state.grad_weights, state.grad_biases), grads[step])
    epoch_end = int(trainer.history.arrays().steps[1])  # 3 steps an epoch: losses measured there, NaN between
    state = model.rewind.rewind_to(epoch_end)
    assert state.epoch == 1 and np.isfinite(state.train_loss)
    assert np.isnan(model.rewind.rewind_to(epoch_end + 1).train_loss)


def test_rewinding_between_kept_steps_gives_the_nearest_before_and_never_a_mixture():
    record = RunRecord((2, 1), capacity=8)
    for step in range(0, 40):
        record.add(step, 0, np.nan, np.nan, np.full(3, float(step)), np.full(3, -float(step)))
    steps = record.steps().tolist()
    assert steps == [0, 8, 16, 24, 32, 39]  # every 8th (8 entries at most on the grid), and the latest
    assert record.stride == 8
    for asked in (0, 5, 8, 23, 38, 39, 1000):
        state = record.state(record.index_at(asked))
        kept = max(s for s in steps if s <= asked)
        assert state.step == kept and state.weights[0][0, 0] == kept and state.biases[0][0] == kept


def test_the_trainers_grid_and_the_records_agree():
    capacity = 64
    record, step, sent = RunRecord((2, 1), capacity=capacity), 0, 0
    while step <= 10_000:
        record.add(step, 0, np.nan, np.nan, np.zeros(3), np.zeros(3))
        sent += 1
        assert step % record.stride == 0
        step = next_record_step(step + 1, capacity)
    assert len(record) <= capacity + 2 and record.stride == record_stride(10_000, capacity)
    assert sent < 5 * capacity  # rows sent over the run grow with its logarithm only


def test_the_history_stays_within_its_bound_over_100000_steps_of_the_largest_network():
    sizes = (2, 16, 16, 16, 16, 16, 16, 1)
    n = parameter_count(sizes)
    record = RunRecord(sizes)
    assert record.capacity == history_capacity(n) and record.nbytes == record.bound <= HISTORY_BUDGET < 50_000_000
    step, nbytes = 0, record.nbytes
    while step < 100_000:
        rows = []
        while step <= min(step + 1000, 100_000) and len(rows) < 200:
            rows.append(step)
            step = next_record_step(step + 1, record.capacity)
        record.add_rows(StepRows(np.array(rows), np.zeros(len(rows), np.int64), np.zeros((len(rows), 2)),
                                 np.array(rows, float)[:, None] + np.zeros(n), np.zeros((len(rows), n))))
        assert len(record) <= record.capacity + 2
    assert record.nbytes == nbytes  # allocated once
    kept = record.steps()
    assert kept[0] == 0 and np.all(np.diff(kept) > 0)
    assert all(record.state(i).weights[0][0, 0] == kept[i] for i in range(0, len(kept), 97))


def test_a_new_run_clears_the_record_and_ends_the_rewind():
    model, trainer = PlaygroundModel(), Trainer(CONFIG, record_history=True)
    model.take(frame(trainer))
    run(model, trainer, 20)
    events = []
    model.rewind.subscribe("changed", lambda state, by_frame: events.append((state, by_frame)))
    model.rewind.rewind_to(10)
    trainer.reset()
    model.take(frame(trainer, generation=2, running=False))
    assert model.rewind.live and events[-1] == (None, True)
    assert model.rewind.record.steps().tolist() == [0]


def test_continuing_keeps_the_steps_before_and_trains_from_the_recorded_weights():
    model, trainer = PlaygroundModel(), Trainer(CONFIG, record_history=True)
    model.take(frame(trainer))
    seen = run(model, trainer, 60)
    model.rewind.rewind_to(40)
    state = model.rewind.continue_state(model.frame.config, model.history)
    np.testing.assert_array_equal(flatten(state.weights, state.biases), seen[40])
    assert state.step == 40 and state.history.steps.max() <= 40
    run(model, trainer, 5)  # frames of the old run still arriving: the record follows them until the new run
    fresh = Trainer(CONFIG, record_history=True)
    fresh.restore(state.weights, state.biases, state.step, state.epoch, state.history)
    model.take(frame(fresh, generation=2, running=False))
    assert model.rewind.live and model.rewind.record.steps().tolist() == list(range(41))
    fresh.run_steps(1)
    model.take(frame(fresh, generation=2, running=False))
    assert model.rewind.record.last_step == 41
    again = model.rewind.rewind_to(12)
    np.testing.assert_array_equal(flatten(again.weights, again.biases), seen[12])


def test_a_weight_set_by_hand_replaces_its_step_and_a_divergence_drops_what_followed():
    config = TrainConfig(dataset=DatasetSpec("circle", n_samples=200, noise=0.1, seed=1), hidden=(8, 8),
                         activation="linear", lr=0.01)  # a linear net: at learning rate 10 it overflows
    model, trainer = PlaygroundModel(), Trainer(config, record_history=True)
    model.take(frame(trainer))
    run(model, trainer, 10)
    trainer.set_parameter("w1", 0.5)
    model.take(frame(trainer, running=False))
    state = model.rewind.rewind_to(10)
    assert state.weights[0][0, 0] == 0.5 and model.rewind.record.last_step == 10
    trainer.run_steps(10)  # to the end of the epoch (10 steps an epoch): the state a divergence falls back to
    model.take(frame(trainer))
    trainer.set_lr(10.0)
    trainer.run_epochs(50)
    assert trainer.diverged and trainer.step_count == 20
    model.take(frame(trainer, running=False))
    record = model.rewind.record
    assert record.last_step == 20  # the steps of the diverging epoch are gone: they were undone
    last = record.state(len(record) - 1)
    np.testing.assert_array_equal(flatten(last.weights, last.biases), trainer.network.get_parameters())


def test_the_figures_of_a_recorded_state_are_the_trainers():
    model, trainer = PlaygroundModel(), Trainer(CONFIG, record_history=True)
    model.take(frame(trainer))
    run(model, trainer, 30)
    state = model.rewind.rewind_to(30)
    assert model.rewind.measure(state, CONFIG, trainer.data) == pytest.approx(trainer.evaluate(), rel=1e-12)


def test_rows_left_waiting_are_thinned_on_a_coarser_grid():
    trainer = Trainer(CONFIG, record_history=True)
    trainer.run_steps(20_000)  # nobody takes the rows
    rows = trainer.take_records()
    cap = trainer._capacity // Trainer.PENDING_SHARE + 32
    assert len(rows) <= cap + 1 and rows.steps[0] == 0 and np.all(np.diff(rows.steps) > 0)
    assert trainer.take_records() is None
    plain = Trainer(CONFIG)  # not recording unless asked to (the command line, the tests)
    plain.run_steps(5)
    assert plain.take_records() is None and plain.snapshot(records=True).records is None
