"""What the profiles showed for goals not met, and what was tried (RESULTS.md prints these under the table).

Figures are from profiles on the machine of RESULTS.md (pyinstrument, -X importtime, best of 15 runs)."""

PYDANTIC = (
    "The floor is pydantic: a plan holds our pydantic models (questions, checklists, source documents), so starting "
    "needs `pydantic.main` (~80 ms after Python starts, against ~50 ms for the lazy `import pydantic` of the baseline) "
    "and the definition of our ~40 model classes (~45 ms, although they already use `defer_build`). "
)
NEXT = (
    "What would meet it: a pydantic-free runtime form of the plan (the models validate files when a plan is built; "
    "the kept plan is made of plain classes), about −110 ms on every start; a change to the core model layer, not made here."
)

NOTES: dict[str, str] = {
    "1": (
        "Before: 0.59 s against 0.21 s (2.8×). Tried, kept: the compiled plan is kept between runs "
        "(anzen.plan_cache: no YAML parsing, validation or build on start, −85 ms); the loader and the YAML parser are "
        "imported only when a file is read; runtime labels no longer build a pydantic validator (−40 ms); `anzen app FLOW` "
        "opens a flow without the home screen. What remains beyond the bare app: " + PYDANTIC +
        "reading the kept plan (~20 ms with the sha256 of its 16 files), and the interview screen's own modules, CSS and "
        "widgets (transcript, side panel, footer: ~40 ms). " + NEXT
    ),
    "2": (
        "Before: 0.36 s against 0.11 s (3.2×); the session store read and validated every flow file again to fingerprint "
        "the session (~70 ms, a pydantic validator built on the way). Tried, kept: the kept plan; the store now takes the "
        "flow files to fingerprint from the plan (same fingerprint, tested) and reuses the plan it located; a plan asked "
        "for again in the same process is not read again. What remains: " + PYDANTIC +
        "argparse and the session database (~25 ms). " + NEXT
    ),
    "3": (
        "Before: ~0.31 s against ~0.07 s (4.6×). Tried, kept: the kept plan (−85 ms); a JSON answers file no longer "
        "imports the YAML parser (−20 ms); article labels in results are plain bilingual words instead of a validated "
        "pydantic Text (which built a validator in every process: −40 ms); difflib only when a name is wrong. "
        "What remains: Python 11 ms + " + PYDANTIC +
        "rich for the summary (~25 ms), reading the kept plan (~20 ms), engine, report and JSON (~15 ms). The goal "
        "(≤ 2× ≈ 150 ms) lies below pydantic plus our models alone (~135 ms). " + NEXT
    ),
    "5": (
        "Before: the full linter (`flows check`: every path) took 155 s for 10,000 questions and 0.73 s for 1,000 "
        "(quadratic: a new interview per part, the whole checklist decided on every path, closures compared pairwise, "
        "every part scanned for every question). Now linear (×10 questions ≈ ×9–11 time): one interview reused across "
        "parts, each part decides only its own items, closures and parts indexed, and the collector paused over loading "
        "and checking once (−0.3 s). What the 10,000-question check (1.35 MB of YAML) costs without the collector: "
        "YAML 0.55 s (libyaml composing 0.3 s, our builder recording every line 0.2 s), pydantic validation 0.13 s, "
        "build 0.33 s, translations 0.13 s, exploring 12,750 paths 0.65 s (deciding the part's items on each), the "
        "follow-up rules 0.12 s. Tried and dropped (no measurable gain): a fast path for scalar values in the YAML "
        "builder, an iterative walk for the translation check."
    ),
    "7": (
        "Before: 83 MiB at the result (118 MiB after the export). Fixed: Textual keeps every FooterKey it replaces bound "
        "to the footer's `compact` reactive; the interview footer now lets go of them (−6 MiB over the Wakayama report; "
        "anzen.tui.widgets.footer). Where the rest goes: imports — Textual 32 MiB (the bare app's own), pydantic and our "
        "models +9 MiB, the plan +2.5 MiB, the screens +1 MiB — so 45 MiB before the first screen and 51 MiB at the "
        "first question; +15 MiB over ~110 answers in Textual's render caches and compositor maps for the growing "
        "transcript (tracemalloc: spread over many small entries, none above 0.4 MB); +10 MiB for the result screen "
        "(~370 widgets of the checklist tables). The export adds reportlab, openpyxl and the embedded font (+30 MiB), "
        "shown on its own row. Not tried: paging the transcript and the result tables (fewer live widgets)."
    ),
}
