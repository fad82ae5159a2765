#pragma once
// A page that is not built yet: says so plainly instead of showing anything fake.
#include "pagespec.h"

#include <QWidget>

namespace windowdesk::ui {

class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &description, QWidget *parent = nullptr);
    static QString comingText();
    // A navigation entry whose page is this placeholder (a module whose pages are not built yet).
    static PageSpec spec(const QString &id, const QString &title, const QStringList &roles,
                         const QKeySequence &shortcut, const QString &description);
};

} // namespace windowdesk::ui
