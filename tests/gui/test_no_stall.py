"""The GUI thread never stalls (issue 11 "No stall", DESIGN.md rule 3): while each long job of the window runs,
a 20 ms heartbeat timer in the GUI thread keeps ticking. Short versions of tests/benchmarks/bench_gui_gaps.py
(which measures the full-size jobs); the bound, 250 ms, leaves room for a busy CI machine: on this machine the
largest gaps are a few tens of ms, and the same jobs in the GUI thread stalled it for 3.8 s, 2.8 s and 0.2 s."""

from __future__ import annotations

import pytest
from gui_gaps import check_gradients, largest_playground_frame, pages_shown, run_passes, train_warmup

from bpviz.gui.pages.example import ExamplePage
from bpviz.gui.pages.gradcheck import GradCheckPage
from bpviz.gui.pages.warmup import WarmupPage
from bpviz.models.playground import PlaygroundModel

BOUND_MS = 250


@pytest.fixture
def show_page(qtbot):
    with pages_shown(qtbot) as show:
        yield show


def test_many_passes_leave_the_gui_thread_free(qtbot, show_page):
    page = show_page(ExamplePage())
    beat = run_passes(page, 20_000)
    assert beat.ticks > 10
    gaps = [beat.largest_gap_ms]  # ~21 ms on an idle machine; 291 and 433 ms seen while another run shared the cores
    if gaps[0] >= BOUND_MS:  # once more: a moment of a busy machine is not a stall the app makes (a stall repeats)
        gaps.append(run_passes(page, 20_000).largest_gap_ms)
    assert min(gaps) < BOUND_MS, f"largest gaps {', '.join(f'{g:.0f}' for g in gaps)} ms"


def test_a_gradient_check_of_the_largest_network_leaves_the_gui_thread_free(qtbot, show_page):
    page = show_page(GradCheckPage(PlaygroundModel()))
    page.set_active(True)
    qtbot.waitUntil(lambda: not page.jobs.busy, timeout=10000)
    frame = largest_playground_frame(400)
    beat = check_gradients(page, 200, frame)
    assert page.problem.frame is frame and len(page.problem.X) == 200 and len(page.result.checks) == 300
    gaps = [beat.largest_gap_ms]
    if gaps[0] >= BOUND_MS:  # once more: a moment of a busy machine is not a stall the app makes (a stall repeats)
        gaps.append(check_gradients(page, 200, largest_playground_frame(400)).largest_gap_ms)
    assert min(gaps) < BOUND_MS, f"largest gaps {', '.join(f'{g:.0f}' for g in gaps)} ms"


def test_the_warmup_describes_its_pass_off_the_gui_thread(qtbot, show_page):
    page = show_page(WarmupPage())
    qtbot.waitUntil(lambda: page.lesson is not None, timeout=10000)
    beat = train_warmup(page, 20)
    assert page.frame.iteration == 0 and "with the initial weights" in page.card.text()
    assert beat.largest_gap_ms < BOUND_MS, f"largest gap {beat.largest_gap_ms:.0f} ms"
