#pragma once
// The decision panel of the intake page: 受理 / 一次性告知补正 / 不予受理 with reason and legal basis, the
// due dates of the matter, the problems that stop the decision, and the keys to confirm, print and start
// anew. The decision is the visit's; what is allowed is CaseService's.
#include "intakecontext.h"

#include <windowdesk/cases/intakevisit.h>

#include <QGroupBox>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace windowdesk::intake {

class DecisionPanel : public QGroupBox {
    Q_OBJECT
public:
    // `dueDates`: the matter's due dates if accepted today. `scope`: the page, where the keys are active.
    DecisionPanel(cases::IntakeVisit &visit, std::function<DueDates(const Matter &)> dueDates, QWidget *scope,
                  QObject *wheelGuard, QWidget *parent = nullptr);

    QWidget *editor(const QString &problemKey) const; // decision, decision_reason, decision_basis
    QList<QWidget *> tabOrder() const;
    void setProblems(const QString &text);
    // The due dates and which fields the decision needs, for the visit as it is now.
    void refresh();

Q_SIGNALS:
    void confirmRequested();
    void printRequested();
    void newVisitRequested();

private:
    void showDecision();

    cases::IntakeVisit &m_visit;
    std::function<DueDates(const Matter &)> m_dueDates;
    QComboBox *m_decision = nullptr;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_basis = nullptr;
    QLabel *m_dueDatesLabel = nullptr;
    QLabel *m_problems = nullptr;
};

} // namespace windowdesk::intake
