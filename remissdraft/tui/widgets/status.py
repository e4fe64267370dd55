"""Bottom: dnr, days left until the deadline, coverage and readability of the draft, where it was last exported."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from ..session import Session


def status_line(session: Session) -> str:
    parts = []
    dnr = session.draft.dnr or session.remiss.dnr
    if dnr:
        parts.append(f"Dnr {dnr}")
    days = session.days_left()
    if days is not None:
        deadline = session.remiss.deadline or session.draft.remiss.deadline
        parts.append(
            f"{days} dagar kvar" if days > 1 else "1 dag kvar" if days == 1 else "sista svarsdag i dag" if days == 0
            else f"svarstiden gick ut {deadline.isoformat() if deadline else ''}"
        )
    answered, total = session.coverage()
    parts.append(f"{answered} av {total} avsnitt besvarade")
    pending = session.pending()
    if pending:
        parts.append(f"◇ {pending} förslag att granska")
    if session.draft.general.text.strip():
        parts.append("synpunkter i stort skrivna")
    lix = session.lix()
    if lix is not None:
        parts.append(f"LIX {lix:.0f}")
    if session.autosaver.dirty:
        parts.append("ej sparat")
    if session.draft.last_export:
        parts.append(f"Senast exporterad: {short_path(session.draft.last_export)}")
    return "  │  ".join(parts)


def short_path(path: str | Path) -> str:
    """A path as a person reads it: the home folder as "~"."""
    path = Path(path)
    try:
        return f"~/{path.relative_to(Path.home())}"
    except ValueError:
        return str(path)


class StatusBar(Widget):
    """One line; redrawn only when it changes, and never asking for a new layout (it is typed past often)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.line = ""

    def render(self) -> str:
        return self.line

    def update_from(self, session: Session) -> None:
        line = status_line(session)
        if line != self.line:
            self.line = line
            self.refresh()
