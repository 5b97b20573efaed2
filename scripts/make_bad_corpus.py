#!/usr/bin/env python3
"""Write the corpus of malformed and hostile scenario files in tests/bad/ (run once; committed)."""
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "bad"
OK = ("subject: asylum_reception\nphase: decided\nroom_for_decision: none\n"
      "expected_visitors: 100\nexisting_protest: concerns\n")


def with_(line: str, drop: str = "") -> str:
    body = "".join(l + "\n" for l in OK.splitlines() if not drop or not l.startswith(drop + ":"))
    return body + line + "\n"


FILES = {
    "empty.yaml": "",
    "blank.yaml": "   \n\n\t\n",
    "comment-only.yaml": "# nothing but a comment\n",
    "null-root.yaml": "~\n",
    "syntax-error.yaml": OK + "nearby_stakeholders: [school, daycare\n",
    "bad-indent.yaml": "subject: asylum_reception\n  phase: decided\n",
    "tab-indent.yaml": "subject: asylum_reception\n\tphase: decided\n",
    "root-list.yaml": "- subject: asylum_reception\n- phase: decided\n",
    "root-scalar.yaml": "just some text\n",
    "root-number.json": "42\n",
    "multiple-documents.yaml": OK + "---\n" + OK,
    "unknown-key.yaml": with_("colour: red"),
    "misspelt-key.yaml": with_("existing_protests: organised", drop="existing_protest"),
    "duplicate-key.yaml": OK + "phase: proposal\n",
    "duplicate-key.json": '{"subject": "asylum_reception", "subject": "labour_migrant_housing"}\n',
    "missing-required.yaml": with_("", drop="subject"),
    "visitors-string.yaml": with_("expected_visitors: veel", drop="expected_visitors"),
    "visitors-negative.yaml": with_("expected_visitors: -5", drop="expected_visitors"),
    "visitors-fraction.yaml": with_("expected_visitors: 12.5", drop="expected_visitors"),
    "visitors-null.yaml": with_("expected_visitors: null", drop="expected_visitors"),
    "visitors-absurd.yaml": with_("expected_visitors: 1000001", drop="expected_visitors"),
    "visitors-huge.yaml": with_("expected_visitors: " + "9" * 400, drop="expected_visitors"),
    "visitors-bool.yaml": with_("expected_visitors: true", drop="expected_visitors"),
    "visitors-nan.json": '{"subject": "asylum_reception", "phase": "decided", "room_for_decision": "none", '
                         '"expected_visitors": NaN, "existing_protest": "none"}\n',
    "subject-unknown.yaml": with_("subject: refugees", drop="subject"),
    "phase-typo.yaml": with_("phase: decidd", drop="phase"),
    "room-capitalised.yaml": with_("room_for_decision: None", drop="room_for_decision"),
    "protest-unknown.yaml": with_("existing_protest: riot", drop="existing_protest"),
    "social-media-number.yaml": with_("social_media: 3"),
    "bool-as-string.yaml": with_('outside_groups: "ja"'),
    "stakeholders-string.yaml": with_("nearby_stakeholders: school"),
    "stakeholders-unknown.yaml": with_("nearby_stakeholders: [school, mosque]"),
    "stakeholders-nested.yaml": with_("nearby_stakeholders: [[school]]"),
    "name-is-list.yaml": with_("name: [a, b]"),
    "key-not-text.yaml": with_("? [a, b]\n: c"),
    "python-object-tag.yaml": with_('pwned: !!python/object/apply:os.system ["touch /tmp/bijeenkomstwijzer-pwned"]'),
    "python-name-tag.yaml": "subject: !!python/name:os.system\n",
    "python-module-tag.yaml": "!!python/module:os\n",
    "custom-tag.yaml": "subject: !include secrets.yaml\n",
    "billion-laughs.yaml": ("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n"
                                      for i in range(8))),
    "deeply-nested.yaml": "subject: " + "[" * 5000 + "]" * 5000 + "\n",
    "deeply-nested.json": '{"subject": ' + "[" * 100000 + "]" * 100000 + "}\n",
    "truncated.json": '{"subject": "asylum_reception", "phase": "deci',
    "trailing-comma.json": '{"subject": "asylum_reception",}\n',
    "expect-unknown-key.yaml": OK + "expect:\n  meeting: inform\n",
    "expect-bad-value.yaml": OK + "expect:\n  meeting_type: debate\n",
    "expect-includes-string.yaml": OK + "expect:\n  includes: setup.information_market\n",
    "expect-unknown-id.yaml": OK + "expect:\n  includes: [setup.information_marketplace]\n",
    "scenarios-empty.yaml": "scenarios: []\n",
    "scenarios-not-list.yaml": "scenarios: {subject: asylum_reception}\n",
    "scenarios-extra-key.yaml": "scenarios:\n  - " + OK.replace("\n", "\n    ").rstrip() + "\nauthor: me\n",
    # issue 11: numbers PyYAML cannot convert (a traceback before), anywhere in a file
    "int-5000-digits.yaml": with_("expected_visitors: " + "7" * 5000, drop="expected_visitors"),
    "int-5000-in-list.yaml": with_("nearby_stakeholders: [school, " + "7" * 5000 + "]"),
    "int-5000-in-expect.yaml": OK + "expect:\n  includes: [" + "7" * 5000 + "]\n",
    "int-5000-as-key.yaml": OK + "7" * 5000 + ": x\n",
    "int-5000-digits.json": '{"subject": "asylum_reception", "expected_visitors": ' + "7" * 5000 + "}\n",
    "hex-4000-digits.yaml": with_("expected_visitors: 0x" + "f" * 4000, drop="expected_visitors"),
    # YAML 1.1 number forms that silently meant another number
    "visitors-hex.yaml": with_("expected_visitors: 0x15E", drop="expected_visitors"),
    "visitors-octal.yaml": with_("expected_visitors: 0o17", drop="expected_visitors"),
    "visitors-binary.yaml": with_("expected_visitors: 0b101011110", drop="expected_visitors"),
    "visitors-base60.yaml": with_("expected_visitors: 5:50", drop="expected_visitors"),
    "visitors-underscore.yaml": with_("expected_visitors: 1_000", drop="expected_visitors"),
    "visitors-thousands-point.yaml": with_("expected_visitors: 1.000", drop="expected_visitors"),
    "visitors-tagged-hex.yaml": with_("expected_visitors: !!int 0x15E", drop="expected_visitors"),
    "visitors-date.yaml": with_("expected_visitors: 2024-01-01", drop="expected_visitors"),
    "visitors-inf.yaml": with_("expected_visitors: .inf", drop="expected_visitors"),
    "stakeholders-hex.yaml": with_("nearby_stakeholders: [school, 0x1F]"),
    # YAML 1.1 booleans and other constructs with messages that read like internals
    "key-yes.yaml": with_("yes: 1"),
    "key-true.yaml": with_("true: 1"),
    "key-null.yaml": with_("~: 1"),
    "protest-no.yaml": with_("existing_protest: no", drop="existing_protest"),
    "expect-not-mapping.yaml": OK + "expect: inform\n",
    "merge-key.yaml": "base: &b {subject: asylum_reception}\n<<: *b\nphase: decided\n",
    "set-tag.yaml": with_("nearby_stakeholders: !!set {school}"),
    "timestamp-tag.yaml": with_("name: !!timestamp 2024-01-01"),
    "binary-tag.yaml": with_("name: !!binary aGVsbG8="),
    "bell-character.yaml": with_("name: \"klok\x07\""),
    # spoofing and leaking through the error line
    "key-carriage-return.yaml": with_('"colour\\r\\u001b[2Kbijeenkomstwijzer: OK, scenario valid": red'),
    "key-ansi.yaml": with_('"\\e]0;pwned\\a\\e[31mcolour": red'),
    "key-bidi.yaml": with_('"colour\u202egnp.exe": red'),
    "key-very-long.yaml": with_("k" * 20000 + ": 1"),
    "shadow-like.yaml": "".join(f"user{i}:$6$s4lt{i}$h4shh4shh4shh4sh{i}:19000:0:99999:7:::\n" for i in range(20)),
    "shadow-like-mapping.yaml": "root: $6$s4lt$h4shh4shh4shh4shh4shh4sh:19000:0:99999:7:::\n",
    # a batch result read back as a scenario
    "batch-output.json": '[{"file": "a.yaml", "name": "a", "ok": true, "result": "passed", "error": null, '
                         '"decisions": {}, "recommendation_ids": [], "expect_failures": []}]\n',
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (OUT / name).write_text(text, encoding="utf-8")
    (OUT / "too-large.yaml").write_text(OK + ("# padding to pass the size limit\n" * 33000), encoding="utf-8")
    (OUT / "binary.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (OUT / "latin1.yaml").write_bytes(("name: caf\u00e9 \u00e0 Enschede\n" + OK).encode("latin-1"))
    (OUT / "utf16.yaml").write_bytes(OK.encode("utf-16"))
    (OUT / "utf16-be.yaml").write_bytes(b"\xfe\xff" + OK.encode("utf-16-be"))
    (OUT / "utf32.yaml").write_bytes(OK.encode("utf-32"))
    (OUT / "utf16-no-bom.yaml").write_bytes(OK.encode("utf-16-le"))
    # inside the 1 MB limit, far more values than a scenario has (bounded work, not only bytes)
    (OUT / "many-items.yaml").write_text("scenarios:\n" + "- {}\n" * 190_000, encoding="utf-8")
    (OUT / "many-items.json").write_text('{"scenarios": [' + ",".join(["{}"] * 190_000) + "]}\n", encoding="utf-8")
    (OUT / "many-unknown-keys.yaml").write_text(OK + "".join(f"k{i}: 1\n" for i in range(50_000)), encoding="utf-8")
    (OUT / "many-expect-ids.yaml").write_text(
        OK + "expect:\n  includes: [" + ",".join(["a"] * 240_000) + "]\n", encoding="utf-8")
    # under the line limit, but 15,000 items of three values each on 5,000 lines
    (OUT / "many-nodes.yaml").write_text("scenarios:\n" + "- {a: 1}\n  - {b: 2}\n  - {c: 3}\n".replace("\n  ", "\n")
                                         * 5_000, encoding="utf-8")
    # 20,000 unknown keys on 20,000 lines (under the line limit), as YAML and JSON
    (OUT / "many-keys.yaml").write_text(OK + "".join(f"k{i}: 1\n" for i in range(20_000)), encoding="utf-8")
    (OUT / "many-keys.json").write_text("{" + ", ".join(f'"k{i}": 1' for i in range(20_000)) + "}\n", encoding="utf-8")
    # every list and mapping within its limit, but 57,000 values in all on 800 lines
    (OUT / "many-values.yaml").write_text("scenarios:\n" + "".join(
        "- {" + ", ".join(f"k{j}: [1, 1, 1, 1, 1]" for j in range(10)) + "}\n" for _ in range(800)), encoding="utf-8")
    (OUT / "many-scalars-flow.json").write_text("[" + ",".join(["0"] * 300_000) + "]\n", encoding="utf-8")
    d = OUT / "directory.yaml"
    d.mkdir(exist_ok=True)
    (d / "README").write_text("A directory whose name looks like a scenario file.\n")
    print(f"{len(list(OUT.iterdir()))} entries in {OUT}")


if __name__ == "__main__":
    main()
