"""Synthetic flows for the benchmarks: seeded, reproducible, generated on demand (never committed).

A flow of N questions: sections of 10; yes/no and choice questions; every third question asked only
under a condition on an earlier one (so the engine re-branches); one checklist item per section whose
outcome reads the section's questions. Flows are bilingual and start with the schema line, as a
checked flow would: `flows check` then reports only what the paths show."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_library(folder: Path, size: int, seed: int = 20261121) -> Path:
    """Write flows/synth-N.yaml and checklists/synth-N.yaml under `folder`; return the flow path."""
    rng = random.Random(seed + size)
    flows, checklists = folder / "flows", folder / "checklists"
    flows.mkdir(parents=True, exist_ok=True)
    (checklists / "sources").mkdir(parents=True, exist_ok=True)
    for source in (ROOT / "checklists" / "sources").glob("wakayama-tokki.yaml"):
        shutil.copy(source, checklists / "sources" / source.name)
    sections = max(1, size // 10)
    lines = ["# yaml-language-server: $schema=schema.json", f"id: synth-{size}", "version: '1'", f"title: {{ja: 合成フロー{size}, en: Synthetic {size}}}", f"checklist: synth-{size}", "sections:"]
    items = ["id: synth-" + str(size), "version: '1'", "title: {ja: 合成, en: Synthetic}", "issuer: {ja: テスト, en: Test}", "source: synthetic", "categories:"]
    outcomes = ["outcomes:"]
    n = 0
    for s in range(sections):
        lines += [f"  - id: s{s}", f"    title: {{ja: 区分{s}, en: Section {s}}}", f"    category: c{s}", "    questions:"]
        items += [f"  - id: c{s}", f"    title: {{ja: 区分{s}, en: Section {s}}}", "    items:",
                  f"      - id: i{s}", f"        text: {{ja: 確認事項{s}, en: Item {s}}}", "        refs: [{doc: wakayama-tokki, article: 第1}]"]
        first = n
        for _ in range(10 if s < sections - 1 else max(10, size - n)):
            q = f"q{n}"
            when = ""
            if n % 3 == 2 and n > first:  # branch on an earlier answer of this section
                earlier = rng.randrange(first, n)
                if earlier % 3 != 2:
                    when = f", when: {{question: q{earlier}, in: ['yes', 'unsure']}}" if earlier % 4 else f", when: {{question: q{earlier}, equals: 'b'}}"
            if n % 4 == 0:
                lines.append(f"      - {{id: {q}, kind: choice, prompt: {{ja: 質問{n}, en: Question {n}}}, choices: [{{value: a, label: {{ja: イ, en: A}}}}, {{value: b, label: {{ja: ロ, en: B}}}}]{when}}}")
            else:
                lines.append(f"      - {{id: {q}, kind: yes_no, prompt: {{ja: 質問{n}, en: Question {n}}}{when}}}")
            n += 1
        reads = [f"q{first + 1}", f"q{first + 3}"]
        outcomes += [f"  i{s}:", f"    - when: {{all: [{{question: {reads[0]}, equals: 'yes'}}, {{question: {reads[1]}, equals: 'yes'}}]}}", "      status: confirmed",
                     "    - status: follow_up", "      reason: {ja: 理由, en: Reason}", "      action: {ja: 対応, en: Action}"]
    (flows / f"synth-{size}.yaml").write_text("\n".join(lines + outcomes) + "\n", encoding="utf-8")
    (checklists / f"synth-{size}.yaml").write_text("\n".join(items) + "\n", encoding="utf-8")
    return flows / f"synth-{size}.yaml"


if __name__ == "__main__":
    import sys

    for size in map(int, sys.argv[1:] or ["100"]):
        print(write_library(Path("synth"), size))
