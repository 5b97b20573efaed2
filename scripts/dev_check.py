#!/usr/bin/env python3
"""Developer check while writing knowledge: load the KB, check every rule's @emits ids exist,
run scenario files and print expectation failures, and dump KB citations as JSON.

  python scripts/dev_check.py [SCENARIO_FILE ...]     # KB + rules consistency, then cases
  python scripts/dev_check.py --citations > /tmp/kb.json && \
      python3 ../shared/tools/check_citations.py /tmp/kb.json --coverage
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kb  # noqa: E402
from facts.loader import load_file  # noqa: E402
from rules.engine import catalog, evaluate  # noqa: E402


def main(argv):
    k = kb.load()
    if argv[:1] == ["--citations"]:
        json.dump([{"id": e.id, "citations": [c.model_dump() for c in e.citations]}
                   for e in k.entries.values()], sys.stdout, ensure_ascii=False, indent=1)
        return 0
    bad = 0
    emitted = set()
    for r in catalog():
        for i in r.emits:
            emitted.add(i)
            if i not in k.entries:
                print(f"rule {r.name} emits unknown id {i}")
                bad += 1
    for i in sorted(set(k.entries) - emitted):
        print(f"entry {i} is emitted by no rule")
        bad += 1
    fired = set()
    for f in argv:
        for item in load_file(Path(f)):
            if item.error:
                print(f"INVALID {item.error.line()}")
                bad += 1
                continue
            out = evaluate(item.scenario)
            fired |= set(out.advice)
            if item.scenario.expect:
                for fail in item.scenario.expect.failures(out.decisions, set(out.advice)):
                    print(f"FAIL {f} [{item.name}]: {fail}")
                    bad += 1
    print(f"{len(k.entries)} entries, {len(catalog())} rules, {bad} problems"
          + (f", {len(fired)} ids fired by the given scenarios" if argv else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
