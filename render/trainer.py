"""Trainers' views: what-if, sweep and sensitivity as text and CSV."""
from __future__ import annotations

from typing import Any

from tabulate import tabulate

from render.labels import label


DECISION_KEYS = ("meeting_type", "police_visibility", "risk_level")


def whatif_text(result: dict[str, Any], lang: str) -> str:
    changes = ", ".join(f"{k}={v}" for k, v in result["changes"].items())
    rows = [[label(lang, k), result["before"]["decisions"][k], result["after"]["decisions"][k],
             "" if result["before"]["decisions"][k] == result["after"]["decisions"][k] else "*"]
            for k in DECISION_KEYS]
    out = [f"what if: {changes}", "",
           tabulate(rows, headers=[label(lang, "decision"), "before", "after", ""], tablefmt="simple"), ""]
    for key, sign in (("added", "+"), ("removed", "-")):
        out.append(f"{key} ({len(result[key])}):")
        for item in result[key]:
            out.append(f"  {sign} [{item['kind']}] {item['id']}: {item['title']}")
        out.append("")
    return "\n".join(out)


def _cell(decisions: dict[str, str]) -> str:
    return " / ".join(decisions[k] for k in DECISION_KEYS)


def sweep_text(plan: list, rows: list[dict[str, Any]]) -> str:
    fields = [f for f, _ in plan]
    if len(fields) == 2:
        (f1, v1), (f2, v2) = plan
        table = []
        for a in v1:
            row = [a]
            for b in v2:
                r = next(r for r in rows if r["values"][f1] == a and r["values"][f2] == b)
                row.append(_cell(r["decisions"]))
            table.append(row)
        head = f"cells: meeting_type / police_visibility / risk_level; rows: {f1}; columns: {f2}"
        return head + "\n\n" + tabulate(table, headers=[f"{f1} \\ {f2}"] + [str(b) for b in v2], tablefmt="grid") + "\n"
    ids = list(rows[0].get("ids", {})) if rows else []
    table = [[r["values"][fields[0]]] + [r["decisions"][k] for k in DECISION_KEYS]
             + ["yes" if r["ids"][i] else "-" for i in ids] for r in rows]
    return tabulate(table, headers=[fields[0], *DECISION_KEYS, *ids], tablefmt="simple") + "\n"


def sweep_csv(plan: list, rows: list[dict[str, Any]]) -> str:
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    fields = [f for f, _ in plan]
    ids = list(rows[0].get("ids", {})) if rows else []
    w.writerow(fields + list(DECISION_KEYS) + ids)
    for r in rows:
        w.writerow([_csv_value(r["values"][f]) for f in fields] + [r["decisions"][k] for k in DECISION_KEYS]
                   + [str(r["ids"][i]).lower() for i in ids])
    return buf.getvalue()


def _csv_value(v: Any) -> str:
    if isinstance(v, list):
        return "+".join(v) or "-"
    return str(v).lower() if isinstance(v, bool) else str(v)


def sensitivity_text(result: dict[str, Any]) -> str:
    out = ["decisions now: " + ", ".join(f"{k}={v}" for k, v in result["decisions"].items()), "",
           "single changes that change a decision:"]
    for item in result["per_field"]:
        diff = ", ".join(f"{k} -> {v}" for k, v in item["decisions"].items())
        out.append(f"  {item['field']}={_csv_value(item['value'])}: {diff}")
    out += ["", "smallest changes that flip each decision:"]
    for f in result["flips"]:
        changes = " and ".join(f"{k}={_csv_value(v)}" for k, v in f["changes"].items())
        out.append(f"  {f['decision']} {f['from']} -> {f['to']}: {changes}")
    for item in result["out_of_reach"]:
        out.append(f"  {item['decision']} {item['from']} -> {item['to']}: needs more than two changes")
    out += ["", "fields that cannot change a decision: " + ", ".join(result["fields_without_effect_on_decisions"])]
    return "\n".join(out) + "\n"


