"""Compiled plans kept between runs (anzen.plan_cache): used only while every file is unchanged, and
only from a file of the user's own."""

from __future__ import annotations

import os
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

import anzen.build
from anzen import plan_cache
from anzen.engine import Interview
from anzen.errors import ProblemsError
from anzen.registry import Library
from anzen.report import build_report, report_dict
from anzen.store.flows import flow_files, flow_hash, locate
from anzen.tui.overview import source_articles

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = {"copied_any": "yes", "copy_on_instruction": "no", "contractor": "株式会社テスト", "third_party_handled": "yes", "offer_application": "yes"}
FLOW = "wakayama-safety-report"


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    """The shipped flows and checklists in a folder of their own, written a minute ago (settled), and an empty cache."""
    for name in ("flows", "checklists"):
        shutil.copytree(ROOT / name, tmp_path / name)
    old = time.time() - 60
    for file in tmp_path.rglob("*.yaml"):
        os.utime(file, (old, old))
    monkeypatch.setenv("ANZEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(plan_cache, "_kept", {})  # as a new process
    monkeypatch.setattr(plan_cache, "_checked", {})
    return Library(tmp_path / "flows", tmp_path / "checklists")


def report(plan) -> dict:
    interview = Interview(plan, today=datetime(2026, 10, 1).date())
    assert interview.load(ANSWERS).ok
    return report_dict(build_report(interview, generated_at=datetime(2026, 10, 1, tzinfo=timezone.utc)))


def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the builds from now on."""
    calls: list[str] = []
    real = anzen.build.build_plan

    def counted(loaded, library=None):
        calls.append(loaded.model.id)
        return real(loaded, library)

    monkeypatch.setattr(anzen.build, "build_plan", counted)
    return calls


def cached_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("*.pickle"))


def test_a_new_process_reads_the_plan_kept_and_it_gives_the_same_report(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = plan_cache.load_plan(FLOW, library)
    (kept,) = cached_files(tmp_path)
    assert kept.stat().st_mode & 0o777 == 0o600 and kept.parent.stat().st_mode & 0o077 == 0
    monkeypatch.setattr(plan_cache, "_kept", {})
    calls = builds(monkeypatch)
    again = plan_cache.load_plan(FLOW, library)
    assert calls == [] and again is not built
    assert report(again) == report(built)
    assert again.files == built.files and len(again.files) == 4  # the report and the sub-flows it includes


@pytest.mark.parametrize("since", ["unchanged", "replaced", "removed"])
def test_a_kept_plans_articles_are_read_only_when_shown_and_are_the_documents(library: Library, tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch, since: str) -> None:
    built = plan_cache.load_plan(FLOW, library)
    (kept,) = cached_files(tmp_path)
    monkeypatch.setattr(plan_cache, "_kept", {})
    again = plan_cache.load_plan(FLOW, library)
    assert set(again.sources) == set(built.sources) and len(again.sources) > 3
    assert not any(doc.articles.read for doc in again.sources.values()), "not read with the plan"
    assert [doc.title for doc in again.sources.values()] == [doc.title for doc in built.sources.values()]
    if since == "replaced":  # another process kept another plan in its place
        kept.write_bytes(b"\x80\x05not a pickle")
        kept.chmod(0o600)
    elif since == "removed":
        kept.unlink()
    calls = builds(monkeypatch)
    for doc_id, doc in again.sources.items():
        assert doc.articles == built.sources[doc_id].articles and doc == built.sources[doc_id], doc_id
    assert calls == [], "read from the file, or from the document itself: no plan is built for it"
    ref = next(r for node in again.questions for r in getattr(node.question, "refs", ()) or ())
    (shown,) = source_articles(again, [ref], "ja")
    assert shown.found and shown.text == next(a for a in built.sources[ref.doc].articles if a.id == ref.article).text.ja


@pytest.mark.parametrize("changed", ["flows/subcontract-application.yaml", "checklists/wakayama-safety-report.yaml", "checklists/sources/wakayama-tokki.yaml", "checklists/crosswalk.yaml"])
def test_a_changed_file_it_was_built_from_is_read_again(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: str) -> None:
    plan_cache.load_plan(FLOW, library)
    file = tmp_path / changed
    file.write_text(file.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    calls = builds(monkeypatch)
    plan_cache.load_plan(FLOW, library)  # in this process too
    monkeypatch.setattr(plan_cache, "_kept", {})
    plan_cache.load_plan(FLOW, library)
    assert calls == [FLOW, FLOW]  # the file was just written: the plan is not kept until it has settled


@pytest.mark.parametrize("changed, before, after", [
    ("flows/subcontract-application.yaml", "申請日を入力してください。", "申請の日付を入力してください。"),
    ("checklists/crosswalk.yaml", "name: {ja: 和歌山市, en: Wakayama City}", "name: {ja: 和歌山市, en: City of Wakayama}"),
])
def test_an_edited_file_is_what_the_plan_kept_afterwards_says(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              changed: str, before: str, after: str) -> None:
    plan_cache.load_plan(FLOW, library)
    file = tmp_path / changed
    file.write_text(file.read_text(encoding="utf-8").replace(before, after, 1), encoding="utf-8")
    old = time.time() - 30
    os.utime(file, (old, old))  # settled: this build is kept
    plan_cache.load_plan(FLOW, library)
    monkeypatch.setattr(plan_cache, "_kept", {})
    calls = builds(monkeypatch)
    plan = plan_cache.load_plan(FLOW, library)
    assert calls == []
    if changed.startswith("flows/"):
        assert plan.by_id["subcontract.application_date"].question.prompt.ja == "申請の日付を入力してください。"
    else:
        assert plan.crosswalk.municipalities[0].name.en == "City of Wakayama"


def test_an_edit_that_breaks_the_flow_is_reported_not_hidden_by_the_cache(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan_cache.load_plan(FLOW, library)
    sub = tmp_path / "flows" / "subcontract-application.yaml"
    sub.write_text(sub.read_text(encoding="utf-8").replace("kind: yes_no", "kind: yes_or_no", 1), encoding="utf-8")
    monkeypatch.setattr(plan_cache, "_kept", {})
    with pytest.raises(ProblemsError):
        plan_cache.load_plan(FLOW, library)


@pytest.mark.parametrize("damage", ["garbage", "others_may_write", "symlink"])
def test_a_cache_file_that_is_damaged_or_not_the_users_own_is_never_read(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    plan_cache.load_plan(FLOW, library)
    (kept,) = cached_files(tmp_path)
    if damage == "garbage":
        kept.write_bytes(b"\x80\x05not a pickle")
    elif damage == "others_may_write":
        kept.chmod(0o666)
    else:
        target = tmp_path / "elsewhere.pickle"
        kept.rename(target)
        kept.symlink_to(target)
    monkeypatch.setattr(plan_cache, "_kept", {})
    calls = builds(monkeypatch)
    plan = plan_cache.load_plan(FLOW, library)
    assert calls == [FLOW] and plan.flow.id == FLOW
    (rewritten,) = cached_files(tmp_path)
    assert not rewritten.is_symlink() and rewritten.stat().st_mode & 0o777 == 0o600


def test_paths_in_messages_follow_the_working_folder(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert plan_cache.load_plan(FLOW, library).file == "flows/wakayama-safety-report.yaml"
    monkeypatch.setattr(plan_cache, "_kept", {})
    monkeypatch.chdir(tmp_path / "flows")
    assert plan_cache.load_plan(FLOW, library).file == "wakayama-safety-report.yaml"


def test_an_empty_cache_setting_keeps_nothing_on_disk(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANZEN_CACHE_DIR", "")
    plan_cache.load_plan(FLOW, library)
    assert not (tmp_path / "cache").exists()


def test_a_session_fingerprint_from_the_plan_is_the_one_read_from_the_flows(library: Library) -> None:
    located = locate(FLOW, library)
    assert located.plan is not None
    assert [str(p) for p in flow_files(located.path, library)] == list(located.plan.files)
    assert located.hash == flow_hash(located.path, library)


def test_a_process_that_reads_a_kept_plan_never_imports_pydantic(library: Library, tmp_path: Path) -> None:
    """pydantic checks files when a plan is built; a kept plan is plain data (anzen.model.runtime)."""
    import subprocess
    import sys

    (tmp_path / "a.json").write_text('{"copied_any": "no"}', encoding="utf-8")
    fill = ("import sys; from anzen.cli.main import main; code = main(['fill', sys.argv[1], '--answers', 'a.json', '--format', 'json', '--out', 'out', '--force']);"
            " print(code, 'pydantic' in sys.modules, 'yaml' in sys.modules)")
    env = {**os.environ, "ANZEN_CACHE_DIR": str(tmp_path / "cache")}
    flow = str(library.flow_path(FLOW))
    runs = [subprocess.run([sys.executable, "-c", fill, flow], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60) for _ in range(2)]
    assert [r.stdout.split()[-3:] for r in runs] == [["0", "True", "True"], ["0", "False", "False"]], [r.stderr for r in runs]
    assert len(list((tmp_path / "out").glob("*.json"))) == 1


def test_files_checked_once_are_not_read_again_while_unchanged(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan_cache.load_plan(FLOW, library)
    monkeypatch.setattr(plan_cache, "_kept", {})
    plan_cache.load_plan(FLOW, library)  # read from the cache file: every file hashed once
    read: list[Path] = []
    real = plan_cache._digest
    monkeypatch.setattr(plan_cache, "_digest", lambda path: read.append(path) or real(path))
    plan_cache.load_plan(FLOW, library)
    assert read == []
    sub = tmp_path / "flows" / "subcontract-application.yaml"
    sub.write_text(sub.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    plan_cache.load_plan(FLOW, library)
    assert sub.resolve() in read, "a file whose size or time changed is hashed again"
