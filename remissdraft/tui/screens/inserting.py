"""Writing into the draft through an editor: the editor's text kept in the draft, snippets inserted through
draft.edit so that the editor's undo history keeps every step."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from ...draft import set_text
from ...draft.edit import insert_snippet
from ...model import Snippet
from ..session import Session
from ..widgets.fields import Editor


def sync_editor(session: Session, editor: Editor) -> str | None:
    """Put the editor's text into the part of the draft it edits when they differ; returns that part's key then."""
    draft = session.draft
    part = (draft.section(editor.part_key) or draft.synpunkt(editor.part_key)) if editor.part_key else None
    if part is None or part.text == editor.text:
        return None
    set_text(draft, part.key, editor.text)
    session.changed()
    return part.key


def insert_into(screen: Screen, session: Session, editor: Editor, snippet: Snippet,
                done: Callable[[], None] | None = None, *, confirmed: bool = False) -> None:
    """Append `snippet` (placeholders filled) as a new paragraph of the part `editor` edits, as one undoable edit.
    A snippet the draft already uses is inserted again only after the user says so."""
    used = session.used().get(snippet.id)
    if used and not confirmed:
        from .dialogs import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                insert_into(screen, session, editor, snippet, done, confirmed=True)

        question = f"Förslaget finns redan i utkastet: {', '.join(used)}. Infoga det igen?"
        screen.app.push_screen(ConfirmScreen(question, "Infoga igen"), answered)
        return
    sync_editor(session, editor)
    insert_snippet(session.draft, editor.part_key, snippet, session.profile)
    part = session.draft.section(editor.part_key) or session.draft.synpunkt(editor.part_key)
    assert part is not None
    editor.change_to(part.text)
    session.changed()
    editor.focus()
    screen.notify("Infogat – Ctrl+Z ångrar", timeout=2)
    if done is not None:
        done()
