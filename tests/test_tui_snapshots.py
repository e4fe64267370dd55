"""Snapshots of the main screens (theme fixed, cursor blink off). Update with `pytest --snapshot-update`."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from remissdraft.locations import example_remiss
from remissdraft.tui.app import RemissdraftApp
from test_tui import PROFILE, SIZE, opened, profile  # noqa: F401  (the fixture is used by name)


async def _steady(pilot) -> None:
    app = await opened(pilot)
    for widget in [*app.query(TextArea), *app.query(Input)]:
        widget.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.3)  # let the suggestion list finish measuring its wrapped options


def _app(tmp_path) -> RemissdraftApp:
    return RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")


def test_workspace(snap_compare, profile, tmp_path):
    async def before(pilot):
        await _steady(pilot)
        pilot.app.show_section(next(s for s in pilot.app.session.sections if s.title.startswith("Styrande nivå")))
        await pilot.pause()

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=before)


def test_help(snap_compare, profile, tmp_path):
    async def before(pilot):
        await _steady(pilot)
        pilot.app.set_stance("forbehall")  # a short list behind the dialog: no scrollbar whose thumb races the layout
        await pilot.pause(0.2)
        await pilot.press("f1")
        await pilot.pause(0.3)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=before)


def test_first_run_profile(snap_compare, tmp_path):
    async def before(pilot):
        await _steady(pilot)
        pilot.app.set_stance("forbehall")  # a short list behind the dialog, as in test_help
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause(0.3)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=before)
