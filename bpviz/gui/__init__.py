"""Everything Qt. Widgets draw snapshots; the engine computes (bpviz.engine, bpviz.training)."""

import os

# pyqtgraph picks the Qt binding already imported, else tries PyQt6 first: make it PySide6 (DESIGN.md).
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
