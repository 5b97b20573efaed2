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
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (OUT / name).write_text(text, encoding="utf-8")
    (OUT / "too-large.yaml").write_text(OK + ("# padding to pass the size limit\n" * 33000), encoding="utf-8")
    (OUT / "binary.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (OUT / "latin1.yaml").write_bytes(("name: caf\u00e9 \u00e0 Enschede\n" + OK).encode("latin-1"))
    (OUT / "utf16.yaml").write_bytes(OK.encode("utf-16"))
    d = OUT / "directory.yaml"
    d.mkdir(exist_ok=True)
    (d / "README").write_text("A directory whose name looks like a scenario file.\n")
    print(f"{len(list(OUT.iterdir()))} entries in {OUT}")


if __name__ == "__main__":
    main()
