"""The Textual app. The only package that imports textual."""

from __future__ import annotations

from pathlib import Path


def run(files: list[Path], draft_path: Path | None = None, corpus_dir: Path | None = None) -> int:
    """Run the app; returns its exit code (1 after an unexpected error, whose one line the app has shown)."""
    from .app import RemissdraftApp

    app = RemissdraftApp(files, draft_path, corpus_dir)
    app.run()
    return app.return_code or 0
