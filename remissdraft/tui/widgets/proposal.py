"""Middle, above the synpunkt: a proposal of the first draft to review – the earlier position's text, which the
user may edit before accepting it, and where it comes from. It is not part of the synpunkt until accepted."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...model import STANCE_LABELS, SnippetUse
from .fields import Editor
from .suggestions import STANCE_STYLES, source_line


class ProposalEditor(Editor):
    """The proposal's text. It edits no part of the draft (`part_key` stays empty, so nothing syncs it into a
    synpunkt); `proposal_key` names the synpunkt whose proposal it shows."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", part_key="", **kwargs)
        self.proposal_key = ""


class ProposalBox(Vertical):
    """The proposal for the current section, or nothing (hidden)."""

    def compose(self) -> ComposeResult:
        yield Static(id="proposal-source")
        yield ProposalEditor(id="proposal-text")

    @property
    def editor(self) -> ProposalEditor:
        return self.query_one(ProposalEditor)

    def show(self, key: str, proposal: SnippetUse | None, stance: str = "", keys: str = "") -> None:
        """Show `proposal` of synpunkt `key` (None hides the box); `stance` as the corpus has it, `keys` the
        line saying how to accept and reject it."""
        editor = self.editor
        self.display = proposal is not None
        if proposal is None:
            editor.proposal_key = ""
            return
        line = Text()
        if stance in STANCE_LABELS:
            line.append(f" {STANCE_LABELS[stance]} ", style=STANCE_STYLES[stance])
            line.append("  ")
        line.append(f"Ur {source_line(proposal.source)}" if source_line(proposal.source) else "Ur korpusen", style="italic")
        self.query_one("#proposal-source", Static).update(line)
        self.border_title = "Förslag att granska – ännu inte en del av synpunkten"
        self.border_subtitle = keys
        if editor.proposal_key != key or editor.text != proposal.text:
            editor.proposal_key = key
            editor.load_text(proposal.text)
