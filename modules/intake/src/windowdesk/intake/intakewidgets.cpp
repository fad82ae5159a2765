#include "intakewidgets.h"

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

QPushButton *actionButton(QWidget *parent, const QString &name, const QString &text,
                          const QKeySequence &key) {
    auto *b = new QPushButton(
        key.isEmpty() ? text : u"%1 (%2)"_s.arg(text, key.toString(QKeySequence::NativeText)), parent);
    b->setObjectName(name);
    b->setToolTip(key.isEmpty() ? text : u"%1 — %2"_s.arg(text, key.toString(QKeySequence::NativeText)));
    b->setAccessibleName(b->toolTip()); // a screen reader names the key too
    b->setFocusPolicy(Qt::NoFocus);     // buttons are reached by their shortcuts; Tab walks the form only
    return b;
}

QLabel *errorLabel(QWidget *parent, const QString &name) {
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setStyleSheet(u"color: #b3261e;"_s);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->hide();
    return l;
}

void setError(QLabel *l, const QString &text) {
    if (!l)
        return;
    l->setText(text);
    l->setVisible(!text.isEmpty());
}

QShortcut *scopedShortcut(QWidget *scope, const QKeySequence &key, std::function<void()> action) {
    auto *sc = new QShortcut(key, scope);
    sc->setContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(sc, &QShortcut::activated, scope, std::move(action));
    return sc;
}

bool ComboWheelGuard::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::Wheel)
        return QObject::eventFilter(watched, event);
    auto *combo = qobject_cast<QComboBox *>(watched);
    if (!combo || (combo->view() && combo->view()->isVisible()))
        return QObject::eventFilter(watched, event);
    // To the scroll bar of the scroll area around it, as QAbstractScrollArea itself does (a wheel event only
    // ignored here would not reach it: QApplication does not pass on synthesized ones).
    const auto *w = static_cast<QWheelEvent *>(event);
    for (QWidget *p = combo->parentWidget(); p; p = p->parentWidget()) {
        if (auto *area = qobject_cast<QAbstractScrollArea *>(p)) {
            const bool horizontal = qAbs(w->angleDelta().x()) > qAbs(w->angleDelta().y());
            QScrollBar *bar = horizontal ? area->horizontalScrollBar() : area->verticalScrollBar();
            QWheelEvent copy(bar->mapFromGlobal(w->globalPosition()), w->globalPosition(), w->pixelDelta(),
                             w->angleDelta(), w->buttons(), w->modifiers(), w->phase(), w->inverted(),
                             w->source(), w->pointingDevice());
            QCoreApplication::sendEvent(bar, &copy);
            return true;
        }
    }
    event->ignore();
    return true;
}

} // namespace windowdesk::intake
