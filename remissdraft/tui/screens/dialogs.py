"""Small questions: confirm an action, choose the stance of a synpunkt kept in the corpus."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ...model import STANCE_LABELS, STANCES
from ..widgets.fields import PushButton


class ConfirmScreen(ModalScreen[bool]):
    """A question answered yes (Enter on the first button) or no (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "no", "Avbryt", id="confirm.no")]

    def __init__(self, question: str, yes: str, no: str = "Avbryt (Esc)") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="question")
            with Horizontal(classes="buttons"):
                yield PushButton(self.yes, id="yes", variant="primary")
                yield PushButton(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes").focus()

    def on_button_pressed(self, event: PushButton.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_no(self) -> None:
        self.dismiss(False)


class StanceScreen(ModalScreen[str | None]):
    """Which stance a synpunkt takes, the classifier's guess first; Enter (or a digit 1–5) chooses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Avbryt", id="stance.cancel"),
        *[Binding(str(digit), f"choose({digit})", STANCE_LABELS[stance], show=False, id=f"stance.{stance}")
          for digit, stance in enumerate(STANCES, 1)],
    ]

    def __init__(self, text: str, guess: str) -> None:
        super().__init__()
        self.text, self.guess = text, guess

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Spara synpunkten i din korpus – vilken ställning tar den?", classes="title")
            yield Static(self.text if len(self.text) < 300 else self.text[:300] + " …", classes="quote")
            yield OptionList(*[Option(f"{digit}  {STANCE_LABELS[stance]}" + ("   (förslag)" if stance == self.guess else ""), id=stance)
                               for digit, stance in enumerate(STANCES, 1)], id="stances")
            yield Static("Enter väljer · Esc avbryter", classes="dim")

    def on_mount(self) -> None:
        stances = self.query_one("#stances", OptionList)
        stances.highlighted = STANCES.index(self.guess) if self.guess in STANCES else 0
        stances.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, digit: int) -> None:
        self.dismiss(STANCES[digit - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)
