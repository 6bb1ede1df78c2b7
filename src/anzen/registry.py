"""Where the shipped flows, checklists and source documents are, and loading them once.

Installed (wheel): inside the package (`anzen/flows`, `anzen/checklists`). In a checkout they
live at the top level (`flows/`, `checklists/`), which the wheel build copies into the package."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anzen.errors import Problem, ProblemsError, did_you_mean

if TYPE_CHECKING:  # the loader (pydantic, YAML) is imported when a file is first read: a cached plan needs neither
    from anzen.loader import Loaded
    from anzen.model.runtime import Checklist, Flow, SourceDocument

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder of shipped `flows` or `checklists`."""
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name  # a source checkout (editable install or PYTHONPATH=src)


def display_path(path: Path, *, resolved: bool = False) -> str:
    """How a file is named in messages: relative to the working folder, or `flows/x.yaml` when shipped.
    `resolved`: the path is resolved already (as a kept plan's are: resolving again costs a system call
    per folder of it)."""
    if not resolved:
        path = path.resolve()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        pass
    for name, root in _shipped_roots():
        if path.is_relative_to(root):
            return f"{name}/{path.relative_to(root)}"
    return str(path)


@cache
def _shipped_roots() -> tuple[tuple[str, Path], ...]:
    return tuple((name, data_dir(name).resolve()) for name in ("flows", "checklists"))


class Library:
    """The checklists, sources and flows that a flow may refer to; each file parsed at most once."""

    def __init__(self, flows_dir: Path | None = None, checklists_dir: Path | None = None) -> None:
        self.flows_dir = flows_dir or data_dir("flows")
        self.checklists_dir = checklists_dir or data_dir("checklists")
        self._checklists: dict[str, Loaded[Checklist]] = {}
        self._sources: dict[str, Loaded[SourceDocument]] = {}
        self._roots: list[Path] = [self.checklists_dir]  # where checklists are looked for, first match wins
        self._flows: dict[Path, Loaded[Flow]] = {}

    # flows ---------------------------------------------------------------
    def flow_ids(self) -> list[str]:
        return sorted(p.stem for p in self.flows_dir.glob("*.yaml"))

    def flow_path(self, ref: str, relative_to: Path | None = None) -> Path:
        """An installed flow id, or a path (relative to `relative_to` or the working folder)."""
        candidate = Path(ref)
        if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref:
            base = relative_to.parent if relative_to is not None else Path.cwd()
            return candidate if candidate.is_absolute() else (base / candidate)
        installed = self.flows_dir / f"{ref}.yaml"
        if installed.is_file():
            return installed
        hint = did_you_mean(ref, self.flow_ids())
        raise ProblemsError([Problem("unknown-flow", f"no installed flow '{ref}' (and no such file)", hint=hint)])

    def flow(self, path: Path) -> Loaded[Flow]:
        key = path.resolve()
        self._look_beside(key)
        if key not in self._flows:
            from anzen.loader import load_flow

            self._flows[key] = load_flow(path, display_path(path))
        return self._flows[key]

    def _look_beside(self, flow_file: Path) -> None:
        """A flow written outside the installation finds its checklists beside it: `checklists/` in its own
        folder or its parent's (a project with flows/ and checklists/ side by side), before the installed ones."""
        for folder in (flow_file.parent / "checklists", flow_file.parent.parent / "checklists"):
            if folder.is_dir() and folder.resolve() != self.checklists_dir.resolve() and folder.resolve() not in self._roots:
                self._roots.insert(len(self._roots) - 1, folder.resolve())

    def _find(self, name: str) -> Path | None:
        return next((root / name for root in self._roots if (root / name).is_file()), None)

    # checklists and sources --------------------------------------------
    def checklist_ids(self) -> list[str]:
        return sorted({p.stem for root in self._roots for p in root.glob("*.yaml") if p.stem != "crosswalk"})

    def checklist(self, checklist_id: str) -> Loaded[Checklist] | None:
        if checklist_id not in self._checklists:
            path = self._find(f"{checklist_id}.yaml")
            if path is None:
                return None
            from anzen.loader import load_checklist

            self._checklists[checklist_id] = load_checklist(path, display_path(path))
        return self._checklists[checklist_id]

    def source_ids(self) -> list[str]:
        return sorted({p.stem for root in self._roots for p in (root / "sources").glob("*.yaml")})

    def source(self, doc_id: str) -> Loaded[SourceDocument] | None:
        if doc_id not in self._sources:
            path = self._find(f"sources/{doc_id}.yaml")
            if path is None:
                return None
            from anzen.loader import load_source

            self._sources[doc_id] = load_source(path, display_path(path))
        return self._sources[doc_id]

    def loaded_files(self) -> list[Loaded[Any]]:
        """Every file read so far (what a plan built with this library rests on)."""
        return [*self._flows.values(), *self._checklists.values(), *self._sources.values()]


@cache
def default_library() -> Library:
    return Library()
