#pragma once
// The matter search of the intake page: items and bundles by name, pinyin initials or code (Enter takes the
// highlighted one, ↑/↓ move), 无结果 with what to try, and the chosen matter's name from the visit.
#include <windowdesk/cases/intakevisit.h>

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QListWidget;

namespace windowdesk::storage {
class CatalogSearch;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::intake {

class MatterSearch : public QGroupBox {
    Q_OBJECT
public:
    MatterSearch(cases::IntakeVisit &visit, storage::Database &db, storage::CatalogSearch &search,
                 const QString &windowNo, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    // Ctrl+F: the search field with its text selected.
    void focusSearch();
    void clear();

Q_SIGNALS:
    // The clerk chose an item (bundle = false) or a bundle.
    void chosen(const QString &code, bool bundle);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextChanged(const QString &text);
    void choose(int row);
    void showMatter();

    cases::IntakeVisit &m_visit;
    storage::Database &m_db;
    storage::CatalogSearch &m_catalog;
    QString m_windowNo;
    QLineEdit *m_search = nullptr;
    QListWidget *m_results = nullptr;
    QLabel *m_noResults = nullptr; // 无结果 and what to try
    QLabel *m_matterLabel = nullptr;
};

} // namespace windowdesk::intake
