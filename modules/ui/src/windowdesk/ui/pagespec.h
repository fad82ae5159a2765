#pragma once
// How a module plugs a page into the main window's navigation.
#include <QKeySequence>
#include <QString>
#include <QStringList>
#include <functional>

class QWidget;

namespace windowdesk::ui {

struct PageSpec {
    QString id;                        // stable: "intake", "catalog", "cases", "supervision", "training"
    QString title;                     // translated
    QStringList roles;                 // shown when the user has any of them
    QKeySequence shortcut;             // every navigation target has one
    std::function<QWidget *()> create; // called on first show; the window takes ownership
};

} // namespace windowdesk::ui
