"""The built package carries its flows and checklists and works outside the checkout; schemas are current."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

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


def test_the_loaded_form_is_generated_from_the_models():
    from anzen.model.generate import TARGET, runtime_source

    assert TARGET.read_text(encoding="utf-8") == runtime_source(), "anzen/model/runtime.py is stale: run python -m anzen.schema"


def test_each_loaded_class_has_its_models_fields_in_order_and_defaults():
    from anzen.model import runtime
    from anzen.model.generate import models

    for model in models():
        twin = getattr(runtime, model.__name__)
        assert twin._fields == tuple(model.model_fields), model.__name__
        for name, info in model.model_fields.items():
            if info.default_factory is not None:
                assert twin._factories[name] is info.default_factory, (model.__name__, name)
            elif info.is_required():
                assert name not in twin._defaults and name not in twin._factories, (model.__name__, name)
            else:
                assert twin._defaults[name] == info.default, (model.__name__, name)


def test_a_loaded_record_is_immutable_compared_by_value_and_pickled_whole():
    import pickle

    from anzen.model.runtime import ArticleRef, Text, YesNoQuestion

    question = YesNoQuestion(id="a", prompt=Text(ja="質問", en="Question"), kind="yes_no", refs=[ArticleRef(doc="d", article="第1")])
    assert question.required is True and question.help is None and question.when is None
    assert pickle.loads(pickle.dumps(question)) == question
    assert question.replace(id="b") != question and question.replace(id="b").refs is question.refs
    assert Text(ja="x") == Text(ja="x") and hash(Text(ja="x")) == hash(Text(ja="x")) and Text(ja="x") != Text(ja="x", en="x")
    with pytest.raises(AttributeError):
        question.id = "c"  # type: ignore[misc]
    with pytest.raises(TypeError, match="needs id="):
        YesNoQuestion(prompt=Text(ja="x"), kind="yes_no")
    with pytest.raises(TypeError, match="no field colour"):
        Text(ja="x", colour="red")


def test_a_record_holds_its_fields_in_their_order_however_they_were_given():
    # every field given in order, the call's dict is taken as it is; any other way, it is completed and ordered
    from anzen.model.runtime import Text
    from anzen.plan import SectionInfo

    given = SectionInfo(id="s", title=Text(ja="区分"), checklist=None, category=None)
    shuffled = SectionInfo(category=None, checklist=None, title=Text(ja="区分"), id="s")
    assert given == shuffled and hash(given) == hash(shuffled)
    assert list(shuffled.__dict__) == list(SectionInfo._fields) == list(given.__dict__)
    assert repr(shuffled) == repr(given)
    with pytest.raises(TypeError, match="no field colour"):
        SectionInfo(id="s", title=Text(ja="x"), checklist=None, category=None, colour="red")


def test_a_cached_value_is_worked_out_once_and_kept_in_the_instance():
    from anzen.model.base import Record, cached

    calls = []

    class Box(Record):
        size: int

        @cached
        def area(self) -> int:
            """The size squared."""
            calls.append(self.size)
            return self.size * self.size

    box = Box(size=3)
    assert (box.area, box.area, calls) == (9, 9, [3])
    assert box.__dict__["area"] == 9 and Box.area.__doc__ == "The size squared."
    assert box.values() == (3,)  # a value worked out is no field


def test_the_loaded_form_of_every_shipped_file_holds_every_value_of_its_model():
    """loader.loaded_form converts only the fields whose type can hold a model, list or mapping: a naive
    conversion of every field gives the same records."""
    from pydantic import BaseModel

    from anzen.loader import loaded_form
    from anzen.model import checklist, crosswalk, flow, runtime, source
    from anzen.yamlio import load_yaml

    def naive(value):
        if isinstance(value, BaseModel):
            return getattr(runtime, type(value).__name__)(**{name: naive(getattr(value, name)) for name in type(value).model_fields})
        if isinstance(value, list):
            return [naive(v) for v in value]
        if isinstance(value, dict):
            return {k: naive(v) for k, v in value.items()}
        return value

    files = [(p, flow.Flow) for p in ROOT.glob("flows/*.yaml")] + [(p, checklist.Checklist) for p in ROOT.glob("checklists/*.yaml") if p.name != "crosswalk.yaml"]
    files += [(p, source.SourceDocument) for p in ROOT.glob("checklists/sources/*.yaml")] + [(ROOT / "checklists/crosswalk.yaml", crosswalk.Crosswalk)]
    assert len(files) > 15
    for path, model in files:
        validated = model.model_validate(load_yaml(path).data)
        expected = naive(validated)  # first: loaded_form takes the model's fields over
        assert loaded_form(validated) == expected, path


def test_loading_finds_the_texts_without_english_the_linter_looks_for():
    """Loaded.untranslated lets the linter skip its walk over every text: it must be true exactly when the walk
    would find a text without English (every shipped file, and one with a text left untranslated)."""
    from anzen.lint_texts import texts_of
    from anzen.loader import load_checklist, load_flow, load_text
    from anzen.model import flow

    loaded = [load_flow(p) for p in ROOT.glob("flows/*.yaml")] + [load_checklist(p) for p in ROOT.glob("checklists/*.yaml") if p.name != "crosswalk.yaml"]
    raw = (ROOT / "flows" / "wakayama-pledge.yaml").read_text(encoding="utf-8")
    assert ", en: Written pledge (Wakayama City)}" in raw
    loaded.append(load_text(raw.replace(", en: Written pledge (Wakayama City)}", "}", 1).encode(), flow.Flow, "untranslated.yaml"))
    walked = [any(not (text.en or "").strip() for _, text in texts_of(one.model)) for one in loaded]
    assert [one.untranslated for one in loaded] == walked and walked[-1] and not all(walked)
