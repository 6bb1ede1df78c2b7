"""JSON Schemas generated from the models, published beside the files they describe."""

from __future__ import annotations

import json
from pathlib import Path

from anzen.model.checklist import Checklist
from anzen.model.flow import Flow

SCHEMAS = {"flows": Flow, "checklists": Checklist}


def schema_text(folder: str) -> str:
    model = SCHEMAS[folder]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(by_alias=True)}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Regenerate flows/schema.json and checklists/schema.json under `root` (a checkout)."""
    written = []
    for folder in SCHEMAS:
        path = root / folder / "schema.json"
        path.write_text(schema_text(folder), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # python -m anzen.schema: refresh the published schemas and the loaded form in a checkout
    from anzen.model.generate import write

    for path in [*write_schemas(Path(__file__).resolve().parents[2]), write()]:
        print(path)
