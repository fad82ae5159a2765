#pragma once
// 告知承诺 post-checks for the clerk (issue 16), from any page with the window key
// (ui::shortcut::commitmentChecks): the hall's checks — open ones first, their due date in working days,
// overdue flagged — and the outcome of the selected open check: confirmed / false commitment (with its
// consequence) / unable to check, with a note. cases::CommitmentCheckService validates and records.
#include "intakecontext.h"

#include <windowdesk/cases/checksmodel.h>

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace windowdesk::ui {
class MainWindow;
class MessageBar;
} // namespace windowdesk::ui

namespace windowdesk::intake {

class ChecksDialog : public QDialog {
    Q_OBJECT
public:
    ChecksDialog(IntakeContext &context, QWidget *parent = nullptr);
    bool submit(); // records the outcome of the selected check (Ctrl+Enter); false: the messages shown
    void reload();
    const cases::ChecksModel &model() const { return m_model; }
    QString recordedLocalId() const { return m_recorded; }

private:
    void showProblems(const cases::FieldProblems &problems);
    void outcomeChanged();

    IntakeContext &m_ctx;
    cases::CommitmentCheckService m_service;
    cases::ChecksModel m_model;
    QTableView *m_list;
    QComboBox *m_outcome;
    QComboBox *m_consequence;
    QPlainTextEdit *m_note;
    QHash<QString, QLabel *> m_problemLabels;
    ui::MessageBar *m_message;
    QString m_recorded;
};

void installChecksShortcut(ui::MainWindow &window, IntakeContext &context);

} // namespace windowdesk::intake
