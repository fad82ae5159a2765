#pragma once
// The sync state in the status bar (sync-rules.md rule 8): online/offline, pending writes and the age of
// the oldest, items needing attention (click → the server's messages and a retry), last success, progress
// of long pulls, "sync now", and a platform login when the platform asks for one.
#include <QToolButton>

class QProgressBar;

namespace windowdesk::sync {
class SyncService;
}

namespace windowdesk::app {

class SyncIndicator : public QToolButton {
    Q_OBJECT
public:
    SyncIndicator(sync::SyncService &service, QString username, QWidget *parent = nullptr);

    // The text shown, for tests and screenshots.
    QString stateText() const { return text(); }
    // Shown beside the indicator while a pull brings records in (busy bar with the stream and the count);
    // the owner puts it in the status bar.
    QProgressBar *progressBar() const { return m_bar; }
    void showAttentionList();
    void askPlatformLogin();

private:
    void updateText();

    sync::SyncService &m_service;
    QString m_username;
    QString m_progress;
    QProgressBar *m_bar = nullptr;
};

} // namespace windowdesk::app
