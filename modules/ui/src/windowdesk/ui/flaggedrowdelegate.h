#pragma once
// Paints the rows a model flags (a bool under `flagRole`, e.g. a late 跨省通办 receipt) on a light red
// background, so a flag reads at a glance in any column; the text says it too (colour is never the only
// sign).
#include <QPainter>
#include <QStyledItemDelegate>

namespace windowdesk::ui {

class FlaggedRowDelegate : public QStyledItemDelegate {
public:
    FlaggedRowDelegate(int flagRole, QObject *parent = nullptr)
        : QStyledItemDelegate(parent)
        , m_role(flagRole) {}
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        if (index.data(m_role).toBool() && !(option.state & QStyle::State_Selected))
            painter->fillRect(option.rect, QColor(0xfd, 0xe2, 0xe1));
        QStyledItemDelegate::paint(painter, option, index);
    }

private:
    int m_role;
};

} // namespace windowdesk::ui
