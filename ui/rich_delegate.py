"""Item views whose entries are short wrapped HTML: the base every such delegate shares."""

from __future__ import annotations

from ui.qt import (
    QAbstractItemView,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextDocument,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class RichTextDelegate(QStyledItemDelegate):
    """Draws each entry as HTML wrapped to the width it has, with room around it, and says
    how tall that makes the entry, so nothing an entry says is cut off.

    Subclasses say what an entry reads (``entry_html``) and how wide it may be
    (``text_width``); ``strong`` is true when the entry is drawn selected in a
    focused view, on the dark highlight.
    """

    PADDING_X = 8
    PADDING_Y = 7

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def entry_html(self, index: AnyIndex, strong: bool) -> str:
        raise NotImplementedError

    def text_width(self, option: QStyleOptionViewItem, index: AnyIndex) -> int:
        return option.rect.width()

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex, width: int) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(self.entry_html(index, selected and self.view.hasFocus()))
        document.setTextWidth(max(width - 2 * self.PADDING_X, 40))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        styled.text = ""
        widget = styled.widget
        style = widget.style() if widget is not None else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, styled, painter, widget)
        document = self._document(option, index, option.rect.width())
        painter.save()
        painter.translate(option.rect.left() + self.PADDING_X, option.rect.top() + self.PADDING_Y)
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self.text_width(option, index)
        document = self._document(option, index, width)
        return QSize(width, int(document.size().height()) + 2 * self.PADDING_Y)
