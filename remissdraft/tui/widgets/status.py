"""Bottom: dnr, days left until the deadline, coverage and readability of the draft."""

from __future__ import annotations

from textual.widgets import Static

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
            else f"svarstiden gick ut {deadline.isoformat()}"
        )
    answered, total = session.coverage()
    parts.append(f"{answered} av {total} avsnitt besvarade")
    lix = session.lix()
    if lix is not None:
        parts.append(f"LIX {lix:.0f}")
    if session.autosaver.dirty:
        parts.append("ej sparat")
    return "  │  ".join(parts)


class StatusBar(Static):
    def update_from(self, session: Session) -> None:
        self.update(status_line(session))
