"""What both plan documents share: the embedded font, the footer on every page, building.

The PDF is built in memory (``io.BytesIO``): personal data never goes into a
temporary file. The footer ("Page x of y", the person's name and the plan's
version, and a confidentiality line) is drawn once the page count is known,
by a canvas that holds every page until the document is saved.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from vocplan import __version__
from vocplan.i18n import _, current_language
from vocplan.paths import resource

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
"""Shipped in resources/fonts: reportlab's own fonts have no Welsh ŵ ŷ or Polish ł ś."""

LANGUAGE_TAGS = {"en": "en-GB", "cy": "cy-GB", "pl": "pl-PL"}
"""The PDF's language (the catalogue's /Lang) for each language VocPlan speaks."""

TEXT = colors.HexColor("#1f2a30")
MUTED = colors.HexColor("#4a5a60")
ACCENT = colors.HexColor("#1d5c63")
RULE = colors.HexColor("#b9c6c4")
OWN_WORDS_BACKGROUND = colors.HexColor("#eef3f1")
"""The shading behind the person's own words (light enough to print on any printer)."""
TABLE_HEADER_BACKGROUND = colors.HexColor("#e2eae8")
CALLOUT_BACKGROUND = colors.HexColor("#fdf6e3")
CALLOUT_BORDER = colors.HexColor("#b58a2a")

PAGE_SIZE = A4
SIDE_MARGIN = 18 * mm
TOP_MARGIN = 16 * mm
FOOTER_GAP = 5 * mm
"""Space between the last line of text and the footer's rule."""
FRAME_PADDING = 6
"""reportlab's frames keep 6 points clear on every side."""
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * SIDE_MARGIN - 2 * FRAME_PADDING
"""The width text and tables can fill."""

_font_lock = threading.Lock()


def register_fonts() -> None:
    """Make the shipped Unicode font known to reportlab (once; safe from any thread)."""
    with _font_lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return
        for name, file_name in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file_name))))
        # No italic is shipped: <i> falls back to the upright face rather than failing.
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def words(text: str) -> str:
    """Anyone's text as Paragraph markup: escaped, every character kept, line breaks kept."""
    return escape(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br/>")


def language_tag() -> str:
    return LANGUAGE_TAGS.get(current_language(), "en-GB")


def callout(flowables: Sequence[Flowable], *, padding: float = 7) -> Table:
    """Something to notice before reading on (the money estimate), in a box."""
    return Table(
        [[list(flowables)]],
        colWidths=[CONTENT_WIDTH],
        spaceBefore=2,
        spaceAfter=8,
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # reportlab sets a cell's font regardless
                ("BACKGROUND", (0, 0), (-1, -1), CALLOUT_BACKGROUND),
                ("BOX", (0, 0), (-1, -1), 0.8, CALLOUT_BORDER),
                ("LEFTPADDING", (0, 0), (-1, -1), padding + 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding + 1),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ]
        ),
    )


@dataclass(frozen=True)
class Footer:
    """The lines at the foot of every page."""

    identity: str
    """The person's name and the plan's version."""
    font_size: float

    @property
    def confidential(self) -> str:
        return _("Confidential: contains personal information. Keep it safe.")

    def _style(self, bold: bool = False) -> ParagraphStyle:
        return ParagraphStyle(
            "footer",
            fontName=BOLD if bold else FONT,
            fontSize=self.font_size,
            leading=self.font_size * 1.3,
            textColor=MUTED,
        )

    def _paragraphs(self, page: int, pages: int) -> tuple[Paragraph, Paragraph, Paragraph]:
        page_text = _("Page {page} of {pages}").format(page=page, pages=pages)
        right = ParagraphStyle("footer-right", parent=self._style(), alignment=2)
        return (
            Paragraph(words(self.identity), self._style(bold=True)),
            Paragraph(words(page_text), right),
            Paragraph(words(self.confidential), self._style()),
        )

    def _widths(self, width: float) -> tuple[float, float]:
        page_column = float(
            pdfmetrics.stringWidth(
                _("Page {page} of {pages}").format(page=999, pages=999), FONT, self.font_size
            )
        )
        return width - page_column - 4 * mm, page_column + 2 * mm

    def height(self, width: float) -> float:
        """How tall the footer is at ``width``; a long name wraps rather than being cut."""
        identity, page, confidential = self._paragraphs(999, 999)
        left, right = self._widths(width)
        top = max(identity.wrap(left, 1000)[1], page.wrap(right, 1000)[1])
        return float(top + confidential.wrap(width, 1000)[1] + 3)

    def draw(self, canvas: Any, page: int, pages: int) -> None:
        width = PAGE_SIZE[0] - 2 * SIDE_MARGIN
        identity, page_paragraph, confidential = self._paragraphs(page, pages)
        left, right = self._widths(width)
        _unused, bottom_height = confidential.wrap(width, 1000)
        identity_height = identity.wrap(left, 1000)[1]
        page_height = page_paragraph.wrap(right, 1000)[1]
        top_height = max(identity_height, page_height)
        y = 10 * mm
        confidential.drawOn(canvas, SIDE_MARGIN, y)
        y += bottom_height + 3
        identity.drawOn(canvas, SIDE_MARGIN, y + top_height - identity_height)
        page_paragraph.drawOn(
            canvas, PAGE_SIZE[0] - SIDE_MARGIN - right, y + top_height - page_height
        )
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        rule = y + top_height + 2.5 * mm
        canvas.line(SIDE_MARGIN, rule, PAGE_SIZE[0] - SIDE_MARGIN, rule)
        canvas.restoreState()

    def space_needed(self) -> float:
        """The bottom margin that keeps the text clear of the footer."""
        width = PAGE_SIZE[0] - 2 * SIDE_MARGIN
        return float(10 * mm + self.height(width) + 2.5 * mm + FOOTER_GAP)


def _canvas_with(footer: Footer) -> type:
    class FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        """Keeps each page until the end, then draws every footer knowing the page count."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                footer.draw(self, number, pages)
                super().showPage()
            super().save()

    return FooterCanvas


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str


def build(story: Sequence[Flowable], *, footer: Footer, metadata: Metadata) -> bytes:
    """The finished PDF, built in memory."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=footer.space_needed(),
        title=metadata.title,
        # The document is about one person; the metadata names no one (viewers and file
        # indexes show it more readily than the pages).
        author="VocPlan",
        creator=f"VocPlan {__version__}",
        subject=metadata.subject,
        lang=language_tag(),
        displayDocTitle=True,
        initialFontName=FONT,
    )
    document.build(list(story), canvasmaker=_canvas_with(footer))
    return buffer.getvalue()
