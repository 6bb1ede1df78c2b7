"""The one YAML parser: safe, located, YAML 1.2 core scalars."""

import pytest

from anzen.errors import ProblemsError
from anzen.yamlio import parse_yaml


def problems(raw: bytes) -> list[str]:
    with pytest.raises(ProblemsError) as info:
        parse_yaml(raw, "f.yaml")
    return [p.render() for p in info.value.problems]


def test_yes_no_and_dates_stay_strings_and_lines_are_recorded():
    doc = parse_yaml(b"a: yes\nb:\n  - when: 2026-04-01\n    on: off\n  - 3\n", "f.yaml")
    assert doc.data == {"a": "yes", "b": [{"when": "2026-04-01", "on": "off"}, 3]}
    assert doc.line_of(("b", 0, "on")) == 4
    assert doc.line_of(("b", 1)) == 5
    assert doc.line_of(("b", 0, "not-there")) == 3  # falls back to the deepest part that exists


def test_a_star_in_a_text_is_no_alias_and_lines_are_still_recorded():
    # a text with '*' is built watching for aliases (one without cannot have any): the same values and lines
    doc = parse_yaml(b"a: '5 * 3'\nb:\n  - x\n  - {c: d}\n", "f.yaml")
    assert doc.data == {"a": "5 * 3", "b": ["x", {"c": "d"}]}
    assert (doc.line_of(("b", 1)), doc.line_of(("b", 1, "c")), doc.line_of(("a",))) == (4, 4, 1)


def test_anchors_and_aliases_are_refused_where_they_are_written():
    assert problems(b"a: &s x\nb:\n  - y\n  - *s\nc: {d: &m [1]}\n") == [
        f"f.yaml:{n}: anchors and aliases (& and *) are not allowed in anzen files" for n in (1, 4, 5)]


def test_line_at_is_the_line_of_that_place_only():
    doc = parse_yaml(b"a: 1\nb:\n  - x\n  - {c: d}\n", "f.yaml")
    assert [doc.line_at(loc) for loc in [(), ("b",), ("b", 1, "c"), ("b", 2), ("b", 1, "e"), ("z",)]] == [1, 2, 4, None, None, None]
    assert doc.line_of(("b", 1, "e")) == 4  # the deepest part that exists


def test_true_false_null_numbers():
    assert parse_yaml(b"a: true\nb: null\nc: 1.5\nd: -2\n", "f").data == {"a": True, "b": None, "c": 1.5, "d": -2}


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"a: &x [1]\nb: *x\n", "f.yaml:2: anchors and aliases"),
        (b"a: 1\na: 2\n", "f.yaml:2: key 'a' appears twice"),
        (b"a: !!python/object/apply:os.system [ls]\n", "f.yaml:1: the tag"),
        (b"a: [\n", "f.yaml:2: YAML syntax"),
        (b"ok: 1\nbad: \xff\xfe\n", "f.yaml:2: not UTF-8"),
        (b"", "f.yaml: the file is empty"),
        (b"   \n\n", "f.yaml: the file is empty"),
    ],
)
def test_bad_yaml_is_located(raw, expected):
    assert any(p.startswith(expected) for p in problems(raw)), problems(raw)


def test_billion_laughs_is_refused_before_expansion():
    lines = [b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = b"a"
    for name in b"bcdefghi":
        n = bytes([name])
        lines.append(n + b": &" + n + b" [" + b",".join([b"*" + prev] * 9) + b"]")
        prev = n
    found = problems(b"\n".join(lines) + b"\n")
    assert found and all("anchors and aliases" in p for p in found)


def test_too_large_is_refused():
    assert "limit" in problems(b"a: " + b"x" * (5 * 1024 * 1024 + 1))[0]


CORE_SCALARS = [  # (YAML value, what it reads as): the YAML 1.2 core schema, plain, quoted, tagged and as keys
    ("true", True), ("False", False), ("TRUE", True), ("tRue", "tRue"), ("yes", "yes"), ("off", "off"),
    ("null", None), ("~", None), ("", None), ("Null", None), ("nil", "nil"),
    ("12", 12), ("-3", -3), ("+4", 4), ("007", 7), ("1_000", "1_000"), ("0x1F", "0x1F"),
    ("1.5", 1.5), ("-.5", -0.5), ("1e3", 1000.0), (".inf", float("inf")), ("-.Inf", float("-inf")), ("2026-04-01", "2026-04-01"),
    ("'true'", "true"), ('"12"', "12"), ("''", ""), ("!!str 12", "12"), ("!!int '5'", 5), ("!!bool 'true'", True),
    ("!!float '2'", 2.0), ("!!null ''", None), ("|\n  true\n", "true\n"), (">-\n  12\n", "12"),
    ("~x", "~x"), ("n/a", "n/a"), ("+", "+"), (".", "."), ("第1条", "第1条"),
]


@pytest.mark.parametrize("text, value", CORE_SCALARS)
def test_core_schema_values_keys_and_list_items(text, value):
    assert parse_yaml(f"a: {text}".encode(), "f").data == {"a": value}
    if "\n" not in text:
        assert parse_yaml(f"- {text}\n".encode(), "f").data == [value]
        if value is not None and text:
            assert parse_yaml(f"{text}: v\n".encode(), "f").data == {value: "v"}


def test_a_nan_is_a_float():
    assert parse_yaml(b"a: .nan\n", "f").data["a"] != parse_yaml(b"a: .nan\n", "f").data["a"]


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"a: !custom x\n", "f.yaml:1: the tag '!custom' is not allowed"),
        (b"a: !!set {x: null}\n", "f.yaml:1: the tag 'tag:yaml.org,2002:set' is not allowed"),
        (b"a: !!seq [x]\nb: !!omap [x]\n", "f.yaml:2: the tag 'tag:yaml.org,2002:omap' is not allowed"),
        (b"? [a]\n: 1\n", "f.yaml:1: a mapping key must be a plain value"),
        (b"!custom k: 1\n", "f.yaml:1: a mapping key must be a plain value"),
        (b"!!merge x: 1\n", "f.yaml:1: merge keys (<<) are not allowed in anzen files"),
        (b"1: a\n'1': b\n01: c\n", "f.yaml:3: key 1 appears twice in this mapping"),
    ],
)
def test_tags_and_keys_outside_the_core_schema_are_refused(raw, expected):
    assert problems(raw) == [expected], problems(raw)


def test_what_follows_a_refused_key_or_a_duplicate_is_still_read_in_its_place():
    raw = b"? [a, {b: c}]\n: {x: 1}\nk: 1\nk: [2, {y: 3}]\n? !custom t\n: 4\nlast: ok\n"
    assert problems(raw) == ["f.yaml:1: a mapping key must be a plain value", "f.yaml:4: key 'k' appears twice in this mapping",
                             "f.yaml:5: a mapping key must be a plain value"]
    assert parse_yaml(b"k: 1\nnested: {a: [1, {b: 2}], c: d}\nlast: ok\n", "f").data == {"k": 1, "nested": {"a": [1, {"b": 2}], "c": "d"}, "last": "ok"}


def test_only_one_document_and_no_deeper_than_the_limit():
    assert problems(b"a: 1\n---\nb: 2\n") == ["f.yaml:2: YAML syntax: expected a single document in the stream, but found another document"]
    assert parse_yaml(b"---\na: 1\n...\n", "f").data == {"a": 1}
    deep = b"a: " + b"[" * 70 + b"]" * 70 + b"\nb: after\n"
    assert problems(deep) == ["f.yaml:1: nesting deeper than 64 levels"]
    assert parse_yaml(b"a: " + b"[" * 63 + b"1" + b"]" * 63 + b"\n", "f").data["a"] is not None


def test_a_file_of_comments_only_has_no_content():
    assert problems(b"# just a comment\n") == ["f.yaml: the file has no content"]


SAMPLES = [
    b"a: yes\nb:\n  - when: 2026-04-01\n    on: off\n  - 3\n",
    b"id: x\nlist: [1, 2.5, true, null, '7', {k: v}]\ntext: |\n  two\n  lines\n",
    b"a: !!str 12\nb: ! 12\nc: !!int '7'\n",
]
BAD = [b"a: &x 1\nb: *x\n", b"a: !custom x\n", b"? [a]\n: 1\nk: 1\nk: 2\n", b"a: [\n", b"a: 1\n---\nb: 2\n"]


def test_the_c_parsers_event_classes_are_put_back_after_each_parse():
    # while a file is parsed they are the builder's constructors (anzen.yaml_events): after it, PyYAML's own,
    # also when the file was refused, so that yaml.parse() with the C loader still works
    import yaml
    import yaml._yaml as libyaml

    for raw in SAMPLES + BAD:
        try:
            parse_yaml(raw, "f.yaml")
        except ProblemsError:
            pass
        for name in ("ScalarEvent", "MappingStartEvent", "MappingEndEvent", "SequenceStartEvent", "SequenceEndEvent", "AliasEvent"):
            assert getattr(libyaml, name) is getattr(yaml.events, name)
    assert [type(e).__name__ for e in yaml.parse("a: 1\n", Loader=yaml.CLoader)][2:5] == ["MappingStartEvent", "ScalarEvent", "ScalarEvent"]


def test_without_libyaml_the_pure_parser_gives_the_same_values_lines_and_problems(monkeypatch):
    from anzen import yaml_events

    def read(raw: bytes) -> object:
        try:
            doc = parse_yaml(raw, "f.yaml")
        except ProblemsError as exc:
            return [p.render() for p in exc.problems]
        return doc.data, doc.root_line, {repr(key): doc.line_of(key) for key in (("a",), ("b", 0, "on"), ("b", 1), ("list", 5, "k"), ("text",), ("c",))}

    with_c = [read(raw) for raw in SAMPLES + BAD]
    monkeypatch.setattr(yaml_events, "_libyaml", None)
    pure = [read(raw) for raw in SAMPLES + BAD]
    syntax = (SAMPLES + BAD).index(b"a: [\n")  # the two parsers word a syntax error each their own way: the same line
    assert pure[syntax][0].startswith("f.yaml:2: YAML syntax:") and with_c[syntax][0].startswith("f.yaml:2: YAML syntax:")
    assert pure[:syntax] + pure[syntax + 1 :] == with_c[:syntax] + with_c[syntax + 1 :]
    assert with_c[0][0] == {"a": "yes", "b": [{"when": "2026-04-01", "on": "off"}, 3]}


def test_lines_of_keys_found_as_the_mapping_finds_them():
    # a long mapping's keys by their positions, a short one's by a walk: a key equal to nothing but
    # itself (.nan) has its line too, and a key that is not there has none
    short = parse_yaml(b"a: 1\n.nan: 2\nb: [1, 2]\n", "f.yaml")
    nan = next(k for k in short.data if k != k)
    assert (short.line_of((nan,)), short.line_at(("b", 1)), short.line_at(("c",)), short.lines_within(())) == (2, 3, None, {"a": 1, nan: 2, "b": 3})
    long = parse_yaml(b"".join(b"k%d: %d\n" % (i, i) for i in range(12)) + b".nan: x\n", "f.yaml")
    nan = next(k for k in long.data if k != k)
    assert (long.line_at(("k11",)), long.line_of((nan,)), long.line_at(("k12",))) == (12, 13, None)
