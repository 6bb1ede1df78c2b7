"""Words of the user interface (both front ends), Japanese first."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anzen.errors import Failure, Problem

UI: dict[str, dict[str, str]] = {
    "ja": {
        "yes": "はい", "no": "いいえ", "unsure": "わからない", "back": "← 前の質問に戻る",
        "back_hint": "Ctrl-B: 前の質問に戻る", "pick_hint": "キーか ↑↓ で選んで Enter", "skip_hint": "空欄のまま Enter で省略できます",
        "why": "なぜ聞くのか", "refs": "根拠", "choose_flow": "どの報告書を作成しますか？",
        "questions": "問", "finished": "すべての質問に回答しました。", "write_report": "報告書を出力しますか？",
        "removed": "回答の変更により、次の回答は不要になったため削除しました", "revised": "回答の変更により、次の回答を確認し直しました（入力が必要な項目が増えたものは、もう一度聞きます）", "interrupted": "中断しました。",
        "eof": "入力が終了したため中断しました。", "not_saved": "（この回答はまだ保存されていません）",
        "store_refused": "保存できませんでした: {error}",
        "add_block": "{label}を追加しますか？", "add_another": "ほかの{label}を追加しますか？",
        "block": "{label} {n}", "blocks_so_far": "入力済みの{label}: {names}", "no_first": "最初の質問です。",
        "progress": "{answered}/{total}", "date_hint": "例: 2026-04-01 / 令和8年4月1日", "keep": "現在の回答",
        "mode_self": "自己点検", "mode_staff": "職員による聞き取り",
        "session_started": "セッション {id} を開始しました。回答は入力するたびに保存されます。",
        "session_saved": "回答は保存されています。続きは anzen resume {id} で再開できます。",
        "session_resumed": "セッション {id} を再開します（{answered}問回答済み）。",
        "session_finished": "セッション {id} は完了しています。報告書は anzen sessions export {id}、回答の見直しは anzen resume {id} --review で。",
        "flow_changed": "この報告書の質問（フロー）は、回答を始めた後に変更されています: 版 {old} → {new}。合う回答はすべて引き継ぎました。",
        "misfits": "次の回答は今のフローに合わないため使いませんが、削除せず保存してあります（anzen sessions show {id} で確認できます）:",
        "lease_recovered": "前回、このセッションを開いていた anzen（プロセス {pid}）は異常終了していました。続きから再開します。",
        "review_start": "職員による確認: 各回答を順に表示します。Enter でそのまま確定、変更もできます。",
        "keep_blocks": "入力済みの{label}（{n}件）をそのまま確定しますか？",
        "choose_session": "続きから再開するセッションを選んでください",
        "new_session": "新しい報告書を始める",
        "export_later": "回答は保存されています。anzen sessions export {id} --out フォルダ で出力できます。",
    },
    "en": {
        "yes": "Yes", "no": "No", "unsure": "Not sure", "back": "← Back to the previous question",
        "back_hint": "Ctrl-B: previous question", "pick_hint": "pick with its key or ↑↓, then Enter", "skip_hint": "Press Enter on an empty answer to skip",
        "why": "Why we ask", "refs": "Articles", "choose_flow": "Which report do you want to prepare?",
        "questions": "questions", "finished": "All questions are answered.", "write_report": "Write the report now?",
        "removed": "Because of the change, these answers no longer apply and were removed", "revised": "Because of the change, these answers were checked again (those that now need more are asked again)", "interrupted": "Interrupted.",
        "eof": "Input ended; stopped.", "not_saved": "(answers are not saved yet)",
        "store_refused": "Not saved: {error}",
        "add_block": "Add a {label}?", "add_another": "Add another {label}?",
        "block": "{label} {n}", "blocks_so_far": "{label}s entered: {names}", "no_first": "This is the first question.",
        "progress": "{answered}/{total}", "date_hint": "e.g. 2026-04-01", "keep": "current answer",
        "mode_self": "Self-assessment", "mode_staff": "Staff-led interview",
        "session_started": "Session {id} started. Every answer is saved as you give it.",
        "session_saved": "Your answers are saved. Continue with: anzen resume {id}",
        "session_resumed": "Resuming session {id} ({answered} answered).",
        "session_finished": "Session {id} is finished. Export the report with anzen sessions export {id}; review the answers with anzen resume {id} --review.",
        "flow_changed": "The questions (the flow) of this report changed after the session began: version {old} → {new}. Every answer that still fits was kept.",
        "misfits": "These answers do not fit the flow any more; they are not used, but they are kept (see anzen sessions show {id}):",
        "lease_recovered": "The anzen that last had this session open (process {pid}) stopped unexpectedly. Continuing where it stopped.",
        "review_start": "Staff review: each answer is shown in turn. Press Enter to confirm it, or change it.",
        "keep_blocks": "Keep the {n} {label}(s) entered?",
        "choose_session": "Choose a session to continue",
        "new_session": "Start a new report",
        "export_later": "Your answers are saved; write the report with anzen sessions export {id} --out DIR.",
    },
}


def ui(lang: str, key: str, **values: object) -> str:
    text = UI.get(lang, UI["ja"]).get(key) or UI["ja"][key]
    return text.format(**values) if values else text


def store_refused(lang: str, failure: "Failure") -> str:
    """The session store refused a write (taken over elsewhere, busy, damaged): that it was not saved, and why.
    Both front ends say it so."""
    return ui(lang, "store_refused", error=failure.message(lang))


def unknown_flow(lang: str, ref: str, problems: "list[Problem]") -> str | None:
    """When `problems` say only that there is no installed flow and no file by the name the user gave (not a
    flow's include): that, in the user's language, with the installed flow it most likely meant. Both front
    ends say it so."""
    from anzen.errors import did_you_mean
    from anzen.registry import default_library

    if len(problems) != 1 or problems[0].code != "unknown-flow" or problems[0].file is not None:
        return None
    hint = did_you_mean(ref, default_library().flow_ids(), lang)
    if lang == "en":
        return f"no installed flow '{ref}' and no such file." + (f" {hint}" if hint else "") + " The flows: anzen flows list"
    return f"インストール済みのフローに '{ref}' はなく、その名前のファイルもありません。{hint or ''}フローの一覧: anzen flows list"
