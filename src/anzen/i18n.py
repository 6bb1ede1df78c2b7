"""Words of the user interface (both front ends), Japanese first."""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    "ja": {
        "yes": "はい", "no": "いいえ", "unsure": "わからない", "back": "← 前の質問に戻る",
        "back_hint": "Ctrl-B: 前の質問に戻る", "skip_hint": "空欄のまま Enter で省略できます",
        "why": "なぜ聞くのか", "refs": "根拠", "choose_flow": "どの報告書を作成しますか？",
        "questions": "問", "finished": "すべての質問に回答しました。", "write_report": "報告書を出力しますか？",
        "removed": "回答の変更により、次の回答は不要になったため削除しました", "interrupted": "中断しました。",
        "eof": "入力が終了したため中断しました。", "not_saved": "（この回答はまだ保存されていません）",
        "add_block": "{label}を追加しますか？", "add_another": "ほかの{label}を追加しますか？",
        "block": "{label} {n}", "blocks_so_far": "入力済みの{label}: {names}", "no_first": "最初の質問です。",
        "progress": "{answered}/{total}", "date_hint": "例: 2026-04-01 / 令和8年4月1日", "keep": "現在の回答",
        "mode_self": "自己点検", "mode_staff": "職員による聞き取り",
    },
    "en": {
        "yes": "Yes", "no": "No", "unsure": "Not sure", "back": "← Back to the previous question",
        "back_hint": "Ctrl-B: previous question", "skip_hint": "Press Enter on an empty answer to skip",
        "why": "Why we ask", "refs": "Articles", "choose_flow": "Which report do you want to prepare?",
        "questions": "questions", "finished": "All questions are answered.", "write_report": "Write the report now?",
        "removed": "Because of the change, these answers no longer apply and were removed", "interrupted": "Interrupted.",
        "eof": "Input ended; stopped.", "not_saved": "(answers are not saved yet)",
        "add_block": "Add a {label}?", "add_another": "Add another {label}?",
        "block": "{label} {n}", "blocks_so_far": "{label}s entered: {names}", "no_first": "This is the first question.",
        "progress": "{answered}/{total}", "date_hint": "e.g. 2026-04-01", "keep": "current answer",
        "mode_self": "Self-assessment", "mode_staff": "Staff-led interview",
    },
}


def ui(lang: str, key: str, **values: object) -> str:
    text = UI.get(lang, UI["ja"]).get(key) or UI["ja"][key]
    return text.format(**values) if values else text
