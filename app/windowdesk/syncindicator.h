#pragma once
// The sync state in the status bar (sync-rules.md rule 8): online/offline, pending writes and the age of
// the oldest, items needing attention (click → the server's messages and a retry), last success, progress
// of long pulls, "sync now", and a platform login when the platform asks for one.
#include <QToolButton>

class QProgressBar;

namespace windowdesk::storage {
class AuditLog;
}
namespace windowdesk::sync {
class SyncService;
}

namespace windowdesk::app {

class SyncIndicator : public QToolButton {
    Q_OBJECT
public:
    SyncIndicator(sync::SyncService &service, QString username, QWidget *parent = nullptr);

    // The whole state line (the button shows it cut at the end, never the state word, when space is short).
    QString stateText() const { return m_fullText; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Shown beside the indicator while a pull brings records in (busy bar with the stream and the count);
    // the owner puts it in the status bar.
    QProgressBar *progressBar() const { return m_bar; }
    // Who acknowledges a final answer in the attention list, and the audit log that records it (without
    // one the list offers no acknowledgement).
    void setAuditor(storage::AuditLog *audit, QString userId);
    void showAttentionList();
    void askPlatformLogin();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateText();
    void showFitting(); // the state line elided at its end to the button's width
    int textPadding() const;

    sync::SyncService &m_service;
    QString m_username;
    storage::AuditLog *m_audit = nullptr;
    QString m_userId;
    QString m_progress;
    QString m_fullText;
    QString m_stateWord; // 在线 / 离线: always shown whole
    QProgressBar *m_bar = nullptr;
};

} // namespace windowdesk::app
