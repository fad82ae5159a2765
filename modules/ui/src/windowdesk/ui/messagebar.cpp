#include "messagebar.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this)) {
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setObjectName(u"messageText"_s);
    m_close->setAutoRaise(true);
    m_close->setText(u"×"_s);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    auto *l = new QHBoxLayout(this);
    l->setContentsMargins(8, 6, 4, 6);
    l->addWidget(m_icon, 0, Qt::AlignTop);
    l->addWidget(m_label, 1);
    l->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::clearMessage);
    hide();
}

void MessageBar::showMessage(Level level, const QString &text) {
    m_level = level;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QString kind = u"info"_s;
    switch (level) {
    case Level::Info:
        break;
    case Level::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        kind = u"warning"_s;
        break;
    case Level::Error:
        icon = QStyle::SP_MessageBoxCritical;
        kind = u"error"_s;
        break;
    }
    const int size = fontMetrics().height();
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    // The style sheet colours the bar by this property.
    setProperty("level", kind);
    style()->unpolish(this);
    style()->polish(this);
    m_label->setText(text);
    setAccessibleName(text);
    show();
    // Screen readers announce the new text without the focus moving.
    QAccessibleEvent ev(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&ev);
    emit messageChanged(text);
}

void MessageBar::clearMessage() {
    m_label->clear();
    hide();
    emit messageChanged(QString());
}

QString MessageBar::text() const {
    return isHidden() ? QString() : m_label->text();
}

} // namespace windowdesk::ui
