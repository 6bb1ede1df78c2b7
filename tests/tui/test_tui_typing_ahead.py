"""Keys typed faster than the app answers (a quick typist, a busy moment): Enter takes the field's value at
the moment it is pressed, and what is typed after it goes to the next question, never into the answer given."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from test_tui_kinds import open_flow_file
from tui_helpers import make_app, retyped


def burst(app, keys: list[str]) -> None:
    """The keys as one read of the terminal delivers them: all queued before the app handles the first."""
    for key in keys:
        app.post_message(events.Key(key, "\r" if key == "enter" else key if len(key) == 1 else None))


async def settle(pilot) -> None:
    for _ in range(10):
        await pilot.pause()


async def test_answers_typed_ahead_each_go_to_their_own_question(out_dir: Path) -> None:
    app = make_app(out_dir, flow="subcontract-application")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *retyped("データ入力業務"))
        screen = app.screen
        assert screen.node.id == "applicant"
        burst(app, [*"株式会社テスト", "enter"])
        await settle(pilot)
        await pilot.press("home", "ctrl+k")  # the date's default cleared, then three answers typed ahead
        burst(app, [*"2026-04-01", "enter", *"2027-03-31", "enter", *"R8.10.1", "enter"])
        await settle(pilot)
        answers = screen.interview.answers
        assert answers["applicant"] == "株式会社テスト"
        assert (answers["contract_start"], answers["contract_end"], answers["application_date"]) == ("2026-04-01", "2027-03-31", "2026-10-01")


async def test_an_answer_typed_ahead_that_does_not_fit_the_next_question_waits_there_to_be_corrected(out_dir: Path) -> None:
    app = make_app(out_dir, flow="subcontract-application")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *retyped("データ入力業務"))
        screen = app.screen
        burst(app, [*"株式会社テスト", "enter", *"和歌山市七番丁1", "enter"])  # meant for an address; the next is a date
        await settle(pilot)
        assert screen.interview.answers["applicant"] == "株式会社テスト"  # not "株式会社テスト和歌山市七番丁1"
        assert screen.node.id == "contract_start" and not screen.interview.is_answered("contract_start")
        assert screen.query_one("#text", Input).value == "和歌山市七番丁1"  # given back, with why
        assert [n.message for n in app._notifications] == ["日付を 2026-04-01 や 令和8年4月1日 の形で答えてください。"]


async def test_typed_ahead_without_enter_waits_in_the_next_questions_field(out_dir: Path) -> None:
    app = make_app(out_dir, flow="subcontract-application")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        burst(app, ["home", "ctrl+k"])
        await settle(pilot)
        burst(app, [*"データ入力業務", "enter", *"株式会社"])  # the applicant's name begun before its question is up
        await settle(pilot)
        assert screen.interview.answers["contract_name"] == "データ入力業務"
        assert screen.node.id == "applicant" and screen.query_one("#text", Input).value == "株式会社"
        await pilot.press(*"テスト", "enter")
        assert screen.interview.answers["applicant"] == "株式会社テスト"


async def test_two_answers_in_flight_and_the_third_begun(out_dir: Path) -> None:
    """As a real terminal delivers a quick typist's keys: the third answer's keys arrive before the screen has
    taken the first two; they wait for their own question, not the next one."""
    app = make_app(out_dir, flow="subcontract-application")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "home", "ctrl+k")
        screen = app.screen
        burst(app, [*"データ入力業務", "enter", *"株式会社テスト", "enter", *"2026-05-01"])
        await settle(pilot)
        assert (screen.interview.answers["contract_name"], screen.interview.answers["applicant"]) == ("データ入力業務", "株式会社テスト")
        assert screen.node.id == "contract_start" and screen.query_one("#text", Input).value == "2026-05-01"


async def test_going_back_shows_the_earlier_answer_not_what_was_being_typed(out_dir: Path) -> None:
    app = make_app(out_dir, flow="subcontract-application")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *retyped("データ入力業務"), *"株式会")
        screen = app.screen
        await pilot.press("ctrl+b")
        assert screen.node.id == "contract_name" and screen.query_one("#text", Input).value == "データ入力業務"


ORDER = """
id: order
version: "1"
title: {ja: 順, en: Order}
sections:
  - id: s
    title: {ja: 節, en: Section}
    questions:
      - {id: a, kind: yes_no, prompt: {ja: A?, en: A?}}
      - {id: b, kind: yes_no, prompt: {ja: B?, en: B?}}
      - {id: name, kind: text, prompt: {ja: 名前, en: Name}}
"""


async def test_yes_and_no_typed_ahead_answer_the_next_questions_but_never_a_question_of_another_kind(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_flow_file(app, pilot, tmp_path / "order.yaml", ORDER)
        screen = app.screen
        burst(app, ["y", "n", *"Tanaka", "enter"])  # the 'n' of Tanaka reached the yes/no buttons, still up
        await settle(pilot)
        assert dict(screen.interview.answers) == {"a": "yes", "b": "no"}  # the name is not "no"
        assert screen.node.id == "name"
        await pilot.press(*"Tanaka", "enter")
        assert screen.interview.answers["name"] == "Tanaka"


CHOICES = """
id: picks
version: "1"
title: {ja: 選択, en: Picks}
sections:
  - id: s
    title: {ja: 節, en: Section}
    questions:
      - id: media
        kind: choice
        prompt: {ja: 媒体は？, en: "Media?"}
        choices:
          - {value: paper, label: {ja: 紙, en: Paper}}
          - {value: usb, label: {ja: USBメモリ, en: USB stick}}
      - id: scope
        kind: choice
        prompt: {ja: 範囲は？, en: "Scope?"}
        choices:
          - {value: usb, label: {ja: USBだけ, en: USB only}}
          - {value: paper, label: {ja: 紙だけ, en: Paper only}}
"""


async def test_a_number_typed_ahead_never_picks_the_option_of_another_question(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_flow_file(app, pilot, tmp_path / "picks.yaml", CHOICES)
        screen = app.screen
        burst(app, ["1", "1"])  # the second '1' may reach the first question's list, where 1 is paper; here it is usb
        await settle(pilot)
        assert screen.interview.answers["media"] == "paper"
        assert screen.interview.answers.get("scope") in (None, "usb")  # taken on its own list, or not at all
        if "scope" not in screen.interview.answers:
            await pilot.press("1")
        assert screen.interview.answers["scope"] == "usb"


async def test_an_enter_too_many_does_not_answer_yes(out_dir: Path, tmp_path: Path) -> None:
    """An Enter pressed once more than needed (as with a Japanese input method) after a typed answer, or on a
    yes/no question not yet answered, answers nothing; arrows then Enter, or y / n / ?, do. Going back to an
    answered one, Enter keeps its answer."""
    flow = ORDER.replace("      - {id: a, kind: yes_no", "      - {id: first, kind: text, prompt: {ja: 最初, en: First}}\n      - {id: a, kind: yes_no")
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_flow_file(app, pilot, tmp_path / "order.yaml", flow)
        screen = app.screen
        await pilot.press(*"株式会社", "enter", "enter", "enter")
        assert dict(screen.interview.answers) == {"first": "株式会社"} and screen.node.id == "a"
        await pilot.press("right", "right", "enter")  # いいえ, chosen with the arrows
        assert screen.interview.answers["a"] == "no" and screen.node.id == "b"
        await pilot.press("ctrl+b", "enter")
        assert screen.interview.answers["a"] == "no" and screen.node.id == "b"  # kept
        await pilot.press("y")
        assert screen.interview.answers["b"] == "yes"


async def test_an_enter_too_many_does_not_pick_the_first_choice(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_flow_file(app, pilot, tmp_path / "picks.yaml", CHOICES)
        screen = app.screen
        await pilot.press("enter")
        assert dict(screen.interview.answers) == {}
        await pilot.press("down", "down", "enter")  # the second, chosen with the arrows
        assert screen.interview.answers["media"] == "usb"


async def test_editing_keys_typed_quickly_apply_in_order(out_dir: Path) -> None:
    app = make_app(out_dir, flow="subcontract-application")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        burst(app, ["ctrl+u", *"abcd", "backspace", "e", "left", "left", "backspace", "X", "end", *"!", "enter"])
        await settle(pilot)
        assert screen.interview.answers["contract_name"] == "aXce!"


async def test_a_note_is_what_was_typed_before_its_enter(out_dir: Path) -> None:
    """A staff member's note (F2) goes into the report: keys typed right after its Enter never join it."""
    from test_tui_walk_wakayama import BASICS_KEYS

    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "right", "enter", "shift+tab", "shift+tab", "enter")  # staff-led, the Wakayama report
        burst(app, [*"佐藤", "enter", *"X"])  # the name, and a key too soon
        await settle(pilot)
        screen = app.screen
        assert screen.state.staff == "佐藤"
        await pilot.press(*BASICS_KEYS, "y", "f2")
        burst(app, [*"規程を確認", "enter", "n"])  # the note, then the next answer at once
        await settle(pilot)
        assert screen.state.notes == {"handling_rules": "規程を確認"}


async def test_an_enter_too_many_does_not_skip_the_next_optional_question(out_dir: Path, tmp_path: Path) -> None:
    flow = ORDER.replace("      - {id: name, kind: text, prompt: {ja: 名前, en: Name}}",
                         "      - {id: name, kind: text, prompt: {ja: 名前, en: Name}}\n"
                         "      - {id: remark, kind: text, required: false, prompt: {ja: 備考, en: Remarks}}\n"
                         "      - {id: contact, kind: text, required: false, prompt: {ja: 連絡先, en: Contact}}")
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_flow_file(app, pilot, tmp_path / "order.yaml", flow)
        screen = app.screen
        await pilot.press("y", "y", *"田中", "enter")
        burst(app, [*"特になし", "enter", "enter"])  # the second Enter before the next (optional) question is up
        await settle(pilot)
        assert screen.interview.answers["remark"] == "特になし"
        assert screen.node.id == "contact" and not screen.interview.is_answered("contact")
