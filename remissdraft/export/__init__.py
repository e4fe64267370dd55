"""Draft + template → a tjänsteskrivelse as .docx, built on Word styles."""

from .body import source_note
from .reference import open_reference
from .writer import (
    ExportResult,
    build_document,
    default_output_name,
    default_output_path,
    export_docx,
    leftover_placeholders,
    visible_output_path,
)

__all__ = ["ExportResult", "build_document", "default_output_name", "default_output_path", "export_docx",
           "leftover_placeholders", "open_reference", "source_note", "visible_output_path"]
