#pragma once
#include <QDialog>
#include <QList>
#include <utility>

namespace windowdesk::ui {

// WindowDesk and the versions of the libraries it runs on, and the licence.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(const QList<std::pair<QString, QString>> &versions, QWidget *parent = nullptr);
};

} // namespace windowdesk::ui
