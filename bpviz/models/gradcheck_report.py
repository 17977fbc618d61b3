"""The gradient check's verdicts in words and colours (plain data, no Qt): one per parameter, one for all, the
legend, and how the check works.

Thresholds (``AGREE`` = 1e-7, ``DISAGREE`` = 1e-4, defined once in bpviz.engine.gradcheck and read from there by
the CLI, this module, the page and its plot): a correct backward checked with fourth-order central differences
(h = 1e-3) lands far below 1e-7; between 1e-7 and 1e-4 something is slightly off (a term scaled wrongly, a
float32 somewhere); above 1e-4 the gradient is wrong. Kinks (a ReLU input, or an L1 weight, crossing 0 inside the
stencil) and differences below the finite difference's own rounding error cannot be judged and count as agreement
(engine.gradcheck).

Every sentence is a phrase (bpviz.engine.phrases): its English is what the CLI and the tests read, and the page
shows it in the window's language (bpviz.gui.i18n.localise).
"""

from __future__ import annotations

from bpviz.engine.broken_backward import Fault, name_ranges
from bpviz.engine.gradcheck import AGREE, DISAGREE, GradCheckResult, ParamCheck
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, Phrase, join

__all__ = ["AGREE", "BAR_COLORS", "DISAGREE", "DOUBTFUL", "FAIL", "HOW_IT_WORKS", "PASS", "SUMMARY_COLORS", "VERDICTS",
           "describe_parameters", "explain", "fault_note", "format_error", "legend", "summary", "threshold_text",
           "verdict"]

# verdict -> (word in the table, background colour behind dark text)
VERDICTS = {
    "agree": (QT_TRANSLATE_NOOP("GradCheck", "agrees"), "#d9f2df"),
    "close": (QT_TRANSLATE_NOOP("GradCheck", "doubtful"), "#fff0bf"),
    "disagree": (QT_TRANSLATE_NOOP("GradCheck", "DISAGREES"), "#f8d2d0"),
    "kink": (QT_TRANSLATE_NOOP("GradCheck", "kink"), "#e6e6e6"),
    "noise": (QT_TRANSLATE_NOOP("GradCheck", "within rounding"), "#e6e6e6"),
}
BAR_COLORS = {"agree": "#2e9e4f", "close": "#e0a100", "disagree": "#c62828", "kink": "#a0a0a0", "noise": "#a0a0a0"}
PASS, DOUBTFUL, FAIL = "pass", "doubtful", "fail"
# the summary's state (and "info": no check to sum up) -> (border, background) of its box
SUMMARY_COLORS = {PASS: ("#2e9e4f", VERDICTS["agree"][1]), DOUBTFUL: ("#e0a100", VERDICTS["close"][1]),
                  FAIL: ("#c62828", VERDICTS["disagree"][1]), "info": ("#b8c2cc", "#eef1f4")}
HOW_IT_WORKS = QT_TRANSLATE_NOOP(
    "GradCheck",
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


def legend() -> Phrase:
    """The verdicts' colours and thresholds, one line each (rich text)."""
    agree, disagree = threshold_text(AGREE), threshold_text(DISAGREE)
    rows = (("agree", QT_TRANSLATE_NOOP("GradCheck", "below {agree}: agrees").format(agree=agree)),
            ("close", QT_TRANSLATE_NOOP("GradCheck", "{agree} to {disagree}: doubtful").format(agree=agree,
                                                                                               disagree=disagree)),
            ("disagree", QT_TRANSLATE_NOOP("GradCheck", "{disagree} and above: wrong").format(disagree=disagree)),
            ("kink", QT_TRANSLATE_NOOP("GradCheck", "not comparable: a ReLU kink, or within rounding")))
    return join("<br>", (f"<span style='color:{BAR_COLORS[v]}'>■</span>&nbsp;" + text for v, text in rows))


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


def explain(check: ParamCheck) -> Phrase:
    """A tooltip: why this parameter got its verdict."""
    v, r = verdict(check), check.rel_error
    agree, disagree = threshold_text(AGREE), threshold_text(DISAGREE)
    if v == "kink":
        return QT_TRANSLATE_NOOP("GradCheck", "A kink: a ReLU input (or, with L1, this weight) crosses 0 within ±2h of "
                                              "the current value, so the loss bends there and no finite difference "
                                              "can match the derivative. Not counted.")
    if v == "noise":
        return QT_TRANSLATE_NOOP("GradCheck", "Within rounding: the relative error {r:.1e} looks large only because "
                                              "the gradient is tiny: the difference {difference:.1e} is below the "
                                              "rounding error of the finite difference itself ({noise:.1e}), so it "
                                              "cannot be measured. Counts as agreement.").format(
            r=r, difference=check.abs_error, noise=check.noise)
    if v == "agree":
        return QT_TRANSLATE_NOOP("GradCheck", "Relative error {r:.1e} < {agree}: backprop and the numerical "
                                              "derivative agree.").format(r=r, agree=agree)
    if v == "close":
        return QT_TRANSLATE_NOOP("GradCheck", "Relative error {r:.1e}, between {agree} and {disagree}: doubtful. A "
                                              "correct backward stays below {agree} here; look for a term that is "
                                              "slightly off.").format(r=r, agree=agree, disagree=disagree)
    return QT_TRANSLATE_NOOP("GradCheck", "Relative error {r:.2g} ≥ {disagree}: backprop and the numerical "
                                          "derivative disagree: this gradient is wrong.").format(r=r,
                                                                                                 disagree=disagree)


def format_error(value: float) -> str:
    return f"{value:.2g}" if value >= 1e-3 else f"{value:.1e}"


def _counted(n: int, sample: bool) -> Phrase:
    """The parameters the summary speaks of: "20 parameters", "300 checked parameters", "1 parameter"."""
    if sample:
        return QT_TRANSLATE_NOOP("GradCheck", "{n} checked parameters").format(n=n)
    if n != 1:
        return QT_TRANSLATE_NOOP("GradCheck", "{n} parameters").format(n=n)
    return QT_TRANSLATE_NOOP("GradCheck", "1 parameter")


def _unjudged(kinks: int, noise: int) -> str:
    """The parameters not judged, as " (2 at kinks and 1 within rounding: not judged)"; "" when none."""
    if kinks and noise:
        return QT_TRANSLATE_NOOP("GradCheck", " ({kinks} at kinks and {noise} within rounding: not judged)").format(
            kinks=kinks, noise=noise)
    if kinks:
        return QT_TRANSLATE_NOOP("GradCheck", " ({kinks} at kinks: not judged)").format(kinks=kinks)
    if noise:
        return QT_TRANSLATE_NOOP("GradCheck", " ({noise} within rounding: not judged)").format(noise=noise)
    return ""


def summary(result: GradCheckResult) -> tuple[str, str]:
    """(one sentence, PASS / DOUBTFUL / FAIL): "All 20 parameters agree: largest relative error 3.1e-11",
    "7 of 20 parameters disagree: largest 0.84 at w1_2", or only doubtful ones (between 1e-7 and 1e-4: the
    fourth-order difference's own truncation error can reach there on a deep trained net). The sentence is a
    phrase; one template per plural, since other languages need no plurals but whole sentences."""
    n = len(result.checks)
    sample = n < result.n_parameters
    what = _counted(n, sample)
    verdicts = [verdict(c) for c in result.checks]
    red, amber = verdicts.count("disagree"), verdicts.count("close")
    worst = result.worst
    if red:
        if red == 1:
            text = QT_TRANSLATE_NOOP("GradCheck", "{red} of {what} disagrees: largest {largest} at {worst}")
        else:
            text = QT_TRANSLATE_NOOP("GradCheck", "{red} of {what} disagree: largest {largest} at {worst}")
        text = text.format(red=red, what=what, largest=format_error(result.max_rel_error), worst=worst.name)
        if amber:
            text += QT_TRANSLATE_NOOP("GradCheck", "; {amber} more doubtful").format(amber=amber)
        state = FAIL
    elif amber:
        if amber == 1:
            text = QT_TRANSLATE_NOOP("GradCheck", "No parameter clearly disagrees, but {amber} of {what} is doubtful: "
                                                  "largest relative error {largest} at {worst}")
        else:
            text = QT_TRANSLATE_NOOP("GradCheck", "No parameter clearly disagrees, but {amber} of {what} are "
                                                  "doubtful: largest relative error {largest} at {worst}")
        text = text.format(amber=amber, what=what, largest=format_error(result.max_rel_error), worst=worst.name)
        state = DOUBTFUL
    else:
        largest = max((c.rel_error for c, v in zip(result.checks, verdicts) if v == "agree"), default=None)
        if largest is None:
            text = (QT_TRANSLATE_NOOP("GradCheck", "The parameter agrees") if n == 1 else
                    QT_TRANSLATE_NOOP("GradCheck", "All {what} agree").format(what=what))
        elif n == 1:
            text = QT_TRANSLATE_NOOP("GradCheck", "The parameter agrees: largest relative error {largest}").format(
                largest=format_error(largest))
        else:
            text = QT_TRANSLATE_NOOP("GradCheck", "All {what} agree: largest relative error {largest}").format(
                what=what, largest=format_error(largest))
        state = PASS
    text += _unjudged(verdicts.count("kink"), verdicts.count("noise"))
    if sample:
        text += QT_TRANSLATE_NOOP("GradCheck", " (a random sample of the network's {total:,})").format(
            total=result.n_parameters)
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
    full, part = ", ".join(full), ", ".join(part)
    if full and part:
        return QT_TRANSLATE_NOOP("GradCheck", "all of {full}; some of {part}").format(full=full, part=part)
    if full:
        return QT_TRANSLATE_NOOP("GradCheck", "all of {full}").format(full=full)
    return QT_TRANSLATE_NOOP("GradCheck", "some of {part}").format(part=part)


def fault_note(fault: Fault, changed: list[str], order: list[str], groups) -> str:
    """What a broken backward changes on this network and batch, and what it leaves alone (rich text, a phrase)."""
    if not changed:
        return QT_TRANSLATE_NOOP("GradCheck", "<b>Broken backward:</b> {title}. {why}").format(
            title=fault.title, why=fault.invisible_when)
    changed_set = set(changed)
    untouched = [n for n in order if n not in changed_set]
    text = QT_TRANSLATE_NOOP("GradCheck", "<b>Broken backward:</b> {title}. It changes {changed:,} of the network's "
                                          "{total:,} gradients ({which}).").format(
        title=fault.title, changed=len(changed), total=len(order), which=describe_parameters(changed, order, groups))
    if untouched:
        text += QT_TRANSLATE_NOOP("GradCheck", " Untouched (backprop's own): {untouched}.").format(
            untouched=describe_parameters(untouched, order, groups))
    return text
