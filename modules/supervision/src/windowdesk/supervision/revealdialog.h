#pragma once
// 查看完整信息: a supervisor reveals the full id number and phone of an applicant of a case taken in at this
// desk, with a typed reason (F4 on the board's case list or timeline). The reason field has the keys; Enter
// or Ctrl+Return reveals, Esc closes. The rule and the audit row are cases::ApplicantReveal's; the full
// values live only in this dialog's labels and are gone with it (the board's list stays masked).
#include <windowdesk/storage/userrepository.h>

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage
namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::supervision {

class RevealDialog : public QDialog {
    Q_OBJECT
public:
    // `caseTitle`: the case as the page names it; `masked`: the applicant as the list shows it (masked).
    RevealDialog(storage::Database &db, storage::AuditLog *audit, storage::User user, QString caseLocalId,
                 const QString &caseTitle, const QString &masked, QWidget *parent = nullptr);
    // Reveals with the typed reason (Enter, Ctrl+Return); a missing or short reason is refused and nothing
    // is shown or written.
    void reveal();
    bool revealed() const { return m_revealed; }

private:
    storage::Database &m_db;
    storage::AuditLog *m_audit;
    storage::User m_user;
    QString m_caseLocalId;
    bool m_revealed = false;
    ui::MessageBar *m_message;
    QLineEdit *m_reason;
    QPushButton *m_revealButton;
    QLabel *m_idNumber;
    QLabel *m_phone;
};

} // namespace windowdesk::supervision
