"""Words of the full-screen app, Japanese first (the line mode's words stay in anzen.i18n)."""

from __future__ import annotations

from anzen.i18n import ui

WORDS: dict[str, dict[str, str]] = {
    "ja": {
        # keys (footer)
        "key.quit": "終了", "key.lang": "English", "key.theme": "配色", "key.source": "根拠条文", "key.note": "メモ",
        "key.review": "一覧", "key.back": "前の質問", "key.start": "開始", "key.close": "閉じる",
        "key.finish": "結果", "key.continue": "質問に戻る", "key.edit": "変更", "key.export": "出力",
        "key.home": "ホーム", "key.add": "追加", "key.remove": "削除", "key.done": "完了",
        # home
        "home.title": "anzen（安全） 個人情報取扱特記事項の報告書づくり",
        "home.intro": "報告書を選んでEnterを押すと、質問に順に答えるだけで確認表ができあがります。Tabで聞き取りの形式を選べます。",
        "home.flows": "どの報告書を作成しますか？", "home.mode": "聞き取りの形式",
        "home.staff": "確認者（職員）の氏名", "home.staff_needed": "職員による聞き取りでは、確認者の氏名を入力してください。",
        "home.questions": "質問 最大{n}問", "home.langs": "言語: {langs}", "home.resume": "中断した聞き取りを再開", "home.recent": "出力済みの報告書を開く（確認・修正）",
        "home.resume_row": "{title}（{answered}問回答済み・{when}）", "home.resume_row_busy": "{title}（{answered}問回答済み・{when}・使用中）", "home.broken": "読み込めません: {error}",
        "home.start_failed": "フローを読み込めません: {error}",
        # interview
        "bot": "anzen", "you": "回答", "why": "なぜ聞くのか", "progress": "{answered} / {total}",
        "progress_label": "回答済み", "current": "いま", "categories": "確認事項の分類",
        "changed": "「{prompt}」の回答を「{old}」から「{new}」に変更しました。",
        "removed": "この変更で次の質問は聞かれなくなったため、回答を削除しました:",
        "removed_row": "・{prompt}（{label}）", "back_to": "前の回答を変更します。", "first": "最初の質問です。",
        "revised": "この変更で、次の回答を確認し直しました:",
        "revised_kept": "・{prompt}（聞かれなくなった項目の回答を削除しました）", "revised_again": "・{prompt}（入力が必要な項目が増えたため、もう一度入力してください）",
        "all_answered": "すべての質問に回答しました。回答一覧を確認して「結果へ」進んでください。",
        "superseded": "（変更前）", "note": "メモ", "note_title": "「{prompt}」へのメモ（提示された資料・説明された内容など）",
        "note_saved": "メモを記録しました。", "note_cleared": "メモを削除しました。",
        "no_sources": "この質問には根拠条文の参照がありません。", "sources_title": "根拠条文",
        "yes_key": "y", "no_key": "n", "unsure_key": "?", "skip_hint": "空欄のまま Enter で省略できます",
        "text_hint": "入力して Enter", "date_hint": "例: 2026-04-01 / 令和8年4月1日 / R8.4.1",
        "date_preview": "→ {label}", "choice_hint": "数字キーまたは ↑↓ と Enter で選択",
        "multi_hint": "数字キー/Space で選択・解除、Enter で確定", "yes_no_hint": "y: はい / n: いいえ / ?: わからない",
        "block": "{label} {n}", "blocks": "入力済みの{label}", "no_blocks": "（まだありません）",
        "group_hint": "a: {label}を追加 / ↑↓: 選択 / e: 選択中を編集 / d: 選択中を削除 / Enter(完了): 確定",
        "add_block": "＋ {label}を追加", "remove_block": "－ 削除", "done_blocks": "✓ 完了",
        "block_done": "{name}の入力が終わりました。",
        "mode_self": "自己点検", "mode_staff": "職員による聞き取り", "staff_label": "確認者: {name}",
        "pick_title": "変更する回答を選んでください", "pick_none": "この分類にはまだ回答がありません。",
        # review
        "review.title": "回答の確認", "review.hint": "Enter: 選んだ回答を変更 / F5: 結果へ / Esc: 質問に戻る",
        "review.unanswered": "まだ回答していない質問が {n} 問あります（未回答の確認事項は要対応になります）。",
        "review.complete": "すべての質問に回答済みです。",
        # result
        "result.title": "確認結果", "result.summary": "集計", "result.follow": "要対応の事項",
        "result.none": "要対応の事項はありません。", "result.reason": "理由", "result.action": "対応",
        "result.refs": "根拠", "result.answer": "回答", "result.no": "No.", "result.item": "確認事項",
        "result.status": "状態", "result.export": "報告書の出力", "result.formats": "形式",
        "result.out": "出力先フォルダ", "result.force": "同名のファイルを上書きする", "result.do_export": "出力 (F6)",
        "result.exporting": "出力しています…", "result.written": "出力しました: {path}",
        "result.failed": "出力できませんでした: {error}",
        "result.exists": "同名のファイルがすでにあります（上書きする場合は「同名のファイルを上書きする」を選んでください）: {path}", "result.no_format": "形式を1つ以上選んでください。",
        "result.incomplete": "※ 未回答の質問があります（未回答の確認事項は要対応として数えています）。",
        "result.header": "記載事項",
        # quit
        "quit.title": "聞き取りを終了しますか？",
        "quit.body": "回答はまだ保存されていません。終了すると、このアプリで入力した回答は失われます（出力した報告書は残ります）。",
        "quit.yes": "終了する", "quit.no": "続ける",
        "quit.body_saved": "回答はすべて保存されています。次回、ホーム画面の「中断した聞き取りを再開」から続けられます。",
        "session.busy": "この聞き取りは別の画面で開かれています（{holder}）。そちらを閉じてから再開してください。",
        "session.store_error": "保存先のデータベースを使えません: {error}（回答は保存されません）",
        "session.changed": "フローが更新されています（{old} → {new}）。合わなくなった回答 {n} 件は保存したまま、改めてお聞きします。",
        "session.recovered": "前回の画面は終了していたため、この聞き取りを引き継ぎました。",
        "ok": "OK", "cancel": "キャンセル", "save": "記録する",
    },
    "en": {
        "key.quit": "Quit", "key.lang": "日本語", "key.theme": "Theme", "key.source": "Articles", "key.note": "Note",
        "key.review": "Answers", "key.back": "Back", "key.start": "Start", "key.close": "Close",
        "key.finish": "Result", "key.continue": "Questions", "key.edit": "Change", "key.export": "Export",
        "key.home": "Home", "key.add": "Add", "key.remove": "Remove", "key.done": "Done",
        "home.title": "anzen: reports under the personal-information special provisions",
        "home.intro": "Choose a report and press Enter; answer the questions and the checklist fills itself. Tab: kind of interview.",
        "home.flows": "Which report do you want to prepare?", "home.mode": "Kind of interview",
        "home.staff": "Name of the checking staff member", "home.staff_needed": "A staff-led interview needs the staff member's name.",
        "home.questions": "up to {n} questions", "home.langs": "Languages: {langs}", "home.resume": "Resume an interview", "home.recent": "Open a report written earlier (check, correct)",
        "home.resume_row": "{title} ({answered} answered, {when})", "home.resume_row_busy": "{title} ({answered} answered, {when}, in use)", "home.broken": "Cannot be loaded: {error}",
        "home.start_failed": "Cannot load the flow: {error}",
        "bot": "anzen", "you": "Answer", "why": "Why we ask", "progress": "{answered} / {total}",
        "progress_label": "answered", "current": "now", "categories": "Categories",
        "changed": "Changed the answer to '{prompt}' from '{old}' to '{new}'.",
        "removed": "Because of this change these questions are no longer asked; their answers were removed:",
        "removed_row": "- {prompt} ({label})", "back_to": "Changing an earlier answer.", "first": "This is the first question.",
        "revised": "Because of this change these answers were checked again:",
        "revised_kept": "- {prompt} (answers to questions no longer asked were removed)", "revised_again": "- {prompt} (more is asked now: please enter it again)",
        "all_answered": "All questions are answered. Check the answers, then go on to the result.",
        "superseded": "(changed)", "note": "Note", "note_title": "Note on '{prompt}' (evidence shown, what was said)",
        "note_saved": "Note recorded.", "note_cleared": "Note removed.",
        "no_sources": "This question cites no article.", "sources_title": "Articles",
        "yes_key": "y", "no_key": "n", "unsure_key": "?", "skip_hint": "Press Enter on an empty answer to skip",
        "text_hint": "Type and press Enter", "date_hint": "e.g. 2026-04-01",
        "date_preview": "→ {label}", "choice_hint": "Number keys, or ↑↓ and Enter",
        "multi_hint": "Number keys/Space toggle, Enter confirms", "yes_no_hint": "y: yes / n: no / ?: not sure",
        "block": "{label} {n}", "blocks": "{label}s entered", "no_blocks": "(none yet)",
        "group_hint": "a: add a {label} / ↑↓: select / e: edit the selected / d: remove it / Enter (Done): confirm",
        "add_block": "+ Add a {label}", "remove_block": "- Remove", "done_blocks": "✓ Done",
        "block_done": "{name}: done.",
        "mode_self": "Self-assessment", "mode_staff": "Staff-led interview", "staff_label": "Checked by: {name}",
        "pick_title": "Choose the answer to change", "pick_none": "No answers in this category yet.",
        "review.title": "Check the answers", "review.hint": "Enter: change the selected answer / F5: result / Esc: back to the questions",
        "review.unanswered": "{n} question(s) are not answered yet (their items count as follow-up).",
        "review.complete": "All questions are answered.",
        "result.title": "Result", "result.summary": "Summary", "result.follow": "Items needing follow-up",
        "result.none": "No items need follow-up.", "result.reason": "Reason", "result.action": "Action",
        "result.refs": "Articles", "result.answer": "Answer", "result.no": "No.", "result.item": "Item",
        "result.status": "Status", "result.export": "Export the report", "result.formats": "Formats",
        "result.out": "Folder", "result.force": "Overwrite files of the same name", "result.do_export": "Export (F6)",
        "result.exporting": "Exporting…", "result.written": "Written: {path}",
        "result.failed": "Could not export: {error}",
        "result.exists": "Files of the same name exist (tick 'Overwrite files of the same name' to replace them): {path}", "result.no_format": "Choose at least one format.",
        "result.incomplete": "Note: some questions are unanswered (their items count as follow-up).",
        "result.header": "Header",
        "quit.title": "Quit the interview?",
        "quit.body": "The answers are not saved yet. Quitting loses the answers given in the app (exported reports stay).",
        "quit.yes": "Quit", "quit.no": "Keep going",
        "quit.body_saved": "Every answer is saved. Continue later from 'Resume an interview' on the home screen.",
        "session.busy": "This interview is open elsewhere ({holder}). Close it there, then resume it here.",
        "session.store_error": "The session database cannot be used: {error} (answers will not be saved)",
        "session.changed": "The flow has changed ({old} → {new}). {n} answer(s) that no longer fit are kept and asked again.",
        "session.recovered": "The earlier window had ended; this interview was taken over.",
        "ok": "OK", "cancel": "Cancel", "save": "Record",
    },
}


def w(lang: str, key: str, **values: object) -> str:
    """A word of the app in `lang` (Japanese when missing)."""
    table = WORDS.get(lang, WORDS["ja"])
    text = table.get(key) or WORDS["ja"].get(key)
    if text is None:
        text = ui(lang, key)  # the line mode's words (yes, no, unsure …)
    return text.format(**values) if values else text


def other_lang(lang: str) -> str:
    return "en" if lang == "ja" else "ja"
