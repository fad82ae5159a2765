#include "placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

QString PlaceholderPage::comingText() {
    return tr("This feature is still under development and will be provided in a later release.");
}

PageSpec PlaceholderPage::spec(const QString &id, const QString &title, const QStringList &roles,
                               const QKeySequence &shortcut, const QString &description) {
    return {id, title, roles, shortcut, [title, description]() -> QWidget * {
                return new PlaceholderPage(title, description);
            }};
}

PlaceholderPage::PlaceholderPage(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent) {
    setProperty("placeholder", true);
    auto *heading = new QLabel(title, this);
    heading->setObjectName(u"pageTitle"_s);
    auto *badge = new QLabel(tr("Coming soon"), this);
    badge->setObjectName(u"comingBadge"_s);
    badge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Maximum);
    auto *notice = new QLabel(comingText(), this);
    notice->setObjectName(u"placeholderNotice"_s);
    notice->setWordWrap(true);
    notice->setAccessibleName(comingText());
    auto *desc = new QLabel(description, this);
    desc->setObjectName(u"placeholderDescription"_s);
    desc->setWordWrap(true);

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(32, 28, 32, 28);
    l->setSpacing(12);
    l->addWidget(heading);
    l->addWidget(badge);
    l->addWidget(notice);
    l->addWidget(desc);
    l->addStretch();
}

} // namespace windowdesk::ui
