"""The loss landscape and the parameter trajectories in a Chinese window (issue 17): the words the Qt-free code and
the workers compose (the map's title, axis names, colour bar, path label and note; the refusals of
bpviz.engine.landscape; a failed trajectory run) show in Chinese, read from the real widgets; in English they are
what they were (the CLI's pictures, the other tests)."""

from __future__ import annotations

import numpy as np
import pytest
from chinese_text import untranslated, widget_texts

from bpviz.engine import landscape as engine
from bpviz.engine.phrases import Phrase
from bpviz.engine.presets import ExampleParams
from bpviz.gui import i18n
from bpviz.gui.workers.landscape import VALUE_NAMES, ExampleRequest, PlaneRequest, recorded_trajectory

WAIT_MS = 20000


def map_texts(page, where: str) -> list[tuple[str, str]]:
    """What the map and the page say about it: the plot's title, axes, colour bar and legend, the note under it,
    the message beside it and the status bar's figures."""
    item = page.map.plot.getPlotItem()
    texts = [(f"{where} title", item.titleLabel.text),
             (f"{where} x axis", item.getAxis("bottom").labelText),
             (f"{where} y axis", item.getAxis("left").labelText),
             (f"{where} colour bar", page.map.bar.getAxis("left").labelText),
             (f"{where} legend", page.map.legend.text),
             (f"{where} note", page.note.message),
             (f"{where} message", page.message.message),
             (f"{where} status", page.status_text())]
    return texts + [(f"{where} {w}", t) for w, t in widget_texts(page)]


def shown(qtbot, page, start):
    with qtbot.waitSignal(page.mapShown, timeout=WAIT_MS):
        start()
    return page.map.loss_map


def failed(qtbot, page, start) -> str:
    with qtbot.waitSignal(page.mapFailed, timeout=WAIT_MS) as signal:
        start()
    return signal.args[0]


def test_the_worked_examples_landscape_is_chinese(zh_window, qtbot):
    """Several pairs of axes, a log colour scale, the path of 1,000 passes (leaving the map, then inside it), a
    click on the map, and a refusal (E_total too large for a float64), all in Chinese."""
    w = zh_window
    page = w.page("landscape")
    said = []
    page.statusMessage.connect(said.append)
    with qtbot.waitSignal(w.example.runEnded, timeout=WAIT_MS):
        w.example.run_passes(1000)
    shown(qtbot, page, lambda: w.show_page("landscape"))
    loss_map = page.map.loss_map
    assert loss_map.title == "E_total over w5 and w1 (every other number fixed)"  # English underneath
    assert loss_map.path_label == "path of 1,000 passes (η = 0.5)" and "leaves the map" in loss_map.note
    texts = map_texts(page, "w5, w1 with a path")
    title = page.map.plot.getPlotItem().titleLabel.text
    assert "E_total 随 w5 和 w1 的变化" in title and "1,000 次传播的路径" in page.map.legend.text
    assert "路径超出了地图" in page.note.message
    shown(qtbot, page, lambda: page.example_controls.span.setValue(4.0))
    texts += map_texts(page, "the path inside")
    for axes in (("w1", "b1"), ("w8", "w3"), ("b2", "w7")):
        shown(qtbot, page, lambda a=axes: page.example_controls.set_axes(*a))
        texts += map_texts(page, f"{axes}")
    shown(qtbot, page, lambda: page.example_controls.span.setValue(20.0))  # E_total over decades
    assert page.map.scale.log and "对数色标" in page.map.bar.getAxis("left").labelText
    texts += map_texts(page, "log scale")
    land = page.map.loss_map.landscape
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    shown(qtbot, page, lambda: QTest.mouseClick(page.map.plot.viewport(), Qt.LeftButton, Qt.NoModifier,
                                                page.map.viewport_position(land.x[40], land.y[20])))
    texts += map_texts(page, "after a click")
    w.example.model.set_param("t1", 1e300)  # ½(t − out)² overflows
    words = failed(qtbot, page, page.compute)
    assert words.startswith("在网格的某些点上") and words.endswith("。") and words == page.message.message
    texts += map_texts(page, "refused") + [("refusal", words)] + [("status message", s) for s in said]
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)


def test_the_playgrounds_landscape_is_chinese(zh_window, qtbot):
    """The plane of the playground's network: the refusal of principal directions before training, random
    directions (two seeds), then principal directions once it has trained a few steps."""
    w = zh_window
    page = w.page("landscape")
    said = []
    page.statusMessage.connect(said.append)
    w.show_page("playground")
    qtbot.waitUntil(lambda: w.playground.frame is not None, timeout=5000)
    w.show_page("landscape")
    texts = []
    shown(qtbot, page, lambda: page.show_source("playground"))
    assert page.map.loss_map.axis_names[0] == "direction 1 (random, seed 0)"
    assert page.map.plot.getPlotItem().getAxis("bottom").labelText == "方向 1（随机，随机种子 0）"
    texts += map_texts(page, "random, untrained")
    words = failed(qtbot, page, lambda: page.plane_controls.set_direction_kind("pca"))
    assert words.startswith("还没有主方向：求主方向至少需要 3 个记录下来的点") and words.endswith("。")
    assert words == page.message.message == said[-1]
    texts += map_texts(page, "no principal directions yet") + [("refusal", words)]
    w.show_page("playground")
    for _ in range(5):
        with qtbot.waitSignal(w.playground.frameShown, timeout=5000):
            w.playground.step_action.trigger()
    page.plane_controls.set_direction_kind("random")
    shown(qtbot, page, lambda: w.show_page("landscape"))
    texts += map_texts(page, "random, trained")
    shown(qtbot, page, lambda: page.plane_controls.seed.setValue(7))
    texts += map_texts(page, "random, seed 7")
    loss_map = shown(qtbot, page, lambda: page.plane_controls.set_direction_kind("pca"))
    assert loss_map.axis_names[0].startswith("PC1 (") and "的变化" not in loss_map.title
    assert "占路径方差的" in page.map.plot.getPlotItem().getAxis("bottom").labelText
    assert "轨迹（记录的" in page.map.legend.text
    texts += map_texts(page, "principal directions") + [("status message", s) for s in said]
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)


def test_every_note_and_label_of_the_workers_maps_is_chinese(chinese):
    """The notes the page shows only in rarer cases (a run from other numbers, a diverged run, a sampled or
    overflowing plane), the singular path label and every loss's name, rendered as the page renders them."""
    from bpviz.engine.datasets import DatasetSpec
    from bpviz.engine.trajectories import TrajectoryRecorder
    from bpviz.training import TrainConfig, Trainer

    p = ExampleParams()
    path = engine.example_path(p, ("w5", "w1"), 3)
    maps = [ExampleRequest(p, ("w5", "w1"), 2.0, 11, 3, False, path, (9.0, 9.0))(),  # other numbers
            ExampleRequest(p, ("w5", "w1"), 2.0, 11, 1)(),  # one pass (no note)
            ExampleRequest(p, ("w5", "w1"), 2.0, 11, 0)(),  # none
            ExampleRequest(p, ("w5", "w1"), 0.01, 11, 3, False, np.vstack([path[:2], [np.inf, 0.0]]))()]  # diverged
    assert [m.note.split(":")[0] for m in maps] == ["The last run of 3 passes started from other numbers",
                                                    "", "No passes run from these numbers yet",
                                                    "The run diverged at pass 3"]
    assert maps[1].path_label == "path of 1 pass (η = 0.5)"
    for loss, data in (("bce", DatasetSpec(n_samples=5000)), ("half_sse", DatasetSpec("plane", n_samples=60)),
                       ("softmax_ce", DatasetSpec("spiral", n_samples=60, classes=3))):
        config = TrainConfig(dataset=DatasetSpec(n_samples=60)).for_data(data)
        assert config.loss == loss
        trainer = Trainer(config)
        recorder = TrajectoryRecorder(config.sizes)
        for _ in range(4):
            recorder.add_snapshot(trainer.snapshot())
            trainer.run_steps(5)
        net = config.make_network()
        net.weights = [w.copy() for w in trainer.snapshot().weights]
        net.biases = [b.copy() for b in trainer.snapshot().biases]
        request = PlaneRequest(net, tuple(config.features), config.loss, config.n_classes, trainer.data.X_train,
                               trainer.data.y_train, recorded_trajectory(recorder), "pca", 0, 1e200, 11, 15)
        maps.append(request())
    assert "random sample of 2,000" in maps[4].note and "too large for a float64" in maps[5].note
    texts = []
    for m in maps:
        texts += [("title", i18n.localise(m.title)), ("value", i18n.localise(m.value_name)),
                  ("label", i18n.localise(m.path_label)), ("note", i18n.localise(m.note)),
                  *(("axis", i18n.localise(a)) for a in m.axis_names)]
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert i18n.localise(maps[4].note).startswith("为了让地图算得快，损失是在 2,500 个训练点中随机抽取的 2,000")


def refusals() -> list[Exception]:
    """Every refusal of bpviz.engine.landscape and of the worker that a page can show."""
    caught = []

    def catch(call, *args):
        with pytest.raises(ValueError) as info:
            call(*args)
        caught.append(info.value)

    catch(engine.grid_offsets, -1.0, 11)
    catch(engine.grid_offsets, 1.0, 1)
    catch(engine.pca_directions, np.zeros((2, 4)))
    catch(engine.pca_directions, np.arange(4.0).reshape(4, 1))
    catch(engine.pca_directions, np.array([[0.0, 1.0], [np.nan, 1.0], [1.0, 2.0]]))
    catch(engine.pca_directions, np.ones((5, 3)))
    catch(engine.project, np.ones((2, 2)), np.zeros(2), np.array([1.0, 0.0]), np.array([2.0, 0.0]))
    catch(engine.check_example_axes, "w5")
    catch(engine.check_example_axes, ("w5", "w9"))
    catch(engine.check_example_axes, ("w5", "w5"))
    catch(engine.example_landscape, ExampleParams(t1=1e300), ("w5", "w1"), 2.0, 5)
    catch(engine.example_landscape, ExampleParams(w5=1.7e308), ("w5", "w1"), 1e308, 5)
    catch(engine.example_path, ExampleParams(), ("w5", "w1"), -1)
    return caught


def test_the_refusals_of_the_landscape_are_chinese_and_unchanged_in_english(chinese):
    from bpviz.engine.trajectories import TrajectoryRecorder
    from bpviz.training import TrainConfig, Trainer

    caught = refusals()
    assert [str(e) for e in caught] == [
        "the span must be a finite number > 0, got -1.0",
        "the number of steps must be a whole number from 2 to 401, got 1",
        "the principal directions need at least 3 recorded points, got 2",
        "the principal directions need at least 2 parameters",
        "the trajectory holds a value that is not a finite number (did the run diverge?)",
        "the trajectory does not move: its points are all the same, so it has no directions",
        "the two directions do not span a plane (one is zero or they are parallel)",
        "expected two parameter names such as w5,w1 (any two of w1 w2 w3 w4 w5 w6 w7 w8 b1 b2), got 'w5'",
        "unknown parameter 'w9': choose two of w1 w2 w3 w4 w5 w6 w7 w8 b1 b2",
        "the two axes must be different parameters, got w5 twice",
        "E_total is too large for a float64 (overflow) at some points of the grid: use a smaller span or smaller "
        "starting numbers",
        "the span 1e+308 takes w5 or w1 beyond the largest float64",
        "the number of passes must be a whole number >= 0, got -1",
    ]
    trainer = Trainer(TrainConfig())
    net = trainer.config.make_network()
    for w in net.weights:
        w[:] = 0.0
    recorder = TrajectoryRecorder(trainer.config.sizes, names=["w1"])
    for call in (PlaneRequest(net, ("x1", "x2"), "bce", 2, np.zeros((0, 2)), np.zeros(0), np.zeros((0, 9))),
                 PlaneRequest(net, ("x1", "x2"), "bce", 2, trainer.data.X_train, trainer.data.y_train,
                              np.zeros((0, 9))),
                 PlaneRequest(net, ("x1", "x2"), "bce", 2, trainer.data.X_train, trainer.data.y_train,
                              np.zeros((1, net.get_parameters().size)), "pca"),
                 lambda: recorded_trajectory(recorder)):
        with pytest.raises(ValueError) as info:
            call()
        caught.append(info.value)
    assert [str(e) for e in caught[-4:]] == [
        "the playground has no training points to measure the loss on: draw some first",
        "every weight of the network is 0: random filter-normalised directions are 0 too",
        "no principal directions yet: the principal directions need at least 3 recorded points, got 1. Train a "
        "few steps, or choose random directions",
        "the recorder does not hold every parameter of the network"]
    assert all(isinstance(e.args[0], Phrase) for e in caught)
    shown = [i18n.localise(e) for e in caught]
    problems = untranslated(("refusal", s) for s in shown)
    assert not problems, "\n".join(problems)
    assert shown[-2] == "还没有主方向：求主方向至少需要 3 个记录下来的点，现在只有 1 个。请先训练几步，或者选择随机方向"


def test_the_english_words_are_what_they_were():
    """The templates give the English of the f-strings they replaced (the CLI's pictures and other tests read
    them)."""
    from bpviz.training import LOSS_WORDS

    assert {k: str(v) for k, v in VALUE_NAMES.items()} == {k: f"training loss ({v})" for k, v in LOSS_WORDS.items()}
    p = ExampleParams()
    loss_map = ExampleRequest(p, ("w5", "w1"), 0.5, 11, 2000)()
    assert loss_map.title == "E_total over w5 and w1 (every other number fixed)"
    assert loss_map.path_label == "path of 2,000 passes (η = 0.5)"
    assert loss_map.note == "The path leaves the map: a wider span shows all of it."
    assert i18n.localise(loss_map.note) == loss_map.note  # an English window: as it is


def test_the_trajectories_pages_messages_are_chinese(zh_window, qtbot, monkeypatch):
    """The single neuron run three ways: its messages after a run, a diverged run and a run that fails in the
    worker (words sent from the worker thread, in Chinese)."""
    from bpviz.gui.workers import neuron_runs

    w = zh_window
    page = w.page("trajectories")
    said = []
    page.statusMessage.connect(said.append)
    w.show_page("trajectories")
    view = page.neuron
    qtbot.waitUntil(lambda: view.result is not None and view.grid.is_built, timeout=WAIT_MS)
    texts = [("after a run", view.message.text())]
    view.lr.setValue(10.0)
    with qtbot.waitSignal(view.resultShown, timeout=WAIT_MS):
        view.run()
    assert any(t.diverged_at for t in view.result.runs.values())
    texts += [("diverged", view.message.text())]
    for problem in (MemoryError(), refusals()[2]):  # a phrase of the engine's
        def fail(config, progress=None, problem=problem):
            raise problem

        monkeypatch.setattr(neuron_runs, "run_neuron_modes", fail)
        view.epochs.setValue(view.epochs.value() + 1)
        with qtbot.waitSignal(view._runner.failed, timeout=WAIT_MS):
            view.run()
        qtbot.waitUntil(lambda: "运行失败" in view.message.text(), timeout=WAIT_MS)
        texts += [("failed", view.message.text())]
        view.message.setText("")
    texts += [(f"{w_}", t) for w_, t in widget_texts(page)] + [("status", s) for s in said]
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "内存不足" in texts[2][1] and "求主方向至少需要 3 个" in texts[3][1]
