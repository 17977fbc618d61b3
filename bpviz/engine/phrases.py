"""Text the Qt-free code composes, in a form the window can show in its own language.

The engine, the models and the file formats never import Qt, yet what they say (a file refused, a step's note, the
gradient check's summary, a parser's complaint) is shown in the window, which may speak Chinese. So they compose
their sentences as ``Phrase``s: a ``str`` holding the English text (what the CLI prints, what tests compare) that
also remembers its template and fields. The window renders a phrase again from the translated template
(``render``; bpviz.gui.i18n.localise).

Mark a template with ``QT_TRANSLATE_NOOP("Context", "template {field}")`` (pyside6-lupdate finds it by that name,
not by an alias, and only with the two literal arguments) and fill it with ``.format(field=value)``, named fields
only::

    raise DataFileError(QT_TRANSLATE_NOOP("DataFile", "line {line} has no label").format(line=line))

A field may be a phrase itself (translated too). ``+`` and ``join`` keep the parts; anything else done to a phrase
(an f-string, ``%``, ``str.join``, slicing) gives plain English text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

__all__ = ["Phrase", "QT_TRANSLATE_NOOP", "join", "phrase_of", "render"]

#: (context, English template) -> the template in another language (the same template when it has none)
Lookup = Callable[[str, str], str]


class Phrase(str):
    """English text (``str(phrase)``) made from ``template`` and ``fields``; ``context`` is the translation context
    (None: the template is glue, like the "{a}{b}" of a concatenation, and is never translated)."""

    context: str | None
    template: str
    fields: dict

    def __new__(cls, context: str | None, template: str, fields: dict | None = None) -> Phrase:
        fields = dict(fields or {})
        text = template.format(**fields) if fields else template
        self = super().__new__(cls, text)
        self.context, self.template, self.fields = context, template, fields
        return self

    def format(self, *args, **fields) -> Phrase:  # type: ignore[override]
        """The template filled with named ``fields`` (positional fields are not allowed: translations reorder)."""
        if args:
            raise TypeError("Phrase.format takes named fields only")
        return Phrase(self.context, self.template, fields)

    def __add__(self, other) -> Phrase:
        if not isinstance(other, str):
            return NotImplemented
        return Phrase(None, "{a}{b}", {"a": self, "b": other})

    def __radd__(self, other) -> Phrase:
        if not isinstance(other, str):
            return NotImplemented
        return Phrase(None, "{a}{b}", {"a": other, "b": self})

    def __reduce__(self):  # copy and pickle rebuild it from its parts (str's own would drop them)
        return Phrase, (self.context, self.template, self.fields)


def QT_TRANSLATE_NOOP(context: str, template: str) -> Phrase:  # noqa: N802 (the name lupdate looks for)
    """Marks ``template`` for lupdate under ``context``; ``.format(...)`` fills it."""
    return Phrase(context, template)


def join(separator: str, parts: Iterable[str]) -> Phrase:
    """``separator.join(parts)`` that keeps the phrases among ``parts`` (and a phrase ``separator``)."""
    parts = list(parts)
    names = [f"p{i}" for i in range(len(parts))]
    template = "{separator}".join("{" + name + "}" for name in names)
    return Phrase(None, template, {"separator": separator, **dict(zip(names, parts))})


def render(text, lookup: Lookup) -> str:
    """``text`` in the language of ``lookup``: a phrase from its translated template, its phrase fields rendered
    too; a plain string as it is. A translated template that cannot be filled (a translator's typo in a field
    name) falls back to the English one."""
    if not isinstance(text, Phrase):
        return str(text)
    fields = {k: render(v, lookup) if isinstance(v, Phrase) else v for k, v in text.fields.items()}
    template = lookup(text.context, text.template) if text.context else text.template
    if not text.fields:
        return template
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):
        return text.template.format(**fields)


def phrase_of(exc: BaseException) -> str:
    """What an exception says: its message as it was raised (a phrase stays a phrase), else ``str(exc)``."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Phrase):
        return exc.args[0]
    return str(exc)
