#pragma once
// A page that is not built yet: says so plainly instead of showing anything fake.
#include <QWidget>

namespace windowdesk::ui {

class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &description, QWidget *parent = nullptr);
    static QString comingText();
};

} // namespace windowdesk::ui
