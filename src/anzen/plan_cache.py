"""Compiled plans kept between runs, so that a command or the app starts without parsing YAML.

`load_plan(ref)` builds a flow's Plan once and pickles it into the user's cache folder (platformdirs
user_cache_dir, or $ANZEN_CACHE_DIR; ANZEN_CACHE_DIR= (empty) turns the cache off). A cached plan is
used only when:
- it was written by the same anzen (version and source files), Python and pydantic;
- every file it was built from (the flow, its sub-flows, checklists, source documents, the
  crosswalk) still has the fingerprint (BLAKE2b) it had, and is still shown under the same name
  (paths in messages are relative to the working folder);
- the cache file and its folder belong to the current user and nobody else may write them — a pickle
  is code, so one written by anybody else is never read.
Anything else (stale, unreadable, damaged, another owner) and the plan is built again and the file
replaced (atomically, mode 0600). Errors of the cache itself are never shown: it is only a shortcut.

The articles of the source documents (their full texts: ~0.3 MB of the Wakayama report's plan) are
kept in the same file but read only when one is shown (KeptArticles): a report cites articles by
document and number, and only the article view shows their text."""

from __future__ import annotations

import os
import pickle
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from anzen import __version__
from anzen.collecting import paused_gc
from anzen.digest import blake2b
from anzen.registry import Library, default_library, display_path

if TYPE_CHECKING:
    from anzen.plan import Plan

ENV_VAR = "ANZEN_CACHE_DIR"
FORMAT = 6  # 2: plans hold the plain loaded form (anzen.model.runtime), not pydantic models; 3: equal texts of a
# file shared; 4: the source documents' articles apart, before the plan; 5: each document's articles apart;
# 6: files fingerprinted with BLAKE2b (checking the ~0.3 MB a Wakayama plan rests on: 1.5 → 0.5 ms with SHA-256),
# and the folder the files' names were made in
_PACKAGE = Path(__file__).resolve().parent
_SETTLE_NS = 2_000_000_000  # a file changed this close to the build may have changed during it: not cached
# the modules whose code decides what a plan holds (a change in a checkout invalidates every plan)
_CODE = ("build.py", "build_conditions.py", "patterns.py", "plan.py", "conditions.py", "loader.py", "yamlio.py", "registry.py", "crosswalk.py", "plan_cache.py", "model")


def load_plan(ref: str, library: Library | None = None) -> Plan:
    """An installed flow id or a path → a checked Plan (ProblemsError listing every problem)."""
    library = library or default_library()
    path = library.flow_path(ref)
    key = (str(path.resolve()), str(library.flows_dir.resolve()), str(library.checklists_dir.resolve()))
    kept = _kept.get(key)
    if kept is not None and _still(kept[0], kept[2]):
        return kept[1]
    cache = cache_file(path, library)
    found = _read(cache, library) if cache is not None else None
    if found is None:
        from anzen.build import build_plan

        fresh = Library(library.flows_dir, library.checklists_dir)  # so that every file it reads is known
        started = time.time_ns()
        plan = build_plan(fresh.flow(path), fresh)
        depends = _depends(fresh)
        if not _settled(depends, started):
            return plan  # being edited: the plan may not match these bytes
        found = (depends, plan, _here())
        if cache is not None:
            _write(cache, found)
    _kept[key] = found
    return found[1]


# plans already loaded by this process (the line mode and the store ask for the same plan more than once)
_kept: dict[tuple[str, str, str], Kept] = {}


def cache_dir() -> Path | None:
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen).expanduser() if chosen.strip() else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("anzen", appauthor=False)) / "plans"


def cache_file(path: Path, library: Library) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = fingerprint(FORMAT, __version__, sys.version, _code_stamp(), path.resolve(), library.flows_dir.resolve(), library.checklists_dir.resolve())
    return folder / f"{path.stem[:40]}-{key}.pickle"


def fingerprint(*parts: Any) -> str:
    """A cache file's name for what it was made from (each part by its repr)."""
    key = blake2b()
    for part in parts:
        key.update(repr(part).encode() + b"\x00")
    return key.hexdigest()[:32]


def _code_stamp() -> list[tuple[str, int, int]]:
    stamp = []
    for name in _CODE:
        target = _PACKAGE / name
        for file in sorted(target.glob("*.py")) if target.is_dir() else [target]:
            try:
                info = file.stat()
            except OSError:
                continue
            stamp.append((file.name, info.st_size, info.st_mtime_ns))
    return stamp


# -- what a plan rests on -----------------------------------------------------
Depend = tuple[str, str | None, str | None]  # (resolved path, name shown in messages or None, BLAKE2b or None when absent)
Kept = tuple[list[Depend], "Plan", str | None]  # what a plan rests on, the plan, the folder its files were named from


def _digest(path: Path) -> str | None:
    try:
        return blake2b(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _depends(library: Library) -> list[Depend]:
    from anzen.crosswalk import FILE as CROSSWALK

    found: list[Depend] = []
    for loaded in library.loaded_files():
        assert loaded.path is not None
        found.append((str(loaded.path.resolve()), loaded.file, _digest(loaded.path)))
    crosswalk = (library.checklists_dir / CROSSWALK).resolve()  # read by the builder when it exists
    found.append((str(crosswalk), None, _digest(crosswalk)))
    return found


def _settled(depends: list[Depend], started_ns: int) -> bool:
    """No file changed since shortly before the build began (else it may have changed during it)."""
    try:
        return all(digest is None or os.stat(path).st_mtime_ns <= started_ns - _SETTLE_NS for path, _, digest in depends)
    except OSError:
        return False


def _here() -> str | None:
    """The working folder, which names in messages are relative to (None: it is gone)."""
    try:
        return os.getcwd()
    except OSError:
        return None


def _still(depends: list[Depend], named_from: str | None) -> bool:
    """Every file as it was when the plan was built (its fingerprint), and named the same in messages:
    from the folder the names were made in, they are (pathlib took ~1 ms to tell so for a Wakayama plan)."""
    renamed = named_from is None or named_from != _here()
    for path, shown, digest in depends:
        try:
            if not _same(path, digest) or (renamed and shown is not None and display_path(Path(path), resolved=True) != shown):
                return False
        except OSError:
            return False
    return True


# files whose fingerprint this process has checked, with their size and time then: unchanged, they are not read again
_checked: dict[str, tuple[int, int, str | None]] = {}


def _same(path: str, digest: str | None) -> bool:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return digest is None
    signature = (info.st_size, info.st_mtime_ns, digest)
    if _checked.get(path) == signature:
        return True
    if _digest(Path(path)) != digest:
        return False
    _checked[path] = signature
    return True


# -- reading and writing ----------------------------------------------------------
def _trusted(info: os.stat_result) -> bool:
    """Ours alone: owned by this user, writable by nobody else."""
    if not hasattr(os, "getuid"):  # Windows: the user's own profile folder protects it
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def open_own(cache: Path) -> tuple[BinaryIO, os.stat_result]:
    """The cache file opened for reading; OSError unless it is ours alone (a pickle is code)."""
    if not _trusted(os.stat(cache.parent)):
        raise PermissionError(f"{cache.parent}: not the user's own")
    handle = open(os.open(cache, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb")
    info = os.fstat(handle.fileno())
    if not stat.S_ISREG(info.st_mode) or not _trusted(info) or info.st_mode & 0o077:
        handle.close()
        raise PermissionError(f"{cache}: not the user's own")
    return handle, info


def _read(cache: Path, library: Library) -> Kept | None:
    try:
        handle, info = open_own(cache)
        with handle:
            header = pickle.load(handle)
            depends = header.get("depends") if isinstance(header, dict) and header.get("format") == FORMAT else None
            named_from = header.get("named_from") if isinstance(depends, list) else None
            named_from = named_from if isinstance(named_from, str) else None
            if not isinstance(depends, list) or not _still(depends, named_from):
                return None
            articles_at = handle.tell()
            handle.seek(header["articles"], os.SEEK_CUR)  # read when shown (KeptArticles)
            with paused_gc():  # thousands of new objects, none of them garbage
                plan = pickle.load(handle)
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file is rebuilt, never shown
        return None
    from anzen.plan import Plan

    if not isinstance(plan, Plan):
        return None
    for doc in plan.sources.values():
        if isinstance(doc.articles, KeptArticles):
            doc.articles.kept_in(cache, articles_at, info, library)
    return depends, plan, named_from


class KeptArticles(Sequence[Any]):
    """A source document's articles in a kept plan, read from its file when first asked for. Should that
    file have changed since (another process kept a newer plan), they are read from the document itself."""

    def __init__(self, doc: str, at: int) -> None:
        self.doc, self.at = doc, at  # where its articles are pickled, from the first document's
        self._articles: list[Any] | None = None
        self._where: tuple[Path, int, tuple[int, int, int], Library] | None = None

    def kept_in(self, cache: Path, offset: int, info: os.stat_result, library: Library) -> None:
        """The file the plan was read from, where the articles begin, and that file as it was then."""
        self._where = (cache, offset, (info.st_ino, info.st_size, info.st_mtime_ns), library)

    @property
    def read(self) -> bool:
        return self._articles is not None

    def __reduce__(self) -> tuple[Any, ...]:
        return (KeptArticles, (self.doc, self.at))  # written without its articles: they are kept beside the plan

    def _all(self) -> list[Any]:
        if self._articles is None:
            self._articles = self._from_cache()
            if self._articles is None:
                self._articles = self._from_source()
        return self._articles

    def _from_cache(self) -> list[Any] | None:
        if self._where is None:
            return None
        cache, offset, identity, _ = self._where
        try:
            handle, info = open_own(cache)
            with handle:
                if (info.st_ino, info.st_size, info.st_mtime_ns) != identity:
                    return None
                handle.seek(offset + self.at)
                articles = pickle.load(handle)
        except Exception:  # noqa: BLE001 - damaged since: read from the document
            return None
        return articles if isinstance(articles, list) else None

    def _from_source(self) -> list[Any]:
        library = self._where[3] if self._where is not None else default_library()
        loaded = Library(library.flows_dir, library.checklists_dir).source(self.doc)
        return list(loaded.model.articles) if loaded is not None else []

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __eq__(self, other: object) -> bool:  # as the list it stands for (a plan built again compares equal)
        return list(self) == list(other) if isinstance(other, (list, KeptArticles)) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # as a list

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())

    def __repr__(self) -> str:
        return f"KeptArticles({self.doc!r}, {'read' if self.read else 'not read'})"


def _write(cache: Path, kept: Kept) -> None:
    depends, plan, named_from = kept

    def write(handle: BinaryIO) -> None:
        # each document's articles a pickle of its own, before the plan, which says where each begins
        articles = {doc_id: pickle.dumps(list(doc.articles), protocol=pickle.HIGHEST_PROTOCOL) for doc_id, doc in plan.sources.items()}
        starts = dict(zip(articles, accumulate((len(b) for b in articles.values()), initial=0)))
        apart = plan.replace(sources={doc_id: doc.replace(articles=KeptArticles(doc_id, starts[doc_id])) for doc_id, doc in plan.sources.items()})
        header = {"format": FORMAT, "depends": depends, "named_from": named_from, "articles": sum(map(len, articles.values()))}
        pickle.dump(header, handle, protocol=pickle.HIGHEST_PROTOCOL)
        handle.writelines(articles.values())
        pickle.dump(apart, handle, protocol=pickle.HIGHEST_PROTOCOL)

    write_own(cache, write)


def write_own(cache: Path, write: Callable[[BinaryIO], None]) -> None:
    """Replace `cache` with what `write` writes, atomically, mode 0600, in a folder that is the user's own
    alone. Any error and nothing is written: a kept file is only a shortcut, made again next time."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _trusted(os.stat(cache.parent)):
            return
        fd, temp = tempfile.mkstemp(dir=cache.parent, prefix=".kept-", suffix=".tmp")  # 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                write(handle)
            os.replace(temp, cache)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except Exception:  # noqa: BLE001 - read-only home, full disk, nothing to pickle: made next time
        return
