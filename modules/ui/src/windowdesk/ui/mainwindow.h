#pragma once
// The shell: navigation with only the pages of the user's roles, a keyboard shortcut for every
// target, and a status bar with the sync state and who is at which window.
#include "pagespec.h"

#include <windowdesk/storage/userrepository.h>

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <utility>

class QLabel;
class QListWidget;
class QStackedWidget;
class QMenu;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
class AuditLog;
} // namespace windowdesk::storage

namespace windowdesk::ui {

struct ShellContext {
    storage::Database *db = nullptr;
    const Clock *clock = nullptr;
    storage::AuditLog *audit = nullptr;
    storage::User user;
    bool keychainAvailable = true;
    // Component → version, for the about dialog ("WindowDesk", "Qt", "SQLite", "zint", "OpenSSL").
    QList<std::pair<QString, QString>> versions;
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(ShellContext context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds the page when the user has one of its roles, or replaces the page with the same id.
    // Returns false when the user may not see it.
    bool registerPage(const PageSpec &spec);

    QStringList pageIds() const;
    QString currentPageId() const;
    bool showPage(const QString &id);
    // The page widget (created on demand); nullptr for an unknown id.
    QWidget *page(const QString &id);
    const storage::User &user() const { return m_ctx.user; }

    // Re-reads the platform URL for the status bar.
    void refreshSyncState();

    // Shows the window where this user left it; the first time maximized on screens up to 1920×1080 (a hall
    // PC's), otherwise at a comfortable size in the middle of the screen.
    void showForUser();
    // Stores the window's place for the user (showForUser restores it). Done on every close.
    void saveGeometryForUser();
    // With the close button intercepted (the app controller's windows), closing the window asks to quit
    // (quitRequested) instead of closing: open work may need an answer first. closeForGood() then closes.
    void setInterceptClose(bool on) { m_interceptClose = on; }
    void closeForGood();
    // "No platform configured (demo hall)" or the platform address (login dialog, status bar).
    static QString platformStateText(const QString &platformUrl);

public slots:
    void openSettings();
    void openAbout();
    void openHelp();
    void openNoticesFolder();

signals:
    void logoutRequested(); // back to the login dialog
    void quitRequested();   // log out and quit
    void languageChanged(const QString &language);
    void closed(); // the window was closed (by the program or with the title bar's close button)

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Entry {
        PageSpec spec;
        QWidget *container = nullptr;
        QWidget *widget = nullptr;
        QAction *action = nullptr;
    };
    void buildMenus();
    void buildStatusBar();
    void
    rebuildNavigation(const QString &currentId = {}); // keeps `currentId` (else the current page) current
    void onNavigationRow(int row);
    // Keyboard focus to the current page (its own focus widget, else its first focusable child): a page's
    // shortcuts (F2 call next, Ctrl+F, …) work only while the focus is inside it, not on the sidebar.
    void focusCurrentPage();
    int indexOf(const QString &id) const;
    QString rolesText() const;

    ShellContext m_ctx;
    QList<Entry> m_pages;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    QMenu *m_goMenu = nullptr;
    QLabel *m_syncState = nullptr;
    QLabel *m_userInfo = nullptr;
    QLabel *m_keychainState = nullptr;
    QString m_loginPlatformUrl; // the platform this session's sync and online calls use
    bool m_interceptClose = false;
    bool m_closing = false;
};

QString roleDisplayName(const QString &role);

} // namespace windowdesk::ui
