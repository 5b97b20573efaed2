"""JSON Schema of the scenario file, generated from the pydantic model."""
from __future__ import annotations

from typing import Any

from facts.scenario import Scenario

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema(mode="validation")
    return {"$schema": DIALECT, "$id": "https://bijeenkomstwijzer.invalid/scenario.schema.json", **schema}
