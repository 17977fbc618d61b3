"""Test set-up shared by every test: Qt offscreen when there is no display, one BLAS thread."""

import os

# Before anything imports Qt or NumPy (DESIGN.md "Testing", "Threading").
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
