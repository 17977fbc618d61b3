"""Random session documents for the fuzz tests (tests/engine/test_session.py, tests/gui/test_sessions.py).

Each document is a valid session with one or a few damages: a value of the wrong type (true where a number
belongs, a list where a name belongs), a number that is huge, negative, tiny, NaN or Infinity, a key removed or
added, a deep nesting, or the text cut short or altered. Seeded: ``documents(seed, n)`` always gives the same
texts, so a failure names the document that made it.
"""

from __future__ import annotations

import copy
import json
import random

ODD_VALUES = [
    True, False, None, 0, -1, 1, 0.5, -0.0, 1e-320, 1e308, -1e308, 2**31 - 1, 2**31, 2**53 + 1, 2**63, 10**30,
    10**400, -(10**400), "", "x", "tanh", "bce", "circle", "x1", "x" * 5000, [], [0], [True], ["x"], [[1.5]],
    {}, {"a": 1}, [1] * 20, list(range(100)),
]
TEXT_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1" + "0" * 5000, "4.9e-324", "-0"]


def _paths(node, prefix=()):
    """Every place in the document: (path to the container, key or index)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield prefix, key
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node[:6]):  # a few items of long lists are enough
            yield prefix, i
            yield from _paths(value, prefix + (i,))


def _at(node, path):
    for key in path:
        node = node[key]
    return node


def _deep(rng: random.Random):
    depth = rng.choice([3, 50, 900, 5000])
    return json.loads("[" * depth + "]" * depth) if depth < 900 else "DEEP" + str(depth)


def _odd_value(rng: random.Random, old):
    kind = rng.random()
    if kind < 0.5:
        return copy.deepcopy(rng.choice(ODD_VALUES))
    if kind < 0.75 and isinstance(old, (int, float)) and not isinstance(old, bool):
        return rng.choice([-old, old * 10 ** rng.randint(1, 40), old + 0.5, str(old), [old], float(old) / 3])
    if kind < 0.85:
        return _deep(rng)
    return "NUMBER" + str(rng.randrange(len(TEXT_NUMBERS)))  # replaced by a literal in the text


def _damage(rng: random.Random, data) -> None:
    places = list(_paths(data))
    container_path, key = rng.choice(places)
    container = _at(data, container_path)
    action = rng.random()
    if action < 0.6:
        container[key] = _odd_value(rng, container[key])
    elif action < 0.75:
        del container[key]
    elif action < 0.85 and isinstance(container, dict):
        container[rng.choice(["extra", "histroy", "x" * 300, "seed", "1"])] = _odd_value(rng, None)
    elif isinstance(container, list):
        container.append(copy.deepcopy(container[key]) if rng.random() < 0.5 else _odd_value(rng, None))
    else:
        container[key] = copy.deepcopy(data)  # a session inside itself


def _text(rng: random.Random, data) -> str:
    text = json.dumps(data, indent=rng.choice([None, 1]))
    for k, literal in enumerate(TEXT_NUMBERS):
        text = text.replace(f'"NUMBER{k}"', literal)
    while '"DEEP' in text:
        start = text.index('"DEEP')
        end = text.index('"', start + 1)
        depth = int(text[start + 5:end])
        text = text[:start] + "[" * depth + "]" * depth + text[end + 1:]
    cut = rng.random()
    if cut < 0.08:
        text = text[: rng.randrange(len(text))]
    elif cut < 0.14:
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice(["", "x", "}", "]", ",", '"', "\\", "\x00", "é", " ", "-"]) + text[at + 1:]
    return text


def documents(valid: dict, seed: int, n: int):
    """``n`` damaged copies of the session ``valid`` (its JSON data), as texts."""
    rng = random.Random(seed)
    for _ in range(n):
        data = copy.deepcopy(valid)
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            _damage(rng, data)
        yield _text(rng, data)
