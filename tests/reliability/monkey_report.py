"""What a monkey run found, read back from its event stream: the one-line summary and the findings, grouped.

``RunReport.read(...)`` turns the child's events, exit status and stderr into a report; the parent adds a
``crash`` finding when the child died or exited with an error, a ``hang`` finding when it stopped making
progress. ``format_findings(reports)`` groups equal findings across runs (same kind, same message once paths
and numbers are set aside, same place in bpviz) and names every (seed, action) that reproduces each.
"""

from __future__ import annotations

import json
import re
import signal
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from monkey_events import HARNESS_FAILED, normalise

STDERR_TAIL_LINES = 400  # a dump lists every thread: a busy run has a dozen (the GUI thread's is last)


@dataclass(repr=False)
class RunReport:
    seed: int
    actions_asked: int
    workdir: str
    returncode: int | None
    hung: bool
    elapsed_s: float
    findings: list[dict] = field(default_factory=list)
    samples: list[dict] = field(default_factory=list)
    end: dict | None = None
    last_actions: list[dict] = field(default_factory=list)
    actions_done: int = 0
    stderr_tail: str = ""
    code: str = ""  # the bpviz under test (git describe)

    def __repr__(self) -> str:  # pytest shows it in a failure's header: keep it one short line
        return (f"RunReport(seed {self.seed}, {self.actions_done} actions, {len(self.findings)} findings, "
                f"{self.workdir})")

    @classmethod
    def read(cls, seed, actions_asked, workdir, events: Path, stderr: Path, returncode, hung, elapsed_s):
        report = cls(seed, actions_asked, str(workdir), returncode, hung, round(elapsed_s, 1))
        last = deque(maxlen=5)
        kinds = {}
        for line in events.read_text(encoding="utf-8", errors="replace").splitlines() if events.exists() else []:
            try:
                event = json.loads(line)
            except json.JSONDecodeError:  # the last line of a child killed while writing it
                continue
            name = event.pop("event")
            if name == "action":
                last.append(event)
                kinds[event["index"]] = event["kind"]
                report.actions_done = max(report.actions_done, event["index"] + 1 if event["kind"] != "quit" else 0)
            elif name == "finding":
                event["action_kind"] = kinds.get(event["action"], "")
                report.findings.append(event)
            elif name == "sample":
                report.samples.append(event)
            elif name == "end":
                report.end = event
        report.last_actions = list(last)
        text = stderr.read_text(encoding="utf-8", errors="replace") if stderr.exists() else ""
        report.stderr_tail = "\n".join(text.splitlines()[-STDERR_TAIL_LINES:])
        report._add_exit_findings()
        return report

    def _add_exit_findings(self) -> None:
        where = self.last_actions[-1] if self.last_actions else {"index": -1, "what": "start-up"}
        if self.hung:
            # The watchdog's dump (taken holding the GIL) first: faulthandler's SIGUSR1 dump reads the frames of
            # threads that keep running and can itself fault (CI once lost the GUI thread's stack so)
            dumps = [f["details"] for f in self.of_kind("stall-dump")]
            details = (f"{dumps[-1]}\n--- stderr (the SIGUSR1 dump) ---\n" if dumps else "") + self.stderr_tail
            self._finding("hang", "no progress: killed (the stacks of every thread are in details)", where, details)
        elif self.returncode not in (0, HARNESS_FAILED):
            code = self.returncode
            how = (f"killed by signal {signal.Signals(-code).name}" if code is not None and code < 0
                   else f"exit status {code}")
            when = "at interpreter exit, after the run" if self.end is not None else "during the run"
            self._finding("crash", f"the child process died {when}: {how}", where)

    def _finding(self, kind: str, message: str, where: dict, details: str | None = None) -> None:
        self.findings.append({"kind": kind, "action": where["index"], "what": where["what"], "message": message,
                              "details": self.stderr_tail if details is None else details, "where": "",
                              "action_kind": where.get("kind", "")})

    # ------------------------------------------------------------------ counts
    def of_kind(self, *kinds: str) -> list[dict]:
        return [f for f in self.findings if f["kind"] in kinds]

    @property
    def exceptions(self) -> list[dict]:
        return self.of_kind("exception", "traceback-on-stderr")

    @property
    def long_stalls(self) -> list[dict]:
        """Stalls over 1 s (a stall the GUI thread never came back from has only its stack dump)."""
        return [f for f in self.of_kind("stall") if f.get("ms", 0) > 1000] or self.of_kind("stall-dump")

    @property
    def crashes(self) -> list[dict]:
        return self.of_kind("crash", "hang")

    def sample_at(self, action: int) -> dict | None:
        return next((s for s in self.samples if s["action"] == action), None)

    def summary(self) -> str:
        longest = (self.end or {}).get("longest_stall")
        stall = (f"longest GUI stall {longest['ms']} ms at action {longest['action']}: {longest['what'][:120]}"
                 if longest else "no stall measure: the run did not end")
        text = (f"seed {self.seed}: {self.actions_done} actions, {len(self.exceptions)} exceptions, "
                f"{len(self.of_kind('qt-message'))} Qt warnings, {len(self.long_stalls)} stalls > 1 s ({stall}), "
                f"{len(self.crashes)} crashes, {len(self.of_kind('threads-left'))} threads left")
        if self.samples:
            last = self.samples[-1]
            first = (last["action"] > 1000 and self.sample_at(1000)) or self.samples[0]
            text += (f", RSS {first['rss_mb']:.0f} MB at action {first['action']}, {last['rss_mb']:.0f} MB at "
                     f"action {last['action']} ({last['rss_mb'] - first['rss_mb']:+.0f} MB)")
            text += (f"; dialogs alive {self.samples[0]['dialogs_alive']} → {last['dialogs_alive']}, objects under "
                     f"the window {self.samples[0]['objects_under_window']} → {last['objects_under_window']}")
        end = self.end or {}
        text += (f"; {sum(end.get('message_boxes', {}).values())} message boxes, "
                 f"{len(self.of_kind('context-menu-missing'))} context menus missing, "
                 f"{len(self.of_kind('oversized-window'))} oversized windows, "
                 f"{len(self.of_kind('python-warning'))} Python warnings, "
                 f"{len(self.of_kind('harness-error'))} harness errors; {self.elapsed_s:.0f} s")
        return text

    def to_dict(self) -> dict:
        return {"summary": self.summary(), **vars(self)}


# ---------------------------------------------------------------------------------------------- findings
def signature(finding: dict, workdir: str) -> tuple:
    message = normalise(finding["message"], workdir)
    message = re.sub(r"'[^']*'", "'…'", message) if finding["kind"] == "exception" else message
    if finding["kind"] in ("stall", "oversized-window"):
        return finding["kind"], finding.get("action_kind", "")
    return finding["kind"], re.sub(r"\d+", "#", message), finding.get("where", "")


def format_findings(reports: list[RunReport], kinds=None, detail_lines: int = 40) -> str:
    """Every distinct finding of ``reports`` (of ``kinds``, if given): count, the (seed, action)s, where in
    bpviz, and the first occurrence's details (traceback, stack dump, stderr)."""
    groups: dict[tuple, list[tuple[RunReport, dict]]] = {}
    for report in reports:
        for finding in report.findings:
            if kinds is not None and finding["kind"] not in kinds:
                continue
            groups.setdefault(signature(finding, report.workdir), []).append((report, finding))
    lines = []
    for key, members in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        report, first = max(members, key=lambda m: m[1].get("ms", 0)) if key[0] == "stall" else members[0]
        kind = key[0]
        title = (f"{len(members)} stalls > 100 ms during '{key[1]}' actions (longest {first['ms']} ms)"
                 if kind == "stall" else normalise(first["message"], report.workdir))
        lines.append(f"[{kind}] ×{len(members)}: {title}")
        if first.get("where"):
            via = f" (entered via {first['entered_via']})" if first.get("entered_via") else ""
            lines.append(f"    in {first['where']}{via}")
        lines.append(f"    reproduce: seed {report.seed} action {first['action']}: "
                     f"{normalise(first['what'], report.workdir)[:300]}")
        places = dict.fromkeys(f"seed {r.seed} action {f['action']}" for r, f in members)
        places.pop(f"seed {report.seed} action {first['action']}")
        if places:
            shown = list(places)[:12]
            lines.append(f"    also: {', '.join(shown)}{f' and {len(places) - 12} more' if len(places) > 12 else ''}")
        details = [line for line in normalise(first.get("details") or "", report.workdir).strip().splitlines()
                   if line.strip(" ^~")]  # not the lines of carets under a traceback's expression
        if details and kind not in ("stall", "qt-message"):
            shown = details[-detail_lines:]
            lines.extend("      | " + line[:300] for line in shown)
    return "\n".join(lines)


def format_run_details(report: RunReport) -> str:
    """Memory over the run, slowest actions, message boxes, context menus, threads of one run."""
    end = report.end or {}
    lines = [f"seed {report.seed} (bpviz {report.code or 'unknown'}; folder {report.workdir}):",
             "  memory (action: RSS MB, top-level widgets, dialogs alive, objects under the window, Python objects):"]
    for s in report.samples:
        lines.append(f"    {s['action']:>6}: {s['rss_mb']:7.1f} {s['top_level_widgets']:5} {s['dialogs_alive']:5} "
                     f"{s['objects_under_window']:7} {s['python_objects']:9}")
    lines.append("  slowest actions (GUI thread, event loop included):")
    lines += [f"    {a['ms']:6} ms  action {a['action']}: {a['what'][:160]}" for a in end.get("slowest_actions", [])]
    boxes = sorted(end.get("message_boxes", {}).items(), key=lambda kv: -kv[1])
    lines.append(f"  message boxes ({sum(n for _, n in boxes)} shown, {len(boxes)} distinct):")
    lines += [f"    ×{n:<4} {text[:200]}" for text, n in boxes[:20]]
    lines.append(f"  dialogs shown: {end.get('dialogs', {})}; other windows: {end.get('other_windows', {})}")
    lines.append("  right clicks (target: clicks, menus shown, promised entries never shown):")
    for row in end.get("context_menus", []):
        lines.append(f"    {row['target'][:90]} [{row['page']}]: {row['right_clicks']} clicks, {row['menus']} menus"
                     + (f", missing {row['missing']}" if row["missing"] else ""))
    lines.append(f"  actions by kind: {end.get('by_kind', {})}")
    lines.append(f"  GUI-thread time by kind (ms): {end.get('ms_by_kind', {})}")
    lines.append(f"  actions by page: {end.get('by_page', {})}")
    lines.append(f"  ignored Qt messages: {end.get('ignored_qt_messages', {})}")
    lines.append(f"  threads left: {end.get('threads_left', {})}; QThreads running: {end.get('qthreads_running', [])}")
    if report.crashes:
        lines.append("  last actions before the end:")
        lines += [f"    {a['index']}: [{a['kind']}] {a['what'][:200]}" for a in report.last_actions]
    return "\n".join(lines)
