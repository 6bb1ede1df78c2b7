"""What the profiles showed for each goal, what was done and what is left (RESULTS.md prints these under the table).

Figures are from profiles on the machine of RESULTS.md (pyinstrument, cProfile, -X importtime, valgrind
instruction counts where the machine was busy)."""

LOADED_FORM = (
    "pydantic no longer runs at start: files are validated by the pydantic models when a plan is built, and a plan "
    "holds their plain twins (anzen.model.runtime, generated from the models; a test keeps it current), so a kept plan "
    "is read without importing pydantic (~80 ms and 9 MiB before) or defining ~40 model classes (~45 ms)"
)

NOTES: dict[str, str] = {
    "1": (
        "Earlier: 0.59 s against 0.21 s (2.8×), then 0.44 s (2.3×) with the compiled plan kept between runs. This round: "
        + LOADED_FORM + "; the footer is one widget drawing the keys as text (Textual's Footer mounts a widget per key and "
        "rebuilds them at each change of keys: 36 restyles before the first question, half of all style applications); the "
        "plan cache no longer hashes files it checked in this process. The figure now includes what `anzen app FLOW` really "
        "does before the first question: opening the session database and starting a session (~25 ms; the earlier figure "
        "ran without the store). Now ≈1.9–2.1×. What remains beyond the bare app (cProfile, in order): Textual composing, styling and laying "
        "out a screen of 21 widgets (transcript, side panel with progress, answer area, footer) against 3; parsing our "
        "stylesheets (~25 ms); our modules' ~45 dataclasses (~15 ms to define); the store (~25 ms); reading the plan (~8 ms). "
        "What would meet it: showing the question before the rest of the screen is built (side panel and store after the "
        "first frame), and records without dataclasses in the modules the start imports; not done."
    ),
    "2": (
        "Earlier: 0.36 s against 0.11 s (3.2×), then 2.2×. This round: " + LOADED_FORM + "; a file the plan rests on is "
        "hashed once per process (the store asked for the plan twice). Now ≈1.3–1.45× (one run on a busy machine read "
        "1.27×, the quieter one 1.45×): not met. What remains beyond questionary (import profile, min of 5) is our modules, ~35 ms, half of it defining "
        "dataclasses (plan, store records, conditions, engine); opening the session database and starting the session, "
        "committed before the first prompt so that its id can be shown (~25 ms); reading the plan (~8 ms)."
    ),
    "3": (
        "Earlier: ~0.31 s against ~0.07 s (4.6×), then 2.3–3.1×. Met this round: " + LOADED_FORM + "; the summary printed "
        "to a pipe or a file is the same lines without loading rich (rich only for a terminal: −30 ms; a test keeps the "
        "two outputs the same)."
    ),
    "5": (
        "Earlier: 155 s for 10,000 questions (quadratic), then 2.0–2.3 s (linear). This round, ~2× fewer instructions "
        "(valgrind: 13.9 G → 7.4 G at 10,000): the engine's waiting questions a set with a heap (the sorted list moved "
        "O(questions) entries per answer); each path's item status from the report's own decision without building texts, "
        "and its deciding rule from the same decision; rule reads and sample answers worked out once per item and "
        "question; YAML lines kept per mapping and list instead of one tuple per value, no alias bookkeeping in a file "
        "without '*', libyaml's resolver hooks to C no-ops; the translation check only walks fields that can hold a text; "
        "a reference cycle per condition walk removed. The loaded form costs a conversion (one dict copy per model: "
        "~70 ms at 10,000). Now ≈1.1–1.3 s at 10,000 (medians of two runs on a shared machine): not met. Where the rest goes (instructions): reading the YAML 39% (PyYAML making its node and mark "
        "objects is the floor with PyYAML), exploring paths 22%, build 15%, pydantic validation 6%, follow-up rules 5%."
    ),
    "7": (
        "Earlier: 83 MiB at the result, then 75 MiB (2.2×). This round, 75 → 48 MiB: no pydantic (−5 MiB); the result "
        "screen draws each checklist with one line-based widget instead of ~370 Statics and containers (−10 MiB); the "
        "transcript keeps the last 12 exchanges as widgets and the history before them in one line-based widget (still "
        "scrolled and read the same); Textual's process-wide caches (StylesCache's lru_cache holding removed widgets' "
        "lines, the geometry caches) emptied at each step; the one-widget footer on every screen; the session store "
        "imported only when opened. Where the remaining 14 MiB above the bare app go: our modules, the plan and the "
        "screens' styles before the first question (~8 MiB), the line caches of the interview and result screens."
    ),
}
