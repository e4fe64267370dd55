"""The Textual app. The only package that imports textual."""

from __future__ import annotations

from pathlib import Path


def run(files: list[Path], draft_path: Path | None = None, corpus_dir: Path | None = None) -> None:
    from .app import RemissdraftApp

    RemissdraftApp(files, draft_path, corpus_dir).run()
