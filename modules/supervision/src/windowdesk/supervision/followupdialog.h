#pragma once
// The follow-up of a red or yellow card (红牌 "每件必查", issue 13), by keyboard: the finding (combo), the
// action taken and a note; Ctrl+Return saves, Esc cancels. The rule and the write (audit row, outbox) are
// cases::CaseFollowupService's; this dialog only collects and shows. Opened with open() (no nested event
// loop); the page reads notice() once it is accepted.
#include <windowdesk/storage/userrepository.h>

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage
namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::supervision {

class FollowupDialog : public QDialog {
    Q_OBJECT
public:
    // `card`: "red" or "yellow"; `caseTitle`: the case number and colour as the page shows them.
    FollowupDialog(storage::Database &db, const Clock &clock, storage::AuditLog *audit, storage::User user,
                   QString caseLocalId, QString card, const QString &caseTitle, QWidget *parent = nullptr);
    // After a save: what the page tells the supervisor (saved, or saved locally because the platform does
    // not support follow-ups yet).
    QString notice() const { return m_notice; }
    // Records the follow-up (Ctrl+Return); on bad input the message says what is missing and nothing is
    // written.
    void save();
    // The findings in the dialog's order: code (as stored) and its label.
    static QList<std::pair<QString, QString>> findings();
    // A finding's label (the code itself when unknown).
    static QString findingLabel(const QString &code);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
    storage::User m_user;
    QString m_caseLocalId;
    QString m_card;
    QString m_notice;
    ui::MessageBar *m_message;
    QComboBox *m_finding;
    QLineEdit *m_action;
    QPlainTextEdit *m_note;
};

} // namespace windowdesk::supervision
