"""The user's profile: who writes, for which nämnd, and the chef who signs too. Shown on first run."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...model import Person, Profile
from ..widgets.fields import PushButton, TextField

FIELDS = [
    ("name", "Ditt namn"), ("title", "Din titel"), ("unit", "Din enhet"), ("namnd", "Nämnd"),
    ("organisation", "Organisation"), ("chef_name", "Chefens namn"), ("chef_title", "Chefens titel"),
    ("chef_unit", "Chefens enhet"),
]


class ProfileScreen(ModalScreen[Profile | None]):
    """Returns the edited profile (its template and keymap kept), or None when skipped."""

    HELP_TITLE = "Profilen"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip", "Hoppa över", id="profile.skip"),
        Binding("ctrl+s", "save", "Spara", id="profile.save", priority=True),
    ]

    def __init__(self, profile: Profile, first_run: bool = False) -> None:
        super().__init__()
        self.profile = profile
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        values = {**{key: getattr(self.profile, key) for key in ("name", "title", "unit", "namnd", "organisation")},
                  "chef_name": self.profile.chef.name, "chef_title": self.profile.chef.title, "chef_unit": self.profile.chef.unit}
        with VerticalScroll(id="profile-box"):
            yield Static("Välkommen till remissdraft! Fyll i din profil – den används i tjänsteskrivelsen." if self.first_run
                         else "Din profil", classes="title", id="profile-welcome")
            with Grid(id="profile-grid"):
                for key, label in FIELDS:
                    yield Label(label)
                    yield TextField(values[key], id=f"profile-{key}", placeholder=label)
            with Horizontal(classes="buttons"):
                yield PushButton("Spara (Ctrl+S)", id="save", variant="primary")
                yield PushButton("Hoppa över (Esc)", id="skip")

    def on_mount(self) -> None:
        self.query_one(f"#profile-{FIELDS[0][0]}", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def on_button_pressed(self, event: PushButton.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_skip()

    def action_save(self) -> None:
        value = {key: self.query_one(f"#profile-{key}", Input).value.strip() for key, _ in FIELDS}
        self.dismiss(Profile(
            name=value["name"], title=value["title"], unit=value["unit"], namnd=value["namnd"],
            organisation=value["organisation"], template=self.profile.template,
            chef=Person(value["chef_name"], value["chef_title"], value["chef_unit"]), keymap=dict(self.profile.keymap),
        ))

    def action_skip(self) -> None:
        self.dismiss(None)
