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
        "Earlier: 0.59 s against 0.21 s (2.8×), then 2.3× with the compiled plan kept between runs, then 1.9–2.1× "
        "without pydantic at start (" + LOADED_FORM + ") and with the session store started as `anzen app FLOW` starts it. "
        "This round, the question first: the side panel and the key footer are mounted after the first frame; a new "
        "session is created in a worker thread once the question is shown (SQLite off the UI thread; answers given in "
        "between are committed to it in order); Python's cyclic collector waits until the first screen is drawn, then "
        "the objects made while starting are frozen (gc.freeze): starting made several full collections over all of "
        "Textual's objects (~40 ms); the first screen's stylesheet is read with the app's (a screen's own CSS_PATH makes "
        "Textual parse every stylesheet again, ~15 ms); the screen gets its width class when made (added at the first "
        "resize, it restyled every widget); the transcript is anchored after the first frame (anchoring makes its "
        "scrollbar widget at once); two widgets fewer in the first frame; what the first question does not need is "
        "imported later (the result, the choice answer areas); ~20 frozen dataclasses on the start path (~0.8 ms each "
        "to define) became records that cost nothing to define (plan and condition nodes as Records, screen results and "
        "rows as NamedTuples). Instructions to the first question (valgrind): 1,352 M after the first of these "
        "changes, 1,150 M after the last, against 898 M for the bare app. The benchmark now stops at the first frame "
        "that shows the question (every frame passes App._display), not when run_test has settled (which includes what "
        "comes after the first frame), and the measured processes write their bytecode (PYTHONDONTWRITEBYTECODE=0 in "
        "the environment had kept changed modules from being cached). Over this session's last runs 1.19–1.28×: met in "
        "most, the goal inside the spread of this shared machine (25 samples each since, not 15). Left "
        "beyond the bare app: Textual's work for a first frame of 11 widgets against 3 (compose, styles, the restyle "
        "when a pushed screen resumes, layout, render), parsing interview.tcss (~4 ms), our modules (~15 ms), reading "
        "the plan (~7 ms)."
    ),
    "2": (
        "Earlier: 0.36 s against 0.11 s (3.2×), then 2.2×, then 1.45× without pydantic at start. This round: the first "
        "question is shown before the session database is opened (the session starts through prompt_toolkit's "
        "run_in_terminal once the prompt is drawn, the first answer waits for it, and its id is printed above the first "
        "question; without a terminal, the session starts first as before); the command line builds only the named "
        "command's parser; plain lines printed without prompt_toolkit's styles; a docstring on every dataclass the start "
        "defines (without one, dataclasses builds it with inspect.signature at every start); the plan read with the "
        "collector paused; plan and condition nodes as Records. Met in most runs this session (1.18–1.26×; two runs on a "
        "busy machine read 1.31× and 1.33×). Left beyond questionary: argparse (~7 ms; questionary does not import it), "
        "the engine's modules (~10 ms), reading the plan (~7 ms)."
    ),
    "3": (
        "Earlier: ~0.31 s against ~0.07 s (4.6×), then 2.3–3.1×, then met (1.4×): " + LOADED_FORM + "; the summary "
        "printed to a pipe or a file is the same lines without loading rich (rich only for a terminal: −30 ms; a test "
        "keeps the two outputs the same). This round the line mode's changes (the parser of the named command only) "
        "apply here too."
    ),
    "5": (
        "Earlier: 155 s for 10,000 questions (quadratic), then 2.0–2.3 s (linear), then ~1.1–1.3 s with ~2× fewer "
        "instructions (the engine's waiting questions a set with a heap, each path's status from the report's own "
        "decision, YAML lines kept per mapping and list, libyaml's resolver hooks to C no-ops …). This round (valgrind "
        "7.45 G → 7.10 G): when a collector pause ends, what survives (the files, the plan) goes straight to the oldest "
        "generation (a young collection walked it all for nothing: 63–77 ms); each rule's answers read worked out once "
        "per item; one section record per section; the YAML builder looks up each list item's line once; the "
        "translation check collects into one list. Everything reported is identical (every shipped flow, the bad-input "
        "corpus, synthetic flows). Then 1.02–1.20 s, not met. Latest round, met: 0.82 s (scaling 10.7–11.2×). "
        "Found by counting page faults: each check of 10,000 questions took ~29,000 (70–85 ms of system time) and "
        "peaked at 162 MiB, most of it PyYAML's tree of nodes (an object, its attribute dict and two marks per value), "
        "made whole before any value was built. Values are now built from libyaml's events one at a time (no tree): "
        "parsing ~390 → ~280 ms, peak 115 MiB, ~18,500 faults. Also: texts without English are found while loading, "
        "so the translation check walks every text only when one lacks it (its first use alone cost ~1.2 G "
        "instructions in a one-shot `flows check`); a path's walk goes on from the question it answered instead of "
        "scanning its part from the start; article mentions look up documents and lines only for texts that cite "
        "one; each question's line read from its section's table; the loaded form takes the validated model's fields "
        "over instead of copying them. Callgrind, one check in a fresh process: 8,714 M → 7,339 M instructions before "
        "the event parser. Tried and dropped: resolving plain values in our builder instead of PyYAML's resolver hook "
        "(the hook cost only ~12 ms), and PyYAML's node classes swapped for C-made ones (only by patching PyYAML's "
        "module globals). Where the time goes now at 10,000: reading the YAML ~33%, exploring paths ~23%, "
        "validation and the loaded form ~19%, build ~15%, the path rules ~6%. Every stage grows 10–12.5× for ×10 "
        "questions (the working set outgrows the processor's caches, and the larger run must fault in its memory), "
        "so the scaling figure is the closer of the two to its goal."
    ),
    "7": (
        "Earlier: 83 → 75 → 48.6 MiB (a pydantic-free loaded form, the result and the earlier conversation as "
        "line-based widgets, Textual's process-wide caches emptied at each step, a one-widget footer). This round a "
        "leak was found and fixed: Textual's Input is kept alive by its screen's text-selection signal (a closure over "
        "itself, stored as the value of its own weak key), so every text answer area replaced during the interview "
        "stayed in memory with what it drew (10 over the Wakayama report); ours unsubscribes when it leaves (a test "
        "keeps it). Now ~48.2 MiB (1.42×). Where the rest is, traced (tracemalloc) at the result against the bare app "
        "after its answer: Python's allocations 20.0 vs 10.4 MiB. Imports 11.9 vs 9.6 MiB (our ~55 modules, ~530 KB "
        "of bytecode; sqlite3, json, hashlib; the Textual widgets the interview uses). After import 8.0 vs 0.8 MiB: "
        "the plan 0.9 MiB (its source documents 0.3), Textual's rendered strips and their caches 1.5 MiB (~190 lines "
        "drawn become ~830 strips with the cuts and styles derived from them, each with seven small caches of its "
        "own), Content 0.5 MiB, the message pumps of 53 widgets 0.4 MiB, rich's cell-width cache 0.3 MiB, the rest "
        "spread over Textual's styles, DOM and layout at ≤0.25 MiB each. Outside Python: files +2 MiB (libsqlite3 "
        "1.3, unicodedata's tables 0.9 for Textual's key names and NFKC), malloc's heap +1.9 MiB. Tried, each within "
        "the ±1 MiB spread between runs: one malloc arena, sha256 without OpenSSL, no NFKC tables, no collector pause "
        "at start, dropping the interview screen before the result; this round malloc_trim after every step (no "
        "change: the growth is live Python objects, not freed heap). Meeting 1.3× (44.1 MiB) needs ~4 MiB less, half "
        "of what the app keeps beyond its imports; no single part is larger than 1.5 MiB, and the large ones (the "
        "plan, the lines Textual draws, the store) are what the app is. Not met."
    ),
}
