"""How VocPlan looks: a calm, light palette with strong text contrast, and heading fonts."""

from __future__ import annotations

from ui.qt import QApplication, QColor, QFont, QPalette, QStyleFactory, QWidget

BACKGROUND = "#f5f6f4"
BASE = "#ffffff"
ALTERNATE = "#f0f3f1"
TEXT = "#1f2a30"
MUTED_TEXT = "#5b666c"
ACCENT = "#2f6f73"
ERROR_STYLE = "color: #9b1c1c;"
"""How a message about a problem is written, everywhere in the app."""
"""A muted teal for selection and focus: calm, with white text on it above 4.5:1 contrast."""


def calm_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: BACKGROUND,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: BASE,
        QPalette.ColorRole.AlternateBase: ALTERNATE,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: "#e8ebe8",
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#fffbe6",
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: MUTED_TEXT,
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#8a9397")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_style(app: QApplication) -> None:
    if "Fusion" in QStyleFactory.keys():  # noqa: SIM118 - keys() is a function returning a list
        app.setStyle("Fusion")
    app.setPalette(calm_palette())


def heading_font(widget: QWidget, scale: float = 1.5) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height``, or less on a small screen, leaving room for panels."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 48)
        height = min(height, available.height() - 72)
    widget.resize(width, height)
