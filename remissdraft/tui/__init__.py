"""The Textual app. The only package that imports textual."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import RemissdraftApp


def run(files: list[Path], draft_path: Path | None = None, corpus_dir: Path | None = None) -> int:
    """Run the app; returns its exit code (1 after an unexpected error, whose one line the app has shown)."""
    app = make_app(files, draft_path, corpus_dir)
    app.run()
    return app.return_code or 0


def make_app(files: list[Path], draft_path: Path | None = None, corpus_dir: Path | None = None) -> RemissdraftApp:
    """The app as the program starts it. What has been imported by now lives until the program ends, so the
    cyclic collector's passes need not walk it again and again (`cli.main` does the same with what it imported)."""
    from .app import RemissdraftApp

    gc.freeze()
    return RemissdraftApp(files, draft_path, corpus_dir)
