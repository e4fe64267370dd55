"""Write simple text PDFs by hand (no dependency): pages of body lines in Helvetica 11 pt, optionally with
numbered headings in Helvetica-Bold 14 pt after a paragraph gap. For tests and benchmarks of long documents."""

from __future__ import annotations

import random
from pathlib import Path

_WORDS = ["kommunen", "regionen", "verksamheten", "planen", "strategin", "arbetet", "invånarna", "förutsättningar", "utveckling", "samverkan", "behov", "insatser", "ansvar", "målet", "området", "uppföljning", "kvalitet", "resurser", "tillgänglighet", "hälsa", "trygghet", "miljö", "service", "beslut", "underlag", "kunskap", "dialog", "nämnden", "förvaltningen", "rutiner", "åtgärder", "framtiden"]
_TOP, _BOTTOM, _LEFT, _LEADING = 800.0, 60.0, 72.0, 14.0


def _escape(text: str) -> bytes:
    data = text.encode("cp1252")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(7, 14))]
    return (" ".join(words) + ".").capitalize()


def body_lines(rng: random.Random, count: int, width: int = 85) -> list[str]:
    """`count` lines of wrapped running text (sentences that run over line ends)."""
    lines: list[str] = []
    current = ""
    while len(lines) < count:
        for word in _sentence(rng).split():
            if len(current) + 1 + len(word) > width:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
    return lines[:count]


def write_pdf(path: Path, pages: list[list[tuple[str, str]]]) -> None:
    """Write `pages`, each a list of (kind, text): kind "body" (11 pt), "heading" (bold 14 pt, with space
    above) or "gap" (an empty line's space)."""
    objects: list[bytes] = []

    def add(data: bytes) -> int:
        objects.append(data)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1
    add(b"")  # the page tree, filled in below
    kids = []
    for page in pages:
        y = _TOP
        stream = [b"BT"]
        for kind, text in page:
            if kind == "gap":
                y -= _LEADING
                continue
            if kind == "heading":
                y -= _LEADING * 0.8
                stream.append(b"/F2 14 Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj" % (_LEFT, y, _escape(text)))
                y -= _LEADING * 1.4
                continue
            stream.append(b"/F1 11 Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj" % (_LEFT, y, _escape(text)))
            y -= _LEADING
        stream.append(b"ET")
        content = b"\n".join(stream)
        content_id = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>" % (pages_id, content_id, font, bold)
            )
        )
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids), len(kids)
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    path.write_bytes(pdf_file(objects, root=catalog))


def pdf_file(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file of these objects (numbered from 1) with its cross-reference table; `root` is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, data in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, data)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def lines_per_page() -> int:
    return int((_TOP - _BOTTOM) // _LEADING)


def plain_pdf(path: Path, page_count: int, seed: int = 1) -> None:
    """`page_count` pages of uniform running text: no headings, no paragraph gaps."""
    rng = random.Random(seed)
    per_page = lines_per_page()
    write_pdf(path, [[("body", line) for line in body_lines(rng, per_page)] for _ in range(page_count)])


def numbered_pdf(path: Path, page_count: int, heading_count: int, seed: int = 1) -> list[str]:
    """`page_count` pages with `heading_count` numbered headings ("3.2 Title") spread evenly, each after a
    paragraph gap and in bold 14 pt, chapters of five sections, each section's text a paragraph of its own.
    Returns the headings as written."""
    rng = random.Random(seed)
    per_page = lines_per_page() - 3
    headings = []
    for n in range(heading_count):
        chapter, section = divmod(n, 5)
        number = f"{chapter + 1}" if section == 0 else f"{chapter + 1}.{section}"
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 4))).capitalize()
        headings.append(f"{number} {title}")
    lines_each = max(2, page_count * per_page // max(1, heading_count) - 2)
    pages: list[list[tuple[str, str]]] = [[]]
    for heading in headings:
        if len(pages[-1]) >= per_page - 3:
            pages.append([])
        pages[-1] += [("gap", ""), ("heading", heading)]
        text = body_lines(rng, lines_each)
        text[-1] = text[-1].rstrip(".") + "."
        for line in text:
            if len(pages[-1]) >= per_page:
                pages.append([])
            pages[-1].append(("body", line))
    write_pdf(path, pages)
    return headings
