#include "messagebar.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

namespace {
// The text of the bar: as high as the wrapped text needs, up to a cap; beyond it the text scrolls. (A plain
// QScrollArea has no height-for-width, so a wrapped two-line message would already get a scroll bar.)
class MessageScroll : public QScrollArea {
public:
    using QScrollArea::QScrollArea;
    int cap = 0;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override {
        const QWidget *inner = widget();
        if (!inner)
            return 0;
        const int h = inner->hasHeightForWidth() ? inner->heightForWidth(w) : inner->sizeHint().height();
        return cap > 0 ? qMin(h, cap) : h;
    }
    QSize sizeHint() const override {
        const QSize s = widget() ? widget()->sizeHint() : QSize();
        return {s.width(), cap > 0 ? qMin(s.height(), cap) : s.height()};
    }
    QSize minimumSizeHint() const override { return {0, fontMetrics().lineSpacing()}; }
};
} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel)
    , m_scroll(new MessageScroll(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this)) {
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setObjectName(u"messageText"_s);
    m_scroll->setObjectName(u"messageScroll"_s);
    m_scroll->setWidget(m_label);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    QSizePolicy sp(QSizePolicy::Expanding, QSizePolicy::Maximum);
    sp.setHeightForWidth(true);
    m_scroll->setSizePolicy(sp);
    m_scroll->viewport()->setAutoFillBackground(false);
    m_label->setAutoFillBackground(false);
    m_action->setObjectName(u"messageAction"_s);
    m_action->setFocusPolicy(Qt::NoFocus); // the clerk's typing stays where it is
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_onAction)
            m_onAction();
    });
    m_close->setAutoRaise(true);
    m_close->setText(u"×"_s);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    auto *l = new QHBoxLayout(this);
    l->setContentsMargins(8, 6, 4, 6);
    l->addWidget(m_icon, 0, Qt::AlignTop);
    l->addWidget(m_scroll, 1);
    l->addWidget(m_action, 0, Qt::AlignTop);
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
    m_action->hide();
    m_onAction = nullptr;
    // As high as the text needs, up to kMaxVisibleLines lines; more scrolls.
    static_cast<MessageScroll *>(m_scroll)->cap = kMaxVisibleLines * m_label->fontMetrics().lineSpacing() + 4;
    m_scroll->updateGeometry();
    setAccessibleName(text);
    show();
    // Screen readers announce the new text without the focus moving.
    QAccessibleEvent ev(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&ev);
    emit messageChanged(text);
}

void MessageBar::setAction(const QString &text, std::function<void()> action) {
    m_onAction = std::move(action);
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty() && m_onAction);
}

void MessageBar::clearMessage() {
    m_label->clear();
    m_action->hide();
    m_onAction = nullptr;
    hide();
    emit messageChanged(QString());
}

QString MessageBar::text() const {
    return isHidden() ? QString() : m_label->text();
}

} // namespace windowdesk::ui
