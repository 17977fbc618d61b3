"""Regression guard for the PySide6 6.12.0 crash on Python 3.11 (DESIGN.md, "Known pitfalls").

That release drops a reference to ``True`` on every signal emit; after a few thousand emits CPython aborts
with "Fatal Python error: bool_dealloc". pyproject.toml keeps 6.12.0 out; this test fails (instead of
crashing much later) if a binding with the leak is installed anyway.
"""

import sys

from PySide6.QtCore import QObject, Signal, Slot


class _Emitter(QObject):
    fired = Signal(bool, int)


class _Receiver(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    @Slot(bool, int)
    def on_fired(self, flag, n):
        self.count += 1


def test_many_signal_emits_do_not_leak_references_to_true(qapp):
    emitter, receiver = _Emitter(), _Receiver()
    emitter.fired.connect(receiver.on_fired)
    chunk, chunks = 100, 50
    before = sys.getrefcount(True)
    for k in range(chunks):
        for i in range(chunk):
            emitter.fired.emit(True, i)
        # Check after every chunk: a leaking binding would otherwise crash the interpreter (the refcount of
        # True is only a few hundred here) before any assertion could report it.
        lost = before - sys.getrefcount(True)
        assert lost < chunk // 2, f"refcount of True fell by {lost} after {(k + 1) * chunk} emits"
    assert receiver.count == chunk * chunks
