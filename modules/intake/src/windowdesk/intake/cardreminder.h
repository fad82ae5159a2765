#pragma once
// After login: a clerk whose own cases carry a card (预警 / 黄牌 / 红牌, by the one card rule with the case's
// suspensions) sees them in a short list, 预警 first (still time to act), then 黄牌, then 红牌, each by its
// promised date. Non-modal and dismissed by Esc; Enter opens My cases on the first of them.
#include "mycasespage.h"

#include <QDialog>

class QListWidget;

namespace windowdesk::intake {

// The clerk's carded cases in the reminder's order (warning, yellow, red; then by promised date).
QList<CaseRow> cardedCases(const QList<CaseRow> &rows);

class CardReminderDialog : public QDialog {
    Q_OBJECT
public:
    CardReminderDialog(const QList<CaseRow> &carded, QWidget *parent = nullptr);

Q_SIGNALS:
    void openCasesRequested(const QString &localId);

private:
    QListWidget *m_list;
};

} // namespace windowdesk::intake
