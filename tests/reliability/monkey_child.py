"""The monkey's child process: the real bpviz window under seeded random actions, every detector on.

Run by ``monkey.py --child`` (never directly): the parent has set the environment (offscreen Qt, a HOME and
settings of the run's own, one BLAS thread) and reads the events this writes (``monkey_events``).

The run: create the app and the window (1280x800, shown); set up (show every page once, start training, save
a good session through File > Save session as… for the odd-session mutants); then the actions, each drawn with
``random.Random`` seeded from ``random.Random(seed)`` (one draw per action: action k of a seed is the same
in any run of it, however long, where the window is in the same state; training makes the state drift a
little, so a few actions of a long run differ), each followed by a few ms of event loop (every 50th by
100-300 ms, while training runs) and by the answers to whatever it popped up. Memory is sampled at action 0,
every ``sample_every`` actions and at the end. Then the window is closed through its Quit action, deleted,
and the threads still alive are listed; the process exits normally (an abort at interpreter exit is a crash
the parent reports).
"""

from __future__ import annotations

import faulthandler
import gc
import heapq
import os
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

from monkey_actions import choose_action, plan_play
from monkey_detectors import (
    ExceptionRecorder,
    QtMessageRecorder,
    StallWatchdog,
    memory_sample,
    os_threads,
    raised_in_monkey,
    running_qthreads,
)
from monkey_events import HARNESS_FAILED, EventStream, Recorder
from monkey_faults import FaultInjector
from monkey_files import SESSION_SUFFIX, OddFiles
from monkey_pointer import ContextMenuTracker
from monkey_popups import PopupAnswerer, plain_text
from monkey_ui import Ui, is_quit, wait
from PySide6.QtCore import QEvent, QSettings, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

WINDOW_SIZE = (1280, 800)
SETTLE_MS = 3  # event loop after every action
LONG_SETTLE_EVERY, LONG_SETTLE_MS = 50, (100, 300)
QT_POOL_THREAD = "Thread (pooled)"
SCREEN_LIMIT = (2560, 1600)  # a window forced past this (or past the size asked) is oversized
LONG_TEXT = 1000  # characters


class Run:
    """One run's state: the window, the detectors and the running action's random generator."""

    def __init__(self, options, recorder: Recorder):
        self.options, self.recorder = options, recorder
        self.workdir = Path(options.workdir)
        self.rng = random.Random(options.seed)  # replaced by each action's own generator
        self.app = QApplication.instance()
        self.threads_at_start = os_threads()
        self.exceptions = ExceptionRecorder(recorder).install()
        self.qt_messages = QtMessageRecorder(recorder).install()
        self.files = OddFiles(self.workdir / "files", recorder, lambda: self.rng)
        self.files.patch()
        from bpviz.gui.main_window import MainWindow

        self.window = MainWindow()
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        self.ui = Ui(self.window)
        self.page_titles = self.ui.page_titles()
        self.popups = PopupAnswerer(self.window, recorder, lambda: self.rng, self.files.save_answer, is_quit,
                                    self.workdir)
        self.ui.context_menus = ContextMenuTracker(recorder)
        self.popups.menu_listeners.append(self.ui.context_menus.menu_shown)
        self.watchdog = StallWatchdog(recorder)
        self.faults = FaultInjector(os.environ.get("MONKEY_FAULTS", ""), self.window)
        self.by_kind, self.by_page, self.ms_by_kind = Counter(), Counter(), Counter()
        self.kinds_by_page = defaultdict(Counter)
        self.slowest: list[tuple[float, int, str]] = []  # a heap of the 10 slowest actions
        self.oversized = False
        self.previous_action = "set-up"
        self.last_long_text = "none"  # the last action that typed or pasted a long text (it may widen the window)

    # ------------------------------------------------------------------ the run
    def run(self) -> None:
        o = self.options
        self.recorder.stream.write("start", seed=o.seed, actions=o.actions, pid=os.getpid(),
                                   pages=self.page_titles)
        self.popups.start()
        self.watchdog.start()
        self.set_up()
        self.sample(0)
        master = random.Random(o.seed)
        started = time.monotonic()
        done = 0
        while done < o.actions:
            self.rng = random.Random(master.getrandbits(64))
            self.act(done)
            done += 1
            out_of_time = o.time_budget and time.monotonic() - started > o.time_budget
            if done % o.sample_every == 0 or done == o.actions or out_of_time:
                self.sample(done)
            if out_of_time:
                self.recorder.finding("out-of-time", f"stopped after {done} of {o.actions} actions: the time budget "
                                      f"of {o.time_budget:g} s is spent (the app is too slow: see its stalls)")
                break
        elapsed = time.monotonic() - started
        context_menus = self.ui.context_menus.report()
        self.recorder.begin(done, "quit", self.ui.page(), "quit through the window's Quit action")
        closed = self.quit()
        threads_left, qthreads = self.threads_left()
        self.recorder.stream.write("end", **self.statistics(done, elapsed, context_menus, closed, threads_left,
                                                            qthreads))

    def set_up(self) -> None:
        ui = self.ui
        self.recorder.begin(-1, "set-up", ui.page(), "set-up: show every page, start training, save a session")
        bar = ui.tabs.tabBar()
        for index in range(ui.tabs.count()):
            ui.click(bar, bar.tabRect(index).center())
            wait(100)
        play = plan_play(ui, self.rng)
        if play is not None:
            play.run()
            wait(300)
        save_as = [a for a in ui.actions() if re.fullmatch(r"save .*as\W*", plain_text(a.text()).lower())]
        template = self.workdir / "files" / f"template{SESSION_SUFFIX}"
        if save_as:
            self.files.force_next_save(template)
            save_as[0].trigger()
            wait(50)
        if template.exists():
            self.files.use_template(template)
        ui.click(bar, bar.tabRect(0).center())
        wait(50)

    def act(self, index: int) -> None:
        self.ui.give_focus_back()
        planned = choose_action(self.ui, self.rng)
        page = self.ui.page()
        self.recorder.begin(index, planned.kind, page, planned.what)
        self.faults.plant(index)
        self.app.processEvents()  # what is pending runs now, where every exception reaches the hook
        start = time.perf_counter()
        try:
            planned.run()
        except Exception as exc:
            if isinstance(exc, RuntimeError) and "already deleted" in str(exc):
                self.recorder.note("its widget was deleted meanwhile")  # the target went away: no finding
            elif raised_in_monkey(exc.__traceback__):
                raise
            else:  # the app's, re-raised by PySide into the input call (see monkey_ui's note)
                self.exceptions.record(type(exc), exc, exc.__traceback__)
        self.app.processEvents()
        ms = (time.perf_counter() - start) * 1000
        item = (ms, index, self.recorder.current.describe())
        (heapq.heappush if len(self.slowest) < 10 else heapq.heappushpop)(self.slowest, item)
        long_wait = (index + 1) % LONG_SETTLE_EVERY == 0
        wait(self.rng.randint(*LONG_SETTLE_MS) if long_wait else SETTLE_MS)
        self.popups.drain(wait)
        if planned.after is not None:
            planned.after()
        self.check_window_size()
        self.previous_action = self.recorder.current.describe()
        if planned.typed > LONG_TEXT:
            self.last_long_text = f"action {index}: {planned.what}"
        self.by_kind[planned.kind] += 1
        self.ms_by_kind[planned.kind] += round(ms)
        self.by_page[page] += 1
        self.kinds_by_page[page][planned.kind] += 1

    def check_window_size(self) -> None:
        size, asked = self.window.size(), self.ui.requested_size
        over = (size.width() > max(asked.width(), SCREEN_LIMIT[0])
                or size.height() > max(asked.height(), SCREEN_LIMIT[1]))
        if over and not self.oversized:
            hint = self.window.minimumSizeHint()
            self.recorder.finding("oversized-window",
                                  f"the window is {size.width()}x{size.height()} px (asked {asked.width()}x"
                                  f"{asked.height()}; its minimum size hint is {hint.width()}x{hint.height()})",
                                  details=f"seen after this action; the action before: {self.previous_action}; "
                                          f"the last long text typed: {self.last_long_text}")
        self.oversized = over

    def sample(self, action: int) -> None:
        self.recorder.stream.write("sample", action=action, **memory_sample(self.window))

    # ------------------------------------------------------------------ the end
    def quit(self) -> bool:
        quit_actions = [a for a in self.ui.actions() if is_quit(a)]
        if quit_actions:
            quit_actions[0].trigger()
        else:
            self.window.close()
        wait(200)
        closed = not self.window.isVisible()
        if not closed:
            self.window.close()
        self.popups.stop()
        self.watchdog.stop()
        self.window.deleteLater()
        del self.ui, self.window
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        self.app.processEvents()
        gc.collect()
        return closed

    def threads_left(self) -> tuple[dict, list]:
        """OS threads started since the app was created and still alive 3 s after the window closed, and the
        QThreads still running. Idle workers of Qt's own thread pools ("Thread (pooled)": Qt scales and
        converts big images in them; Qt ends them when the application object goes) are not counted."""
        QThreadPool.globalInstance().waitForDone(2000)
        deadline = time.monotonic() + 3.0
        while True:
            left = {tid: name for tid, name in os_threads().items()
                    if tid not in self.threads_at_start and name != QT_POOL_THREAD}
            if not left or time.monotonic() > deadline:
                break
            wait(100)
        qthreads = running_qthreads()
        for tid, name in left.items():
            self.recorder.finding("threads-left", f"OS thread {tid} '{name}' still alive after the window closed")
        for name in qthreads:
            self.recorder.finding("threads-left", f"QThread '{name}' still running after the window closed")
        return left, qthreads

    def statistics(self, done, elapsed, context_menus, closed, threads_left, qthreads) -> dict:
        longest_ms, longest_index, longest_what = self.watchdog.longest
        return {
            "actions_done": done, "elapsed_s": round(elapsed, 1),
            "by_kind": dict(self.by_kind), "by_page": dict(self.by_page), "ms_by_kind": dict(self.ms_by_kind),
            "kinds_by_page": {page: dict(kinds) for page, kinds in self.kinds_by_page.items()},
            "pages": self.page_titles, "message_boxes": dict(self.popups.message_boxes),
            "dialogs": dict(self.popups.dialogs), "other_windows": dict(self.popups.other_windows),
            "menus_shown": self.popups.menus_shown,
            "context_menus": context_menus,
            "slowest_actions": [{"ms": round(ms), "action": i, "what": what}
                                for ms, i, what in sorted(self.slowest, reverse=True)],
            "longest_stall": {"ms": round(longest_ms), "action": longest_index, "what": longest_what},
            "stalls_over_100ms": self.watchdog.stalls_over[100], "stalls_over_1s": self.watchdog.stalls_over[1000],
            "ignored_qt_messages": self.qt_messages.ignored, "window_closed_by_quit": closed,
            "threads_at_start": self.threads_at_start, "threads_left": threads_left, "qthreads_running": qthreads,
        }

    def finish(self) -> None:
        """Always, even after a failure of the monkey: close the window (its threads join), restore the hooks."""
        if hasattr(self, "window"):
            self.window.close()
        self.files.remove_big_file()
        self.qt_messages.uninstall()
        self.exceptions.uninstall()


def isolate_settings(folder: Path) -> None:
    """QSettings in the run's folder, never the user's (the parent also points XDG_CONFIG_HOME there)."""
    for settings_format in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(settings_format, QSettings.UserScope, str(folder))


def main(options) -> int:
    faulthandler.enable(all_threads=True)  # a crash prints every thread's stack on stderr
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # the parent asks for the stacks of a hung run
    stream = EventStream(options.events)
    recorder = Recorder(stream)
    run = None
    try:
        from bpviz.gui import i18n
        from bpviz.gui.app import create_app

        app = create_app(["bpviz-monkey"])
        i18n.install(app, getattr(options, "lang", "en"))  # before the window is built, as bpviz gui --lang does
        isolate_settings(Path(options.workdir) / "settings")
        run = Run(options, recorder)
        run.run()
    except Exception as exc:  # noqa: BLE001 - the run cannot go on: say why (the monkey's fault or the app's)
        kind = "harness-error" if raised_in_monkey(exc.__traceback__) else "exception"
        recorder.finding(kind, f"{type(exc).__name__}: {exc}"[:500], details=traceback.format_exc())
        return HARNESS_FAILED
    finally:
        if run is not None:
            run.finish()
        stream.close()
        sys.stdout.flush()
    return 0
