"""The playground's own data: points drawn on the output panel, erased, cleared, imported from a CSV file, exported,
and the run written out as a Python script.

Wiring only. The data of a run is the frame's ``config.dataset`` (a DatasetSpec; drawn points make it a custom set
holding a bpviz.engine.points.PointSet). An edit makes a new PointSet from the latest one (a click does not wait for
the frame of the click before) and sends the spec to the training worker, which goes on training the same network
over it (``Trainer.set_dataset``); the settings panel shows the new spec. A generated set is taken as drawn, noise
included, at the first edit (its noise then starts at 0: it is in the points already). Importing a file or changing
the number of classes starts a new run (another problem); a file that is refused changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from bpviz.engine.datasets import CUSTOM, DatasetSpec
from bpviz.engine.points import MAX_POINTS, PointSet
from bpviz.gui import palette
from bpviz.gui.widgets.controls.draw_panel import DrawPanel
from bpviz.gui.widgets.plots.point_editor import REMOVE_RADIUS, PointEditor
from bpviz.training.frames import Frame


def class_colors(k: int) -> tuple[str, ...]:
    """The colours of k classes, as the output panel draws them."""
    colors = getattr(palette, "class_color", None)
    if colors is not None:
        return tuple(colors(i) for i in range(k))
    return tuple(palette.CLASS_COLORS.get(i, palette.NEUTRAL) for i in range(k))


class DataDrawing(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.panel = DrawPanel()
        self.editor = PointEditor(page.decision)
        self.panel.drawingToggled.connect(self._drawing_toggled)
        self.panel.clearRequested.connect(self.clear)
        self.editor.addRequested.connect(self.add)
        self.editor.removeRequested.connect(self.remove_near)
        self._points: PointSet | None = None  # the latest edit (the frames may not show it yet)
        self._run: int | None = None

    # ------------------------------------------------------------------ frames
    def take_frame(self, frame: Frame) -> None:
        if frame.generation != self._run:  # a new run (reset, settings, a file): its data is the truth again
            self._run = frame.generation
            self._points = None
        spec = frame.config.dataset
        rescaled = spec.points is not None and spec.points.rescaled
        mapping = spec.points.rescaling_formulas() if rescaled else ""
        self.panel.set_note(self.tr("Your file's points, rescaled into the view: {mapping}").format(mapping=mapping)
                            if rescaled else "")
        self.panel.set_regression(spec.is_regression)
        if not spec.is_regression:
            self.panel.set_classes(spec.class_names, class_colors(spec.n_classes))

    def points(self) -> PointSet | None:
        """The data as it now stands (the latest edit, else the frame's); None before the first frame or for a
        generated set too big to edit point by point."""
        if self._points is not None:
            return self._points
        frame = self.page.frame
        if frame is None:
            return None
        spec = frame.config.dataset
        if spec.points is not None:
            return spec.points
        if spec.n_samples > MAX_POINTS:
            return None
        return PointSet(frame.data.X, frame.data.y, spec.is_regression,
                        spec.class_names if not spec.is_regression else (), )

    # ------------------------------------------------------------------ edits
    @Slot(bool)
    def _drawing_toggled(self, on: bool) -> None:
        self.editor.set_active(on)
        if on:
            self.page.statusMessage.emit(self.tr("Drawing: click to add points, right-click to remove, Shift+drag to "
                                                 "brush"))

    @Slot(object)
    def add(self, positions) -> None:
        points = self._editable()
        if points is None:
            return
        label = self.panel.current_value() if points.regression else float(self.panel.current_class())
        if len(points) + len(positions) > MAX_POINTS:
            self.page.statusMessage.emit(self.tr("A drawn set holds at most {most} points: remove some first")
                                         .format(most=f"{MAX_POINTS:,}"))
            return
        self._send(points.with_points(positions, label))

    @Slot(float, float)
    def remove_near(self, x: float, y: float) -> None:
        points = self._editable()
        if points is None:
            return
        index = points.nearest(x, y)
        if index is None or ((points.X[index] - (x, y)) ** 2).sum() > REMOVE_RADIUS ** 2:
            self.page.statusMessage.emit(self.tr("No point near here to remove"))
            return
        self._send(points.without(index))

    @Slot()
    def clear(self) -> None:
        points = self._editable()
        if points is not None:
            self._send(points.cleared())
            self.page.statusMessage.emit(self.tr("Every point removed: draw new ones (Ctrl+D), or choose a data set"))

    def _editable(self) -> PointSet | None:
        points = self.points()
        if points is None and self.page.frame is not None:
            self.page.statusMessage.emit(self.tr("Drawing works on sets of up to {most} points: lower the number of "
                                                 "points first").format(most=f"{MAX_POINTS:,}"))
        return points

    def _send(self, points: PointSet) -> None:
        frame = self.page.frame
        if self.page.stepping.stepping:  # the pass was of the old points
            self.page.stepping.leave()
        shown = self.page.controls.config().dataset  # the noise and split shown, even if still settling
        if frame.config.dataset.points is not None:
            new = shown.with_points(points)
        else:  # the generated points, noise and all, become the user's: no noise on top of them
            new = DatasetSpec(CUSTOM, len(points), 0.0, shown.test_ratio, shown.seed, points=points)
        self._points = points
        self.page.set_data(new)

    @Slot()
    def make_own(self) -> None:
        """"Your data" chosen: the points shown become one's own (to draw on), and drawing is switched on."""
        points = self._editable()
        if points is None:
            self.page.controls.set_config(self.page.frame.config) if self.page.frame is not None else None
            return
        self._send(points)
        self.panel.set_drawing(True)

    def set_points(self, points: PointSet) -> None:
        """Other points altogether (an imported file): a new run on them, the settings kept where they fit."""
        frame = self.page.frame
        spec = frame.config.dataset if frame is not None else DatasetSpec()
        test_ratio = spec.test_ratio
        self._points = None
        self.page.reconfigure_data(DatasetSpec(CUSTOM, len(points), 0.0, test_ratio, spec.seed, points=points))
