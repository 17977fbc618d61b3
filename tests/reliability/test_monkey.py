"""The seeded random-action ("monkey") test of the real window, short version (issue 11).

A few fixed seeds of a few hundred actions each, about two minutes in all on a 2-core machine (monkey.py runs
the long ones: ``python tests/reliability/monkey.py --actions 10000 --seed N``). Each property is its own test,
so that a failure says which one broke; its message lists the findings with the (seed, action) that reproduces
each. The run must also have reached every page and every kind of action: it cannot pass by doing nothing.

The self-test plants faults in the monkey's own child process (an exception in a slot and in a thread, a Qt
warning, a 3.5 s stall, leaked dialogs, a QThread never joined, a segfault, a frozen GUI thread) and checks
that each is reported, at the right action.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from monkey import run_seed
from monkey_actions import KINDS
from monkey_report import format_findings, format_run_details

pytestmark = [pytest.mark.reliability, pytest.mark.timeout(600)]

SEEDS = (1, 2, 3)
ACTIONS = 470  # ~45 s a seed here (seven pages: 400 left seed 3 with 4 Plays); the long runs are monkey.py's
TIME_BUDGET_S = 150  # per seed: a slow app fails the test, not the suite
SAMPLE_EVERY = 100
RSS_GROWTH_LIMIT_MB = 50  # from action 100 (every page built, training on) to the end
MIN_ACTIONS_PER_PAGE = 5  # a short run of 470 actions visits each page 7 to 100 times
MIN_ACTIONS_PER_KIND = 5


@pytest.fixture(scope="module", params=SEEDS, ids=lambda seed: f"seed{seed}")
def report(request, tmp_path_factory):
    """One run per seed, shared by that seed's tests. Runs go one at a time: each child trains flat out on one
    core while its GUI thread acts on the other; two children at once on a 2-core machine would measure the
    CPU they take from each other, not the app's stalls."""
    return run_seed(request.param, ACTIONS, workdir=tmp_path_factory.mktemp("monkey"), sample_every=SAMPLE_EVERY,
                    time_budget_s=TIME_BUDGET_S)


def explain(report, kinds) -> str:
    return f"\n{report.summary()}\n\n{format_findings([report], kinds)}"


def test_no_uncaught_exception(report):
    assert len(report.exceptions) == 0, explain(report, ("exception", "traceback-on-stderr"))


def test_no_qt_warning(report):
    assert len(report.of_kind("qt-message")) == 0, explain(report, ("qt-message",))


def test_no_stall_over_one_second(report):
    assert len(report.long_stalls) == 0, explain(report, ("stall", "stall-dump"))


def test_no_crash_and_no_hang(report):
    assert len(report.crashes) == 0, explain(report, ("crash", "hang"))


def test_no_thread_left_after_closing(report):
    assert len(report.of_kind("threads-left")) == 0, explain(report, ("threads-left",))


def test_memory_and_dialogs_do_not_grow(report):
    start, end = report.sample_at(SAMPLE_EVERY), report.samples[-1] if report.samples else None
    assert start and end, f"no memory samples at action {SAMPLE_EVERY} and after:\n{report.summary()}"
    problems = []
    # A leak grows for good; a big picture or a 4K-sized window takes memory for a moment. The low-water mark of
    # the last samples tells the two apart.
    growth = min(s["rss_mb"] for s in report.samples[-2:]) - start["rss_mb"]
    if growth > RSS_GROWTH_LIMIT_MB:
        problems.append(f"RSS grew by {growth:.0f} MB between actions {SAMPLE_EVERY} and {end['action']} "
                        f"(limit {RSS_GROWTH_LIMIT_MB} MB)")
    if end["dialogs_alive"]:  # every dialog was closed by then; a closed dialog must be deleted
        problems.append(f"{end['dialogs_alive']} closed dialogs still alive at action {end['action']}")
    assert not problems, "\n".join(problems) + "\n\n" + format_run_details(report)


def test_typed_text_never_widens_the_window(report):
    assert len(report.of_kind("oversized-window")) == 0, explain(report, ("oversized-window",))


def test_promised_context_menus_appear(report):
    assert len(report.of_kind("context-menu-missing")) == 0, explain(report, ("context-menu-missing",))


def test_the_run_reached_every_page_and_every_kind_of_action(report):
    """The monkey did its job: otherwise the tests above would pass by doing nothing."""
    problems = [f"{f['kind']}: {f['message']}" for f in report.of_kind("harness-error", "out-of-time")]
    end = report.end
    assert end is not None, f"the run did not end ({report.actions_done} actions)\n" + "\n".join(problems)
    problems += [f"{end['by_page'].get(page, 0)} actions on the page '{page}'"
                 for page in end["pages"] if end["by_page"].get(page, 0) < MIN_ACTIONS_PER_PAGE]
    problems += [f"{end['by_kind'].get(kind, 0)} actions of the kind '{kind}'"
                 for kind in KINDS if end["by_kind"].get(kind, 0) < MIN_ACTIONS_PER_KIND]
    if not end["message_boxes"] or not end["dialogs"] or not end["menus_shown"]:
        problems.append("no message box, dialog or menu was answered")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------------- self-test
PLANTED = "slot-exception@2,thread-exception@3,qt-warning@4,gui-stall@5,leak-dialogs@6,unjoined-qthread@8"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """Three short runs with faults planted: most faults in one, a segfault, a GUI thread that never returns."""
    folder = tmp_path_factory.mktemp("monkey-self-test")
    runs = {"many": {"faults": PLANTED}, "segfault": {"faults": "segfault@7"},
            "freeze": {"faults": "gui-freeze@4", "hang_after_s": 20}}  # start-up alone takes seconds on a busy machine
    with ThreadPoolExecutor(max_workers=len(runs)) as pool:
        futures = {name: pool.submit(run_seed, 5, 15, workdir=folder / name, **options)
                   for name, options in runs.items()}
        return {name: future.result() for name, future in futures.items()}


def only(report, kind, text=""):
    found = [f for f in report.of_kind(kind) if text in f["message"] + f.get("details", "")]
    assert found, f"no {kind} finding with {text!r}:\n{format_findings([report])}"
    return found[0]


def test_self_test_exceptions_in_a_slot_and_in_a_thread_are_caught(planted):
    assert only(planted["many"], "exception", "exception in a slot")["action"] == 2
    assert only(planted["many"], "exception", "exception in a Python thread")["action"] in (3, 4)


def test_self_test_qt_warnings_are_caught(planted):
    assert only(planted["many"], "qt-message", "injected fault: a Qt warning")["action"] == 4


def test_self_test_a_stall_is_measured_and_dumped(planted):
    report = planted["many"]
    assert 5 in [f["action"] for f in report.long_stalls], format_findings([report], ("stall", "stall-dump"))
    assert only(report, "stall-dump", "block_gui_thread")["action"] == 5


def test_self_test_leaked_dialogs_show_as_a_growing_count(planted):
    samples = planted["many"].samples
    assert samples[-1]["dialogs_alive"] - samples[0]["dialogs_alive"] >= 15 - 6


def test_self_test_a_thread_left_running_is_found_and_its_abort_at_exit_is_a_crash(planted):
    report = planted["many"]
    only(report, "threads-left", "injected-unjoined-thread")
    assert "at interpreter exit" in only(report, "crash", "QThread: Destroyed while thread")["message"]


def test_self_test_a_segfault_is_a_crash_at_its_action(planted):
    crash = only(planted["segfault"], "crash", "SIGSEGV")
    assert crash["action"] == 7 and "Segmentation fault" in crash["details"]


def test_self_test_a_frozen_gui_thread_is_a_hang_with_every_stack(planted):
    report = planted["freeze"]
    hang = only(report, "hang")
    assert hang["action"] == 4, format_findings([report], ("hang",))
    assert "freeze_gui_thread" in hang["details"], f"the GUI thread's stack is missing:\n{hang['details']}"
    assert only(report, "stall-dump", "freeze_gui_thread")["action"] == 4
