"""Snapshots of the main screens (theme fixed, cursor blink off). Update with `pytest --snapshot-update`."""

from __future__ import annotations

import pytest
from test_tui import PROFILE, SIZE, opened, user_corpus, write_profile
from textual.widgets import Input, TextArea

from remissdraft.locations import example_remiss
from remissdraft.tui.app import RemissdraftApp


@pytest.fixture
def profile():
    return write_profile(PROFILE)


async def _steady(pilot) -> None:
    app = await opened(pilot)
    for widget in [*app.screen.query(TextArea), *app.screen.query(Input)]:
        widget.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.3)  # let the suggestion list finish measuring its wrapped options


async def _saved(pilot) -> None:
    """The draft saved, as the autosave does a few seconds after a change ("ej sparat" otherwise shows or not
    by how the machine's load orders the status updates)."""
    pilot.app.session.autosaver.flush()
    pilot.app.workspace.update_status()
    await pilot.pause()


def _app(tmp_path) -> RemissdraftApp:
    return RemissdraftApp(example_remiss(), draft_path=tmp_path / "utkast.yaml")


def test_workspace(snap_compare, profile, tmp_path):
    async def before(pilot):
        await _steady(pilot)
        pilot.app.workspace.show_section(next(s for s in pilot.app.session.sections if s.title.startswith("Styrande nivå")))
        await _saved(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=before)


def test_help(snap_compare, profile, tmp_path):
    async def before(pilot):
        await _steady(pilot)
        pilot.app.workspace.set_stance("forbehall")  # a short list behind the dialog: no scrollbar whose thumb races the layout
        await pilot.pause(0.2)
        await pilot.press("f1")
        await pilot.pause(0.3)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=before)


def test_first_run_profile(snap_compare, tmp_path):
    async def before(pilot):
        await _steady(pilot)
        pilot.app.workspace.set_stance("forbehall")  # a short list behind the dialog, as in test_help
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause(0.3)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=before)


def test_workspace_at_100_by_30(snap_compare, profile, tmp_path):
    """The smallest size supported: F1, F4 and F5 still in the footer."""
    async def before(pilot):
        await _steady(pilot)
        pilot.app.workspace.set_stance("forbehall")
        await pilot.pause(0.2)

    assert snap_compare(_app(tmp_path), terminal_size=(100, 30), run_before=before)


def test_draft_view(snap_compare, profile, tmp_path):
    """F4: the frame of the document, the signers and the standard sections, with suggestions for the text."""
    async def before(pilot):
        await _steady(pilot)
        await pilot.press("f4")
        await pilot.pause(0.2)
        for widget in [*pilot.app.screen.query(TextArea), *pilot.app.screen.query(Input)]:
            widget.cursor_blink = False
        pilot.app.screen.query_one("#draft-konsekvenser_for_barn", TextArea).focus()
        await pilot.pause(0.3)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=before)


def test_general_part(snap_compare, profile, tmp_path):
    """Synpunkter i stort: what goes there, the remiss's facts and purpose, positions on the remiss as a whole."""
    async def before(pilot):
        await _steady(pilot)
        pilot.app.workspace.show_section(pilot.app.session.general)
        pilot.app.workspace.set_stance("forbehall")
        await pilot.pause(0.3)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=before)


def test_proposal_to_review(snap_compare, profile, tmp_path):
    """F7: a proposal in its box above the (still empty) synpunkt, with its source and the keys to review it."""
    from test_tui_proposals import FIRST_DRAFT

    user_corpus(*FIRST_DRAFT.values())

    async def before(pilot):
        await _steady(pilot)
        await pilot.press("f7")
        await pilot.app.workers.wait_for_complete()
        workspace = pilot.app.workspace
        workspace.show_section(next(s for s in pilot.app.session.sections if s.number == "6.2"))
        await pilot.press("ctrl+s")  # saved: the status bar does not wait on the autosave's timing
        for widget in [*pilot.app.screen.query(TextArea), *pilot.app.screen.query(Input)]:
            widget.cursor_blink = False
        pilot.app.clear_notifications()
        await pilot.pause(0.3)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=before)
