"""The few PDFium functions the PDF reader calls, bound with ctypes to the library pypdfium2 ships.

pypdfium2's own bindings declare every function of PDFium's API when imported (about 40 ms at each start,
more than reading a short remiss takes); the reader needs some twenty of them. The library is the same file
pypdfium2 loads, found without importing pypdfium2."""

from __future__ import annotations

import ctypes
import sys
from ctypes import POINTER, c_char_p, c_double, c_float, c_int, c_uint, c_ulong, c_ushort, c_void_p
from importlib.machinery import PathFinder
from pathlib import Path

__all__ = ["FS_MATRIX", "PdfiumError", "library"]

ERR_PASSWORD = 4  # FPDF_GetLastError(): a password is needed or the one given is wrong


class PdfiumError(Exception):
    """PDFium could not load a document, a page or its text."""


class FS_MATRIX(ctypes.Structure):  # PDFium's name
    _fields_ = [("a", c_float), ("b", c_float), ("c", c_float), ("d", c_float), ("e", c_float), ("f", c_float)]


class _LibraryConfig(ctypes.Structure):
    """FPDF_LIBRARY_CONFIG, version 2 (the fields PDFium reads for that version)."""

    _fields_ = [("version", c_int), ("m_pUserFontPaths", c_void_p), ("m_pIsolate", c_void_p), ("m_v8EmbedderSlot", c_uint)]


# name: (restype, argtypes); handles (document, page, text page, bookmark, destination) are plain pointers
_FUNCTIONS: dict[str, tuple[object, tuple[object, ...]]] = {
    "FPDF_InitLibraryWithConfig": (None, (POINTER(_LibraryConfig),)),
    "FPDF_LoadDocument": (c_void_p, (c_char_p, c_char_p)),
    "FPDF_GetLastError": (c_ulong, ()),
    "FPDF_CloseDocument": (None, (c_void_p,)),
    "FPDF_GetPageCount": (c_int, (c_void_p,)),
    "FPDF_LoadPage": (c_void_p, (c_void_p, c_int)),
    "FPDF_ClosePage": (None, (c_void_p,)),
    "FPDF_GetPageWidthF": (c_float, (c_void_p,)),
    "FPDF_GetPageHeightF": (c_float, (c_void_p,)),
    "FPDF_GetMetaText": (c_ulong, (c_void_p, c_char_p, c_void_p, c_ulong)),
    "FPDFText_LoadPage": (c_void_p, (c_void_p,)),
    "FPDFText_ClosePage": (None, (c_void_p,)),
    "FPDFText_CountChars": (c_int, (c_void_p,)),
    "FPDFText_GetText": (c_int, (c_void_p, c_int, c_int, POINTER(c_ushort))),
    "FPDFText_GetTextIndexFromCharIndex": (c_int, (c_void_p, c_int)),
    "FPDFText_GetCharBox": (c_int, (c_void_p, c_int, POINTER(c_double), POINTER(c_double), POINTER(c_double), POINTER(c_double))),
    "FPDFText_GetFontSize": (c_double, (c_void_p, c_int)),
    "FPDFText_GetMatrix": (c_int, (c_void_p, c_int, POINTER(FS_MATRIX))),
    "FPDFText_GetFontWeight": (c_int, (c_void_p, c_int)),
    "FPDFText_GetFontInfo": (c_ulong, (c_void_p, c_int, c_void_p, c_ulong, POINTER(c_int))),
    "FPDFBookmark_GetFirstChild": (c_void_p, (c_void_p, c_void_p)),
    "FPDFBookmark_GetNextSibling": (c_void_p, (c_void_p, c_void_p)),
    "FPDFBookmark_GetTitle": (c_ulong, (c_void_p, c_void_p, c_ulong)),
    "FPDFBookmark_GetDest": (c_void_p, (c_void_p, c_void_p)),
    "FPDFDest_GetDestPageIndex": (c_int, (c_void_p, c_void_p)),
}

_loaded: ctypes.CDLL | None = None


def _library_path() -> Path | None:
    """libpdfium in the pypdfium2_raw package folder, found on sys.path without importing the package."""
    if sys.platform.startswith(("win32", "cygwin", "msys")):
        name = "pdfium.dll"
    elif sys.platform.startswith(("darwin", "ios")):
        name = "libpdfium.dylib"
    else:
        name = "libpdfium.so"
    spec = PathFinder.find_spec("pypdfium2_raw")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    return None


def library() -> ctypes.CDLL:
    """PDFium, loaded and initialised on first use, its functions typed."""
    global _loaded
    if _loaded is not None:
        return _loaded
    path = _library_path()
    if path is not None:
        lib = ctypes.CDLL(str(path))
    else:  # a pypdfium2 build that keeps the library elsewhere: let it find it
        from pypdfium2_raw import bindings

        lib = bindings._libs["pdfium"]
    for name, (restype, argtypes) in _FUNCTIONS.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    # Initialising twice is harmless (PDFium ignores the second call), so pypdfium2 may be loaded as well.
    lib.FPDF_InitLibraryWithConfig(ctypes.byref(_LibraryConfig(version=2)))
    _loaded = lib
    return lib
