"""Tiny observer callbacks for the models: plain Python, no Qt (the models must stay importable without it).

A model calls ``_notify(event, *args)``; whoever subscribed to that event is called at once, in the order they
subscribed, in the thread that changed the model (always the GUI thread in the window: the pages hand frames to
the models from their slots).
"""

from __future__ import annotations

from collections.abc import Callable


class Observable:
    EVENTS: tuple[str, ...] = ()

    def __init__(self):
        self._observers: dict[str, list[Callable]] = {event: [] for event in self.EVENTS}

    def subscribe(self, event: str, callback: Callable) -> Callable[[], None]:
        """Call ``callback`` on every ``event``; returns the function that stops it."""
        if event not in self._observers:
            raise ValueError(f"{type(self).__name__} has no event {event!r} (events: {', '.join(self.EVENTS)})")
        self._observers[event].append(callback)
        return lambda: self._unsubscribe(event, callback)

    def _unsubscribe(self, event: str, callback: Callable) -> None:
        if callback in self._observers[event]:
            self._observers[event].remove(callback)

    def _notify(self, event: str, *args) -> None:
        for callback in list(self._observers[event]):
            callback(*args)
