"""The built package carries its flows and checklists and works outside the checkout; schemas are current."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from anzen.schema import SCHEMAS, schema_text

ROOT = Path(__file__).resolve().parents[2]


def test_published_schemas_are_current():
    for folder in SCHEMAS:
        published = (ROOT / folder / "schema.json").read_text(encoding="utf-8")
        assert published == schema_text(folder), f"{folder}/schema.json is stale: run python -m anzen.schema"


def test_every_shipped_file_names_its_schema():
    for path in [*ROOT.glob("flows/*.yaml"), *ROOT.glob("checklists/*.yaml")]:
        if path.name == "crosswalk.yaml":
            continue
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schema.json"), path


def test_wheel_works_from_any_directory(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("anzen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "anzen/flows/wakayama-safety-report.yaml" in names
    assert "anzen/checklists/sources/wakayama-tokki.yaml" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.yaml").write_text("copied_any: 'no'\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run([sys.executable, "-m", "anzen", "fill", "wakayama-safety-report", "--answers", "a.yaml", "--format", "json"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(list((elsewhere / "exports").glob("*.json"))) == 1
    check = subprocess.run([sys.executable, "-c", "import anzen.registry as r; print(r.data_dir('flows'))"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert check.stdout.strip().startswith(str(site))
