"""The playground's stepped pass (no Qt): of the frame's network on one point or its next mini-batch."""

import numpy as np
import pytest

from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.features import make_features
from bpviz.models.stepped_pass import SteppedPass, nearest_point
from bpviz.training import TrainConfig, Trainer
from bpviz.training.frames import Frame
from bpviz.training.trainer import targets_for


def frame_of(trainer, generation=1):
    return Frame(generation, trainer.config, trainer.data, trainer.snapshot(), None, 0.0, False)


@pytest.fixture
def trainer():
    config = TrainConfig(dataset=DatasetSpec("gaussian", n_samples=40, seed=5), hidden=(3,), lr=0.2, batch_size=6,
                         features=("x1", "x2", "x1*x2"), loss="softmax_ce")
    t = Trainer(config)
    t.run_steps(4)
    return t


def test_a_point_pass_starts_from_the_frames_network_and_updates_as_a_training_step_would(trainer):
    frame = frame_of(trainer)
    stepped = SteppedPass.of(frame, 9)
    X = make_features(trainer.data.X_train[9:10], trainer.config.features)
    T = targets_for("softmax_ce", trainer.data.y_train[9:10])
    expected = trainer.network.copy()
    expected.step(X, T, 0.2)
    weights, biases = stepped.parameters_after
    for l in range(expected.n_layers):
        np.testing.assert_array_equal(weights[l], expected.weights[l])
        np.testing.assert_array_equal(biases[l], expected.biases[l])
    before, _ = stepped.parameters_before
    np.testing.assert_array_equal(before[0], trainer.network.weights[0])
    state = stepped.diagram_state(len(stepped.trace) - 1)
    assert not state.editable and state.input_labels == ("x₁", "x₂", "x₁x₂")
    assert stepped.describe().startswith("training point 9 at (")


def test_the_next_mini_batch_is_the_one_the_next_step_trains_on(trainer):
    frame = frame_of(trainer)
    stepped = SteppedPass.of_next_batch(frame)
    assert stepped.points == tuple(trainer.next_batch()) and len(stepped.points) == 6
    trainer.run_steps(1)  # the step itself
    np.testing.assert_array_equal(stepped.parameters_after[0][0], trainer.network.weights[0])
    assert stepped.describe().startswith("the next mini-batch: 6 points")


def test_no_such_point_and_the_nearest_point(trainer):
    frame = frame_of(trainer)
    with pytest.raises(IndexError):
        SteppedPass.of(frame, len(trainer.data.X_train))
    x, y = trainer.data.X_train[13]
    assert nearest_point(frame, x + 1e-9, y - 1e-9) == 13
