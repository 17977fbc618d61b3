"""Drawing a large computation graph: the layout (plain Python) and the scene's items (the GUI thread).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_graph_view.py [--repeats 5]

Graphs: micrograd-like MLPs built by hand (tests/gui/test_graph_layout.py's ``mlp_graph``: 3 inputs, hidden
layers, one output, tanh written out) of about 30, 75 and 120 nodes (the most the window draws). Prints the
median of ``--repeats`` builds of each, split into the layout (``layout_large``) and the rest (the items), and,
for a reference in the same run, the time to evaluate the graph (forward and backward) in the engine. Budget
(DESIGN.md): a GUI event under 30 ms; a graph above ~50 nodes is over it (the scene has ~9 items per node).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "gui"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from test_graph_layout import mlp_graph

    import bpviz.gui.widgets.graph.drawing as drawing_module
    from bpviz.gui.widgets.graph.view import GraphView

    layout_times: list[float] = []
    original = drawing_module.layout_large

    def timed_layout(*a, **k):
        started = time.perf_counter()
        result = original(*a, **k)
        layout_times.append(time.perf_counter() - started)
        return result

    drawing_module.layout_large = timed_layout
    view = GraphView()
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    print(f"{'nodes':>6} {'build ms':>9} {'layout ms':>10} {'items ms':>9} {'evaluate ms':>12}")
    for hidden in ((2,), (4,), (4, 3)):
        graph = mlp_graph(3, hidden)
        evaluation = graph.evaluate()
        view.set_evaluation(evaluation)  # warm: the caption sizes are measured once per name
        builds, layouts, evaluations = [], [], []
        for _ in range(args.repeats):
            layout_times.clear()
            started = time.perf_counter()
            view.set_evaluation(evaluation)
            builds.append(time.perf_counter() - started)
            layouts.append(sum(layout_times))
            started = time.perf_counter()
            graph.evaluate()
            evaluations.append(time.perf_counter() - started)
        build, layout = statistics.median(builds) * 1e3, statistics.median(layouts) * 1e3
        print(f"{len(evaluation.nodes):>6} {build:>9.1f} {layout:>10.1f} {build - layout:>9.1f} "
              f"{statistics.median(evaluations) * 1e3:>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
