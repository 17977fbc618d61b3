"""Test set-up shared by every test: Qt offscreen when there is no display, one BLAS thread, and a watchdog that
ends a hung test even when no Python thread can run."""

import faulthandler
import os
import sys

import pytest

# Before anything imports Qt or NumPy (DESIGN.md "Testing", "Threading").
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# pytest-timeout (300 s, pyproject.toml) needs a Python thread to fire; a deadlock over the GIL (a worker thread
# waiting for it inside a Qt destructor while the GUI thread holds it, waiting for Qt) stops that thread too.
# faulthandler's watchdog is a C thread: it prints every thread's stack and exits the run.
HANG_LIMIT_S = 330


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    faulthandler.dump_traceback_later(HANG_LIMIT_S, exit=True, file=sys.stderr)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
