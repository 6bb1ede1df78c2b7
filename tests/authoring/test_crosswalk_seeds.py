"""The crosswalk (checklists/crosswalk.yaml): complete against the seeds, consistent with the sources, and
cited in reports: a follow-up item cites the matching article of the interview's municipality.

The seeds are read from tests/data/seeds/ (copies of ../shared/seeds/), not from the transcribed sources,
so an article left out of both the sources and the crosswalk is still caught."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from anzen.build import load_plan
from anzen.crosswalk import load_crosswalk, matching_refs, municipality_of
from anzen.engine import Interview
from anzen.model.crosswalk import Crosswalk
from anzen.registry import default_library
from anzen.result import results

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def seed_articles() -> set[tuple[str, str]]:
    """(document id, article id) of every article printed in the seeds."""
    found: set[tuple[str, str]] = set()
    wakayama = _nfkc((SEEDS / "004_ce7ddde8c6b72ba2.txt").read_text(encoding="utf-8")).splitlines()
    form, contract, annex = wakayama.index("研修実施報告書"), wakayama.index("マイナンバーカードコールセンター運営業務委託契約書"), wakayama.index("別記")
    for line in wakayama[:form]:  # the specification: sections 1–10, then 1.1–1.6 (= 11–16)
        if m := re.match(r"^(\d+)(?:\.(\d+))? \S{1,20}$", line):
            found.add(("wakayama-spec", str(int(m[1]) * 10 + int(m[2])) if m[2] else m[1]))
    found |= {("wakayama-contract", f"第{m[1]}条") for line in wakayama[contract:annex] if (m := re.match(r"^第(\d+)条\s", line))}
    found |= {("wakayama-tokki", f"第{m[1]}") for line in wakayama[annex:] if (m := re.match(r"^第(\d+)\s", line))}
    raw = (SEEDS / "000_b01d7f6ac77bc2f4.txt").read_text(encoding="utf-8-sig").splitlines()
    kanagawa = [_nfkc(line) for line in raw]
    first = next(i for i, line in enumerate(kanagawa) if re.match(r"^第\s*1\s*条\s", line))
    section = None
    for original, line in zip(raw[:first], kanagawa[:first]):  # the standard: 1–4, with 4 printed as (1)–(3)
        if m := re.match(r"^ ?([０-９]+)\s", original):  # its sections use full-width digits; ① ② inside them do not count
            section = _nfkc(m[1])
            found.add(("kanagawa-kijun", section))
        elif (m := re.match(r"^\((\d+)\)\s", line)) and section:
            found.discard(("kanagawa-kijun", section))  # a section with sub-sections is its sub-sections
            found.add(("kanagawa-kijun", f"{section}({m[1]})"))
    found |= {("kanagawa-tokki", f"第{m[1]}条") for line in kanagawa[first:] if (m := re.match(r"^第\s*(\d+)\s*条\s", line))}
    okayama = _nfkc((SEEDS / "001_9524ddd30140ec6f.txt").read_text(encoding="utf-8"))
    found |= {("okayama-tokki", f"第{m[1]}") for m in re.finditer(r"(?m)^第(\d+)\s", okayama)}
    if "(注)" in okayama:
        found.add(("okayama-tokki", "注"))
    minato = _nfkc((SEEDS / "003_52525b99348ab12f.txt").read_text(encoding="utf-8"))
    found |= {("minato-tokki", f"第{m[1]}条") for m in re.finditer(r"(?m)^第\s*(\d+)\s*条\s", minato)}
    return found


@pytest.fixture(scope="module")
def crosswalk() -> Crosswalk:
    loaded = load_crosswalk(default_library().checklists_dir)
    assert loaded is not None
    return loaded


def mapped(crosswalk: Crosswalk) -> set[tuple[str, str]]:
    return {(r.doc, r.article) for t in crosswalk.topics for refs in t.articles.values() for r in refs}


def test_the_seeds_have_the_articles_we_expect() -> None:
    articles = seed_articles()
    counts = {doc: sum(1 for d, _ in articles if d == doc) for doc, _ in articles}
    assert counts == {"wakayama-spec": 16, "wakayama-contract": 24, "wakayama-tokki": 13, "kanagawa-kijun": 6,
                      "kanagawa-tokki": 16, "okayama-tokki": 17, "minato-tokki": 23}


def test_every_article_of_every_seed_is_mapped_or_deliberately_out_of_scope(crosswalk: Crosswalk) -> None:
    out = {(o.doc, a) for o in crosswalk.out_of_scope for a in o.articles}
    assert seed_articles() - mapped(crosswalk) - out == set()
    assert mapped(crosswalk) & out == set(), "an article is both mapped and out of scope"


def test_the_transcribed_sources_have_exactly_the_seeds_articles() -> None:
    library = default_library()
    for doc in {d for d, _ in seed_articles()}:
        source = library.source(doc)
        assert source is not None, doc
        assert {a.id for a in source.model.articles} == {a for d, a in seed_articles() if d == doc}, doc


def test_every_reference_in_the_crosswalk_exists(crosswalk: Crosswalk) -> None:
    library = default_library()
    for municipality in crosswalk.municipalities:
        for doc in municipality.documents:
            assert library.source(doc) is not None, doc
    for topic in crosswalk.topics:
        assert set(topic.articles) == {m.id for m in crosswalk.municipalities}, f"{topic.id}: give every municipality, [] if it has none"
        for municipality, refs in topic.articles.items():
            documents = next(m.documents for m in crosswalk.municipalities if m.id == municipality)
            for ref in refs:
                assert ref.doc in documents, (topic.id, ref)
                assert ref.article in {a.id for a in library.source(ref.doc).model.articles}, (topic.id, ref)


def test_the_common_topics_are_there_for_every_municipality(crosswalk: Crosswalk) -> None:
    common = ["confidentiality", "responsibility", "staff_and_place", "education", "no_other_use", "no_copying",
              "no_taking_out", "subcontracting", "return_and_disposal", "incident_reporting", "audits", "termination_and_damages"]
    topics = {t.id: t for t in crosswalk.topics}
    for topic in common:
        assert all(topics[topic].articles[m.id] for m in crosswalk.municipalities), topic


def test_a_municipality_is_recognised_in_an_answer(crosswalk: Crosswalk) -> None:
    assert municipality_of(crosswalk, "和歌山市") == "wakayama"
    assert municipality_of(crosswalk, "神奈川県 総務局") == "kanagawa"
    assert municipality_of(crosswalk, "Okayama Prefecture") == "okayama"
    assert municipality_of(crosswalk, "東京都港区") == "minato"
    assert municipality_of(crosswalk, "大阪市") is None


def test_an_item_already_citing_the_municipality_gets_nothing_more(crosswalk: Crosswalk) -> None:
    assert matching_refs(crosswalk, [("wakayama-tokki", "第7")], "wakayama") == []
    assert [(r.doc, r.article) for r in matching_refs(crosswalk, [("wakayama-tokki", "第7")], "minato")] == [("minato-tokki", "第9条")]


def test_a_topic_naming_an_unknown_municipality_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown municipalities: osaka"):
        Crosswalk.model_validate({"version": "1", "municipalities": [{"id": "a", "name": "A", "names": ["A"], "documents": ["d"]}],
                                  "topics": [{"id": "t", "title": "T", "articles": {"osaka": []}}]})


def _item(interview: Interview, checklist: str, item: str):
    found = [i for c in results(interview) if c.id == checklist for i in c.items if i.id == item]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(("municipality", "expected"), [
    ("岡山県", [("wakayama-tokki", "第7"), ("okayama-tokki", "第7")]),
    ("港区", [("wakayama-tokki", "第7"), ("minato-tokki", "第9条")]),
    ("和歌山市", [("wakayama-tokki", "第7")]),
    ("大阪市", [("wakayama-tokki", "第7")]),
])
def test_follow_up_items_cite_the_chosen_municipalitys_article(municipality: str, expected: list[tuple[str, str]]) -> None:
    interview = Interview(load_plan("wakayama-safety-report"), today=date(2026, 10, 1))
    interview.load({"municipality": municipality, "copied_any": "yes", "copy_on_instruction": "no", "copy_consent": "no"})
    copy_item = _item(interview, "wakayama-safety-report", "6-3")
    assert copy_item.status == "follow_up"
    assert [(r.doc, r.article) for r in copy_item.refs] == expected
    if len(expected) > 1:
        assert copy_item.refs[1].label.ja.startswith(municipality)
    confirmed = _item(interview, "wakayama-safety-report", "6-1")
    assert confirmed.status == "not_applicable" and [(r.doc, r.article) for r in confirmed.refs] == [("wakayama-tokki", "第7")]


def test_the_subcontract_application_cites_the_wakayama_articles_for_a_wakayama_contract() -> None:
    interview = Interview(load_plan("subcontract-application"), today=date(2026, 10, 1))
    block = {"name": "株式会社サブ", "group_company": "no", "mynumber": "no", "clause_copy": "yes", "resub": "no"}
    interview.load({"municipality": "和歌山市", "scope": "part", "subcontractors": [block]})
    content_item = _item(interview, "subcontract-application", "1-1")  # rests on Kanagawa 第7条 and Okayama 第9 only
    assert content_item.status == "follow_up"
    assert [(r.doc, r.article) for r in content_item.refs] == [
        ("kanagawa-tokki", "第7条"), ("okayama-tokki", "第9"), ("wakayama-tokki", "第9"), ("wakayama-contract", "第6条")]
