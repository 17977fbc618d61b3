"""The worked example's model: the engine's trace for the user's starting numbers."""

import numpy as np
import pytest

from bpviz.engine.presets import ExampleParams
from bpviz.models.example import ExampleModel


def test_default_trace_has_the_published_numbers():
    s = ExampleModel()
    q = s.trace.quantities
    assert f"{q['out_o1']:.8f}" == "0.75136507" and f"{q['E_total']:.9f}" == "0.298371109"


def test_set_param_recomputes_downstream_values():
    s = ExampleModel()
    s.set_param("w5", 0.1)
    q = s.trace.quantities
    # net_o1 = w5·out_h1 + w6·out_h2 + b2 with the published hidden outputs (unchanged by w5)
    assert q["out_h1"] == pytest.approx(0.593269992, abs=5e-10)
    assert q["net_o1"] == pytest.approx(0.1 * 0.593269992 + 0.45 * 0.596884378 + 0.6, rel=1e-8)
    assert q["out_o1"] == pytest.approx(1 / (1 + np.exp(-q["net_o1"])), rel=1e-15)


@pytest.mark.parametrize("name,value", [("lr", 0.0), ("lr", -1.0), ("w5", float("nan")), ("zz", 1.0)])
def test_invalid_values_are_refused_and_keep_the_numbers(name, value):
    s = ExampleModel()
    before = s.params
    with pytest.raises(ValueError):
        s.set_param(name, value)
    assert s.params == before


def test_apply_update_starts_the_next_pass_from_the_updated_weights():
    s = ExampleModel()
    s.apply_update()
    assert s.params.w5 == pytest.approx(0.35891648, abs=5e-9)
    assert s.params.w1 == pytest.approx(0.149780716, abs=5e-10)
    assert f"{s.trace.quantities['E_total']:.9f}" == "0.291027774"  # the error of the second pass


def test_run_and_continue_from_its_weights():
    s = ExampleModel()
    run = s.run(10_000)
    assert f"{run.final_error:.10f}" == "0.0000351085"
    s.continue_from_last_run()
    w = run.network.weights[1]
    assert s.params.w5 == w[0, 0] and s.params.w8 == w[1, 1]
    # continuing: the next pass's error is below the 10,000th's
    assert s.trace.quantities["E_total"] < run.final_error


def test_update_biases_adds_bias_steps():
    s = ExampleModel()
    s.set_update_biases(True)
    assert "b1+" in s.trace.quantities and "dE/db2" in s.trace.quantities
    s.apply_update()
    assert s.params.b1 != 0.35 and s.params.b2 != 0.60


def test_reset_params_restores_the_published_example():
    s = ExampleModel(ExampleParams(w1=9.0))
    s.reset_params()
    assert s.params == ExampleParams()


# ---------------------------------------------------------------- many passes, carried out elsewhere
def test_a_passes_run_is_kept_only_while_the_starting_numbers_are_the_same():
    s = ExampleModel()
    request = s.passes_run(10)
    run = request()  # what the worker thread does
    s.set_param("w5", 0.3)
    assert not s.starts_from(request) and not s.take_run(request, run) and s.last_run is None
    s.set_param("w5", 0.4)  # back to the numbers it started from: its result fits again
    assert s.take_run(request, run) and s.last_run is run
    s.set_update_biases(True)
    assert not s.starts_from(request)


def test_continue_after_a_run_carried_out_elsewhere():
    s = ExampleModel()
    request = s.passes_run(10_000)
    assert s.take_run(request, request())
    s.continue_from_last_run()
    assert s.params.w5 == s.last_run.network.weights[1][0, 0]


def test_run_reports_progress_and_can_be_stopped_by_its_callback():
    from bpviz.engine.presets import RUN_PROGRESS_EVERY

    calls = []
    run = ExampleModel().passes_run(1_201)(lambda done, total: calls.append((done, total)))
    assert len(run.errors) == 1_201
    assert calls == [(RUN_PROGRESS_EVERY, 1_201), (2 * RUN_PROGRESS_EVERY, 1_201), (1_201, 1_201)]

    def stop(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ExampleModel().passes_run(100_000)(stop)
