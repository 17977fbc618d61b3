"""The gradient check's verdicts in words and colours (plain data, no Qt): one per parameter, one for all, the
legend, and how the check works.

Thresholds (``AGREE`` = 1e-7, ``DISAGREE`` = 1e-4, defined once in bpviz.engine.gradcheck and read from there by
the CLI, this module, the page and its plot): a correct backward checked with fourth-order central differences
(h = 1e-3) lands far below 1e-7; between 1e-7 and 1e-4 something is slightly off (a term scaled wrongly, a
float32 somewhere); above 1e-4 the gradient is wrong. Kinks (a ReLU input, or an L1 weight, crossing 0 inside the
stencil) and differences below the finite difference's own rounding error cannot be judged and count as agreement
(engine.gradcheck).
"""

from __future__ import annotations

from bpviz.engine.broken_backward import Fault, name_ranges
from bpviz.engine.gradcheck import AGREE, DISAGREE, GradCheckResult, ParamCheck

__all__ = ["AGREE", "BAR_COLORS", "DISAGREE", "DOUBTFUL", "FAIL", "HOW_IT_WORKS", "PASS", "SUMMARY_COLORS", "VERDICTS",
           "describe_parameters", "explain", "fault_note", "format_error", "legend", "summary", "threshold_text",
           "verdict"]

# verdict -> (word in the table, background colour behind dark text)
VERDICTS = {
    "agree": ("agrees", "#d9f2df"),
    "close": ("doubtful", "#fff0bf"),
    "disagree": ("DISAGREES", "#f8d2d0"),
    "kink": ("kink", "#e6e6e6"),
    "noise": ("within rounding", "#e6e6e6"),
}
BAR_COLORS = {"agree": "#2e9e4f", "close": "#e0a100", "disagree": "#c62828", "kink": "#a0a0a0", "noise": "#a0a0a0"}
PASS, DOUBTFUL, FAIL = "pass", "doubtful", "fail"
# the summary's state (and "info": no check to sum up) -> (border, background) of its box
SUMMARY_COLORS = {PASS: ("#2e9e4f", VERDICTS["agree"][1]), DOUBTFUL: ("#e0a100", VERDICTS["close"][1]),
                  FAIL: ("#c62828", VERDICTS["disagree"][1]), "info": ("#b8c2cc", "#eef1f4")}
HOW_IT_WORKS = (
    "Backprop gives every ∂E/∂p in one backward pass. The numerical derivative needs no backward at all: nudge "
    "one parameter p by ±h and ±2h (h = 0.001), evaluate the loss each time, and take<br>"
    "&nbsp;&nbsp;∂E/∂p ≈ [E(p−2h) − 8E(p−h)<br>"
    "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;+ 8E(p+h) − E(p+2h)] / 12h<br>"
    "It is slow (four forward passes per parameter) but hard to get wrong, so it checks the backward (seed 004). "
    "Relative error = |backprop − numerical| / max(|backprop|, |numerical|)."
)


def threshold_text(value: float) -> str:
    """A threshold as people write it: 1e-7, not 1e-07."""
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def legend() -> str:
    """The verdicts' colours and thresholds, one line each (rich text)."""
    agree, disagree = threshold_text(AGREE), threshold_text(DISAGREE)
    rows = (("agree", f"below {agree}: agrees"), ("close", f"{agree} to {disagree}: doubtful"),
            ("disagree", f"{disagree} and above: wrong"), ("kink", "not comparable: a ReLU kink, or within rounding"))
    return "<br>".join(f"<span style='color:{BAR_COLORS[v]}'>■</span>&nbsp;{text}" for v, text in rows)


def verdict(check: ParamCheck) -> str:
    """kink, agree, noise (a relative error that looks large, of a difference too small to measure: a gradient
    near 0), close or disagree."""
    if check.kink:
        return "kink"
    if check.rel_error < AGREE:
        return "agree"
    if check.within_noise:
        return "noise"
    return "close" if check.rel_error < DISAGREE else "disagree"


def explain(check: ParamCheck) -> str:
    """A tooltip: why this parameter got its verdict."""
    v, r = verdict(check), check.rel_error
    agree, disagree = threshold_text(AGREE), threshold_text(DISAGREE)
    if v == "kink":
        return ("A kink: a ReLU input (or, with L1, this weight) crosses 0 within ±2h of the current value, so "
                "the loss bends there and no finite difference can match the derivative. Not counted.")
    if v == "noise":
        return (f"Within rounding: the relative error {r:.1e} looks large only because the gradient is tiny: the "
                f"difference {check.abs_error:.1e} is below the rounding error of the finite difference itself "
                f"({check.noise:.1e}), so it cannot be measured. Counts as agreement.")
    if v == "agree":
        return f"Relative error {r:.1e} < {agree}: backprop and the numerical derivative agree."
    if v == "close":
        return (f"Relative error {r:.1e}, between {agree} and {disagree}: doubtful. A correct backward stays "
                f"below {agree} here; look for a term that is slightly off.")
    return (f"Relative error {r:.2g} ≥ {disagree}: backprop and the numerical derivative disagree: this "
            "gradient is wrong.")


def format_error(value: float) -> str:
    return f"{value:.2g}" if value >= 1e-3 else f"{value:.1e}"



def summary(result: GradCheckResult) -> tuple[str, str]:
    """(one sentence, PASS / DOUBTFUL / FAIL): "All 20 parameters agree: largest relative error 3.1e-11",
    "7 of 20 parameters disagree: largest 0.84 at w1_2", or only doubtful ones (between 1e-7 and 1e-4: the
    fourth-order difference's own truncation error can reach there on a deep trained net)."""
    n = len(result.checks)
    sample = n < result.n_parameters
    what = f"{n} checked parameters" if sample else f"{n} parameters" if n != 1 else "1 parameter"
    verdicts = [verdict(c) for c in result.checks]
    unjudged = [f"{k} {word}" for k, word in ((verdicts.count("kink"), "at kinks"),
                                               (verdicts.count("noise"), "within rounding")) if k]
    unjudged = f" ({' and '.join(unjudged)}: not judged)" if unjudged else ""
    red, amber = verdicts.count("disagree"), verdicts.count("close")
    worst = result.worst
    if red:
        verb = "disagrees" if red == 1 else "disagree"
        text = f"{red} of {what} {verb}: largest {format_error(result.max_rel_error)} at {worst.name}"
        if amber:
            text += f"; {amber} more doubtful"
        state = FAIL
    elif amber:
        verb = "is" if amber == 1 else "are"
        text = (f"No parameter clearly disagrees, but {amber} of {what} {verb} doubtful: largest relative error "
                f"{format_error(result.max_rel_error)} at {worst.name}")
        state = DOUBTFUL
    else:
        largest = max((c.rel_error for c, v in zip(result.checks, verdicts) if v == "agree"), default=None)
        text = "The parameter agrees" if n == 1 else f"All {what} agree"
        if largest is not None:
            text += f": largest relative error {format_error(largest)}"
        state = PASS
    text += unjudged
    if sample:
        text += f" (a random sample of the network's {result.n_parameters:,})"
    return text, state


def describe_parameters(names, order: list[str], groups) -> str:
    """Parameters as ranges of ``order`` ("w5–w8, b2"), or by block when that is long ("all of W₁, b₁; some of
    W₂"; ``groups``: bpviz.models.gradcheck_problem.layer_groups)."""
    text = name_ranges(names, order)
    if len(text) <= 90:
        return text
    chosen = set(names)
    full, part = [], []
    for label, a, b in groups:
        k = sum(order[i] in chosen for i in range(a, b + 1))
        (full if k == b - a + 1 else part if k else []).append(label)
    return "; ".join(f"{word} {', '.join(labels)}" for word, labels in (("all of", full), ("some of", part))
                     if labels)


def fault_note(fault: Fault, changed: list[str], order: list[str], groups) -> str:
    """What a broken backward changes on this network and batch, and what it leaves alone (rich text)."""
    if not changed:
        return f"<b>Broken backward:</b> {fault.title}. {fault.invisible_when}"
    changed_set = set(changed)
    untouched = [n for n in order if n not in changed_set]
    text = (f"<b>Broken backward:</b> {fault.title}. It changes {len(changed):,} of the network's {len(order):,} "
            f"gradients ({describe_parameters(changed, order, groups)}).")
    if untouched:
        text += f" Untouched (backprop's own): {describe_parameters(untouched, order, groups)}."
    return text
