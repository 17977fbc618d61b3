"""The gradient-check page's computation, without Qt: the check of a problem and of every broken backward, as the
worker thread carries it out (bpviz.models.gradcheck_problem.check_problem)."""

from __future__ import annotations

import pytest

from bpviz.engine.broken_backward import FAULTS, broken_gradients
from bpviz.engine.gradcheck import gradcheck
from bpviz.models.gradcheck_problem import SAMPLE_ABOVE, check_problem, layer_groups, worked_example_problem
from bpviz.models.gradcheck_report import describe_parameters, fault_note
from bpviz.training import TrainConfig, Trainer
from bpviz.training.frames import Frame


def playground(config: TrainConfig, points: int = 8):
    from bpviz.models.gradcheck_problem import playground_problem

    trainer = Trainer(config)
    frame = Frame(1, trainer.config, trainer.data, trainer.snapshot(), None, 0.0, False)
    return playground_problem(frame, points)


def test_the_check_and_every_broken_backward_in_one_go():
    problem = worked_example_problem()
    calls = []
    checked = check_problem(problem, lambda done, total: calls.append((done, total)))
    assert checked.problem is problem and checked.seconds > 0
    assert calls == [(k, 10) for k in range(1, 11)]
    assert checked.result == gradcheck(problem.net, problem.X, problem.Y, seed=0)
    assert sorted(checked.broken) == sorted(FAULTS)
    for name, fault in FAULTS.items():  # each as if checked with the broken gradients from the start
        expected = gradcheck(problem.net, problem.X, problem.Y, seed=0,
                             analytic=broken_gradients(problem.net, problem.X, problem.Y, fault))
        assert checked.broken[name].result == expected
    assert checked.broken["activation_derivative"].changed == ["w1", "w2", "w3", "w4", "b1"]
    assert checked.broken["bias_gradient"].changed == []  # one point: the batch sum is that point's delta


def test_a_big_network_is_checked_on_a_sample_and_a_stop_leaves_it_untouched():
    problem = playground(TrainConfig(hidden=(16,) * 3, activation="relu", features=("x1", "x2", "x1^2")))
    n = problem.net.get_parameters().size
    assert n > SAMPLE_ABOVE
    assert len(check_problem(problem).result.checks) == SAMPLE_ABOVE
    before = problem.net.get_parameters().copy()

    def stop(done, total):
        assert total == SAMPLE_ABOVE
        if done == 50:
            raise RuntimeError("superseded")

    with pytest.raises(RuntimeError):
        check_problem(problem, stop)
    assert (problem.net.get_parameters() == before).all()


def test_fault_notes_name_what_changes_in_ranges_or_blocks():
    problem = worked_example_problem()
    order = list(problem.names.params)
    groups = layer_groups(problem)
    assert groups == [("W₁", 0, 3), ("W₂", 4, 7), ("b₁", 8, 8), ("b₂", 9, 9)]  # weights first, as in the table
    note = fault_note(FAULTS["activation_derivative"], ["w1", "w2", "w3", "w4", "b1"], order, groups)
    assert "It changes 5 of the network's 10 gradients" in note and "Untouched (backprop's own): w5–w8, b2." in note
    assert "cannot catch this bug" in fault_note(FAULTS["bias_gradient"], [], order, groups)
    big = playground(TrainConfig(hidden=(16, 16), activation="tanh"))
    big_order, big_groups = list(big.names.params), layer_groups(big)
    every_other = big_order[::2]  # no runs: too long as ranges, so named by block
    assert describe_parameters(every_other, big_order, big_groups) == "all of b₃; some of W₁, W₂, W₃, b₁, b₂"
