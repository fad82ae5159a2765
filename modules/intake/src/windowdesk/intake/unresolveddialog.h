#pragma once
// 办不成事 反映窗口 (issue 16): the short record a clerk opens from any page with the window key
// (ui::shortcut::reportUnresolved): category, what the citizen needed, name and phone, the department it is
// routed to (the catalog's), linked to the visit's case or evaluation when there is one; below it, this
// window's requests and where they stand (the phone masked, overdue flagged). Widgets only collect and show:
// cases::UnresolvedRequestService validates and records.
#include "intakecontext.h"

#include <windowdesk/cases/unresolvedmodel.h>

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace windowdesk::ui {
class MainWindow;
class MessageBar;
} // namespace windowdesk::ui

namespace windowdesk::intake {

class UnresolvedDialog : public QDialog {
    Q_OBJECT
public:
    struct Link {
        QString caseLocalId;
        QString evaluationLocalId;
        QString applicantName;
        QString applicantPhone;
    };
    UnresolvedDialog(IntakeContext &context, Link link, QWidget *parent = nullptr);

    // Records the request (the OK button, Ctrl+Enter); false with the messages beside the fields.
    bool submit();
    QString recordedLocalId() const { return m_recorded; }
    void reload();

private:
    void showProblems(const cases::FieldProblems &problems);

    IntakeContext &m_ctx;
    Link m_link;
    cases::UnresolvedRequestService m_service;
    QComboBox *m_category;
    QPlainTextEdit *m_description;
    QLineEdit *m_name;
    QLineEdit *m_phone;
    QComboBox *m_department;
    QLabel *m_linkLabel;
    QHash<QString, QLabel *> m_problemLabels;
    ui::MessageBar *m_message;
    cases::UnresolvedModel m_model;
    QTableView *m_list;
    QString m_recorded;
};

// The window key on the main window: opens the dialog over whatever page is shown, linked to the intake
// page's visit (its last case and evaluation, the applicant typed so far).
void installUnresolvedShortcut(ui::MainWindow &window, IntakeContext &context);

} // namespace windowdesk::intake
