"""Which flow a session answers: how to find it again, and a fingerprint that tells when it changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from anzen.conditions import Ref
from anzen.digest import sha256
from anzen.errors import ProblemsError
from anzen.model.runtime import Include
from anzen.plan import Plan
from anzen.registry import Library, default_library
from anzen.store.db import StoreError

RESPONDENT_FIELDS = ("contractor", "contractor_name", "applicant")  # header fields naming the 事業者


@dataclass(frozen=True)
class FlowRef:
    """How a session names its flow, the flow's fingerprint and its plan."""

    ref: str  # an installed flow id, or the absolute path of a flow file
    path: Path
    hash: str
    plan: Plan | None = None  # its checked plan (None when it cannot be used now)


def locate(ref: str, library: Library | None = None) -> FlowRef:
    """An installed id or a path → how the session names it, its fingerprint and its plan."""
    from anzen.plan_cache import load_plan

    library = library or default_library()
    try:
        path = library.flow_path(ref).resolve()
    except ProblemsError as exc:
        raise StoreError("; ".join(p.render() for p in exc.problems)) from None
    installed = path.parent == library.flows_dir.resolve() and path.stem == ref
    try:
        plan: Plan | None = load_plan(str(path), library)  # usually kept from an earlier run: its files need no parsing
    except ProblemsError:
        plan = None
    files = [Path(f) for f in plan.files] if plan is not None and plan.files[:1] == (str(path),) else None
    return FlowRef(ref if installed else str(path), path, flow_hash(path, library, files), plan)


def flow_hash(path: Path, library: Library | None = None, files: list[Path] | None = None) -> str:
    """sha256 of the flow file; when it includes sub-flows, of the file followed by each included
    file in the order they are included (a changed sub-flow changes the fingerprint too).
    `files`: that list when already known (a plan's files), else the flows are read to find it."""
    library = library or default_library()
    digest = sha256()
    for n, file in enumerate(files if files is not None else flow_files(path, library)):
        if n:
            digest.update(b"\n\x00include\x00\n")
        try:
            digest.update(file.read_bytes())
        except OSError as exc:
            raise StoreError(f"{file}: cannot read the flow: {exc.strerror or exc}", ja=f"{file}: フローを読み込めません: {exc.strerror or exc}") from None
    return digest.hexdigest()


def flow_files(path: Path, library: Library, seen: set[Path] | None = None) -> list[Path]:
    seen = set() if seen is None else seen
    path = path.resolve()
    if path in seen:
        return []
    seen.add(path)
    files = [path]
    try:
        flow = library.flow(path).model
    except ProblemsError:
        return files  # an unreadable flow: its own bytes are the fingerprint; loading it reports why
    for section in flow.sections:
        for question in section.questions:
            if isinstance(question, Include):
                try:
                    files += flow_files(library.flow_path(question.flow, path), library, seen)
                except ProblemsError:
                    continue
    return files


def load_plan_for(ref: str, library: Library | None = None) -> Plan:
    """The checked plan of a session's flow; StoreError naming every problem when it cannot be used."""
    from anzen.plan_cache import load_plan

    try:
        return load_plan(ref, library)
    except ProblemsError as exc:
        lines = "\n".join(f"  {p.render()}" for p in exc.problems)
        raise StoreError(f"the flow '{ref}' cannot be used now:\n{lines}", ja=f"フロー '{ref}' は今は使えません:\n{lines}") from None


def respondent_question(plan: Plan) -> str | None:
    """The question whose answer names the respondent (事業者名), from the checklist header."""
    for binding in plan.bindings:
        for field in RESPONDENT_FIELDS:
            expr = binding.header.get(field)
            if expr is not None and len(expr.parts) == 1 and isinstance(expr.parts[0], Ref):
                return expr.parts[0].id
    return None
