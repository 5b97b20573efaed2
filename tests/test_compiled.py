"""The compiled engine (rules/compiled.py) gives exactly the outcomes of the experta engine."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from analysis.verify import random_inputs
from facts.loader import load_file
from facts.scenario import Scenario
from rules import compiled
from rules.base import Context, RuleLoopError
from rules.engine import ENGINES, MIXINS, decide, evaluate

ROOT = Path(__file__).resolve().parent.parent


def _files() -> list[Path]:
    return sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests" / "cases").glob("*.yaml"),
                   *(ROOT.parent / "shared" / "scenarios").glob("*.yaml")])


def _scenarios() -> list[Scenario]:
    out = [item.scenario for path in _files() for item in load_file(path) if item.scenario]
    out += [Scenario(name="random", **v) for v in random_inputs(1500, random.Random(20261201))]
    return out


def _same(scenario: Scenario) -> None:
    a, b = evaluate(scenario, "experta"), evaluate(scenario, "compiled")
    assert a.decisions == b.decisions, scenario
    assert a.conclusions == b.conclusions, scenario
    assert a.advice == b.advice, scenario
    assert a.runbook == b.runbook, scenario


def test_both_engines_agree_on_every_example_case_and_a_seeded_sample():
    scenarios = _scenarios()
    assert len(scenarios) > 1500
    for scenario in scenarios:
        _same(scenario)


def test_decisions_only_engine_agrees_with_the_full_one():
    for v in random_inputs(300, random.Random(7)):
        s = Scenario(name="random", **v)
        assert decide(s, "compiled") == decide(s, "experta") == evaluate(s).decisions


def test_engine_is_selectable_and_unknown_names_are_refused(monkeypatch):
    s = Scenario(name="x", **random_inputs(1, random.Random(1))[0])
    monkeypatch.setenv("BIJEENKOMSTWIJZER_ENGINE", "experta")
    assert evaluate(s).conclusions == evaluate(s, "compiled").conclusions
    with pytest.raises(ValueError):
        evaluate(s, "clips")
    assert ENGINES == ("compiled", "experta")


def test_a_cycle_between_conclusions_is_a_rule_loop():
    """Two rules that each need the other's conclusion can never be ordered: a loop."""
    from rules.base import Assessed, Decided, Rule, concludes

    class Loop:
        @Rule(Decided(meeting_type="inform"))
        @concludes("scale")
        def loop_scale(self):
            """test"""

        @Rule(Assessed(scale="small"), Context(subject="x"))
        @concludes("meeting_type")
        def loop_type(self):
            """test"""

    with pytest.raises(RuleLoopError):
        compiled.CompiledEngine([Loop])


def test_a_rule_on_facts_of_its_own_is_refused_not_silently_skipped():
    from test_engine import Looping
    with pytest.raises(TypeError, match="rules match only"):
        compiled.CompiledEngine([Looping])


def test_the_compiled_engine_covers_every_rule():
    engine = compiled.compiled_engine(MIXINS)
    from rules.engine import catalog
    assert {r.name for r in engine.rules} == {r.name for r in catalog()}


def test_the_fast_rewrite_of_conditions_equals_experta_s_for_every_rule():
    """The compiled engine rewrites conditions itself (fast at start-up); experta's
    prepare_rule is the reference: the same conjunctions, for every rule."""
    from rules.base import rule_methods
    for mixin in MIXINS:
        for name, rule in rule_methods(mixin):
            ours = {(frozenset(b.positives), frozenset(b.negatives), b.tests)
                    for b in map(compiled._branch, compiled._conjunctions(rule))}
            theirs = {(frozenset(b.positives), frozenset(b.negatives), b.tests)
                      for b in map(compiled._branch, compiled._experta_conjunctions(rule))}
            assert ours == theirs, name


def test_batch_output_is_identical_with_the_reference_engine(monkeypatch, tmp_path):
    """batch (compiled engine, two workers) prints exactly what the experta engine gives."""
    import json as _json

    from click.testing import CliRunner

    from cli import main
    for i, values in enumerate(random_inputs(300, random.Random(11))):
        (tmp_path / f"s{i:03d}.json").write_text(_json.dumps({"name": f"s{i}", **values}), encoding="utf-8")
    paths = [str(tmp_path), str(ROOT / "examples"), str(ROOT / "tests" / "cases")]
    outputs = {}
    for engine, jobs in (("compiled", "2"), ("compiled", "1"), ("experta", "1")):
        monkeypatch.setenv("BIJEENKOMSTWIJZER_ENGINE", engine)
        r = CliRunner().invoke(main, ["batch", *paths, "--format", "jsonl", "--jobs", jobs])
        assert r.exit_code in (0, 1), r.output[-500:]
        outputs[(engine, jobs)] = r.stdout
    assert outputs[("compiled", "2")] == outputs[("compiled", "1")] == outputs[("experta", "1")]
    assert outputs[("experta", "1")].count("\n") > 300
