#pragma once
#include <windowdesk/cases/caserepository.h>
// 我的办件: today's and open cases of this clerk with status, due date and card colour; filter and
// search; reopen a case to record delivery (送达, prints 送达回执) or withdrawal.
#include "casedetaildialog.h"
#include "intakecontext.h"
#include "noticerenderer.h"
#include <windowdesk/cases/caseservice.h>

#include <windowdesk/core/cardcolour.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QWidget>
#include <memory>

class QComboBox;
class QLineEdit;
class QTableView;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::intake {

// A row of My cases: the repository's view of the clerk's case (masked), with its card.
using CaseRow = cases::ClerkCase;

class CasesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Created, CaseRef, Applicant, IdNumber, Phone, Matter, Status, DueDate, Card, ColumnCount };
    Q_ENUM(Column)
    static constexpr int LocalIdRole = Qt::UserRole + 1;
    static constexpr int StatusRole = Qt::UserRole + 2;
    static constexpr int TodayRole = Qt::UserRole + 3;
    static constexpr int NeedsCorrectionRole = Qt::UserRole + 4;

    CasesModel(storage::Database &db, const Clock &clock, QString clerkId, QObject *parent = nullptr);
    windowdesk::Status reload();
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    const CaseRow &row(int r) const { return m_rows.at(r); }

private:
    storage::Database &m_db;
    const Clock &m_clock;
    QString m_clerkId;
    QList<CaseRow> m_rows;
};

// Filter: "all", "today", "open"; search over every visible column.
class CasesFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setScope(const QString &scope);
    void setSearch(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_scope = QStringLiteral("all");
    QString m_search;
};

class MyCasesPage : public QWidget {
    Q_OBJECT
public:
    explicit MyCasesPage(IntakeContext context, QWidget *parent = nullptr);
    CasesModel *model() const { return m_model; }
    CasesFilterModel *filterModel() const { return m_filter; }
    QString lastNoticePath() const { return m_lastNotice; }
    // The detail of the case open from the list (Enter or double-click), or null.
    CaseDetailDialog *detailDialog() const { return m_detail; }

public slots:
    void reload();
    // Reloads and selects the case (e.g. from the card reminder); the filter is cleared if it hides it.
    void selectCase(const QString &localId);
    void deliverSelected();
    void withdrawSelected();
    // Print preview of the selected case's notice (its decision notice, or the delivery receipt once
    // delivered).
    void printSelected();
    // A case the platform refused (⚠ 需更正): a dialog with the applicant fields and every form field the
    // server named, each with its message; OK writes the correction (CaseService::correctRejected), which
    // the next sync pushes under a new key.
    void correctSelected();
    // The selected case's detail (applicant masked, items, materials, decision, due dates and card, events,
    // notices to print again); Enter or a double-click in the list.
    void openSelected();
    // Print preview of one notice of a case.
    void printNotice(const QString &localId, windowdesk::intake::NoticeKind kind);

private:
    QString selectedLocalId() const;
    IntakeContext m_ctx;
    std::unique_ptr<CaseService> m_cases;
    CasesModel *m_model = nullptr;
    CasesFilterModel *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_scope = nullptr;
    QLineEdit *m_note = nullptr;
    ui::MessageBar *m_message = nullptr;
    QString m_lastNotice;
    QPointer<CaseDetailDialog> m_detail;
};

} // namespace windowdesk::intake
