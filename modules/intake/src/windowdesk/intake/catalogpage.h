#pragma once
// The catalog page (clerk and trainer): one search box, results as the clerk types with the first one
// selected, the full standard of the selected item (一事一标准) or the merged lists of a bundle, and
// Enter (or the button) to start an intake from it.
#include <QString>
#include <QWidget>
#include <memory>

class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
class CatalogSearch;
} // namespace windowdesk::storage

namespace windowdesk::intake {

class CatalogPage : public QWidget {
    Q_OBJECT
public:
    CatalogPage(storage::Database &db, QString windowNo, QWidget *parent = nullptr);
    ~CatalogPage() override;

    QString currentCode() const;
    bool currentIsBundle() const;
    void setQuery(const QString &text);

signals:
    // The clerk chose an item (bundle = false) or a 一件事一次办 bundle (bundle = true).
    void startIntake(const QString &code, bool bundle);

private:
    void refresh();
    void showCurrent();
    void start();
    QString itemHtml(const QString &code) const;
    QString bundleHtml(const QString &code) const;

    storage::Database &m_db;
    QString m_windowNo;
    std::unique_ptr<storage::CatalogSearch> m_search;
    QLineEdit *m_box = nullptr;
    QListWidget *m_results = nullptr;
    QTextBrowser *m_detail = nullptr;
    QPushButton *m_start = nullptr;
};

} // namespace windowdesk::intake
