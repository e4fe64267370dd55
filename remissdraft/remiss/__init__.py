"""Read remiss files (PDF, DOCX, TXT, MD) into a Remiss: metadata and the document's own section tree.

    remiss = read_remiss([Path("strategi.pdf"), Path("missiv.pdf")], warn=problems.append)

The readers are in `read.py` (one module per file type beside it); `cache.py` keeps what was read, by the files'
content, for the app to open a remiss again without reading it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .files import READERS, check_file
    from .read import Document, read_document, read_raw, read_remiss

# Each name imported when first asked for: the app opening a remiss it has read before (`cache.py`) needs none
# of the readers, whose rules cost a tenth of its start.
__all__ = ["READERS", "Document", "check_file", "read_document", "read_raw", "read_remiss"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = "files" if name in ("READERS", "check_file") else "read"
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
