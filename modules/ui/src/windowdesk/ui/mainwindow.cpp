#include "mainwindow.h"

#include "aboutdialog.h"
#include "appsettings.h"
#include "dialogfacade.h"
#include "helpdialog.h"
#include "logging.h"
#include "paths.h"
#include "placeholderpage.h"
#include "settingsdialog.h"
#include "shortcuts.h"

#include <windowdesk/storage/personaldata.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr int ShortcutRole = Qt::UserRole + 2;

// Draws the shortcut of each navigation entry right-aligned and dimmed, so it is always in sight.
class NavigationDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        QStyledItemDelegate::paint(painter, option, index);
        const QString shortcut = index.data(ShortcutRole).toString();
        if (shortcut.isEmpty())
            return;
        painter->save();
        QFont f = option.font;
        f.setPointSizeF(f.pointSizeF() * 0.85);
        painter->setFont(f);
        const bool selected = option.state & QStyle::State_Selected;
        QColor c = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        c.setAlphaF(0.6f);
        painter->setPen(c);
        painter->drawText(option.rect.adjusted(0, 0, -12, 0), Qt::AlignRight | Qt::AlignVCenter, shortcut);
        painter->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(qMax(s.height(), option.fontMetrics.height() * 2 + 6));
        s.setWidth(s.width() + option.fontMetrics.horizontalAdvance(index.data(ShortcutRole).toString()) +
                   36);
        return s;
    }
};
} // namespace

// Style sheets pick colours by the "level" property; a polished widget must be re-polished to notice a
// change.
static void setLevel(QWidget *w, const QString &level) {
    w->setProperty("level", level);
    w->style()->unpolish(w);
    w->style()->polish(w);
}

QString roleDisplayName(const QString &role) {
    if (role == u"clerk")
        return MainWindow::tr("Clerk");
    if (role == u"supervisor")
        return MainWindow::tr("Supervisor");
    if (role == u"trainer")
        return MainWindow::tr("Trainer");
    if (role == u"admin")
        return MainWindow::tr("Administrator");
    return role;
}

MainWindow::MainWindow(ShellContext context, QWidget *parent)
    : QMainWindow(parent)
    , m_ctx(std::move(context))
    , m_nav(new QListWidget(this))
    , m_stack(new QStackedWidget(this)) {
    setObjectName(u"mainWindow"_s);
    setWindowTitle(
        tr("WindowDesk — %1").arg(m_ctx.user.name.isEmpty() ? m_ctx.user.username : m_ctx.user.name));

    m_nav->setObjectName(u"navigation"_s);
    m_nav->setAccessibleName(tr("Navigation"));
    m_nav->setItemDelegate(new NavigationDelegate(m_nav));
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_nav->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_stack->setObjectName(u"pages"_s);

    auto *central = new QWidget(this);
    auto *l = new QHBoxLayout(central);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(0);
    l->addWidget(m_nav);
    l->addWidget(m_stack, 1);
    setCentralWidget(central);

    if (m_ctx.db && m_ctx.clock) {
        // Sync and the online calls of this session were set up at login with the platform stored then.
        SettingsStore store(*m_ctx.db, *m_ctx.clock, nullptr, m_ctx.user.id);
        if (auto url = store.value(QString::fromLatin1(storage::settingkey::platformUrl)))
            m_loginPlatformUrl = url.value();
    }
    buildMenus();
    buildStatusBar();
    connect(m_nav, &QListWidget::currentRowChanged, this, &MainWindow::onNavigationRow);
    // A click on the sidebar opens the page for work; arrow keys in the sidebar keep the focus there.
    connect(m_nav, &QListWidget::itemClicked, this, [this] { focusCurrentPage(); });
    resize(1100, 720);
    setMinimumSize(640, 480); // the pages scroll below this; the window never outgrows the screen for them
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(u"actionSettings"_s);
    settings->setShortcut(shortcutKey(shortcut::settings));
    QAction *notices = file->addAction(tr("Open the &notices folder"), this, &MainWindow::openNoticesFolder);
    notices->setObjectName(u"actionNoticesFolder"_s);
    notices->setToolTip(noticesDirectory());
    file->addSeparator();
    QAction *switchUser = file->addAction(tr("Log &out (switch user)"), this, &MainWindow::logoutRequested);
    switchUser->setObjectName(u"actionLogout"_s);
    switchUser->setShortcut(shortcutKey(shortcut::logout));
    QAction *quit = file->addAction(tr("Log out and &quit"), this, &MainWindow::quitRequested);
    quit->setObjectName(u"actionQuit"_s);
    quit->setShortcut(shortcutKey(shortcut::quit));

    m_goMenu = menuBar()->addMenu(tr("&Go"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *manual = help->addAction(tr("&Manual and shortcuts"), this, &MainWindow::openHelp);
    manual->setObjectName(u"actionHelp"_s);
    manual->setShortcut(shortcutKey(shortcut::help));
    QAction *about = help->addAction(tr("&About WindowDesk"), this, &MainWindow::openAbout);
    about->setObjectName(u"actionAbout"_s);
    for (QAction *a : {settings, notices, switchUser, quit, manual, about})
        a->setShortcutContext(Qt::WindowShortcut);
}

void MainWindow::buildStatusBar() {
    m_syncState = new QLabel(this);
    m_syncState->setObjectName(u"syncState"_s);
    m_userInfo = new QLabel(this);
    m_userInfo->setObjectName(u"userInfo"_s);
    m_keychainState = new QLabel(this);
    m_keychainState->setObjectName(u"keychainState"_s);
    statusBar()->addWidget(m_syncState, 1);
    statusBar()->addPermanentWidget(m_keychainState);
    statusBar()->addPermanentWidget(m_userInfo);
    // Personal data at rest (issue 18 #4): without the database's key, id numbers and phones are written in
    // clear (and sealed ones cannot be read): said here, at login, never silently.
    // A keychain without the key of a database that has one (moved, or the entry deleted); a database that
    // has no key yet is being given one (main.cpp) and has nothing to warn about.
    const bool keyLacking = m_ctx.db && !storage::PersonalData(*m_ctx.db).unlocked() &&
                            !storage::PersonalData::keyRef(*m_ctx.db).isEmpty();
    if (!m_ctx.keychainAvailable) {
        m_keychainState->setText(
            tr("No keychain: the end of the audit log cannot be anchored, and id numbers "
               "and phones are stored in clear"));
        setLevel(m_keychainState, u"warning"_s);
    } else if (keyLacking) {
        m_keychainState->setText(
            tr("The keychain does not hold this database's personal data key: id numbers "
               "and phones are stored in clear"));
        setLevel(m_keychainState, u"warning"_s);
    } else {
        m_keychainState->hide();
    }
    refreshSyncState();
}

QString MainWindow::rolesText() const {
    QStringList names;
    for (const QString &r : m_ctx.user.roles)
        names << roleDisplayName(r);
    return names.join(tr(", "));
}

void MainWindow::refreshSyncState() {
    QString url, windowNo = m_ctx.user.windowNo;
    if (m_ctx.db && m_ctx.clock) {
        SettingsStore store(*m_ctx.db, *m_ctx.clock, m_ctx.audit, m_ctx.user.id);
        if (auto s = store.load()) {
            url = s->platformUrl;
            if (!s->windowNo.isEmpty())
                windowNo = s->windowNo;
        }
    }
    // A platform address saved during this session is used from the next login on: said so, not shown as
    // if it were the one this session talks to.
    m_syncState->setText(url == m_loginPlatformUrl
                             ? platformStateText(url)
                             : tr("The new platform address applies at the next login (%1)")
                                   .arg(url.isEmpty() ? tr("none: the demo hall") : url));
    setLevel(m_syncState, url.isEmpty() ? u"info"_s : u"warning"_s);
    m_syncState->setAccessibleName(m_syncState->text());
    const QString who = m_ctx.user.name.isEmpty() ? m_ctx.user.username : m_ctx.user.name;
    m_userInfo->setText(
        tr("%1 · %2 · Window %3").arg(who, rolesText(), windowNo.isEmpty() ? u"—"_s : windowNo));
    m_userInfo->setAccessibleName(m_userInfo->text());
}

QString MainWindow::platformStateText(const QString &platformUrl) {
    if (platformUrl.isEmpty())
        return tr("No platform configured (demo hall)");
    // The sync state itself (online/offline, pending, attention) is the app's sync indicator beside it.
    return tr("Platform %1").arg(platformUrl);
}

int MainWindow::indexOf(const QString &id) const {
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].spec.id == id)
            return int(i);
    }
    return -1;
}

bool MainWindow::registerPage(const PageSpec &spec) {
    bool allowed = false;
    for (const QString &r : spec.roles)
        allowed = allowed || m_ctx.user.hasRole(r);
    if (!allowed)
        return false;
    const int existing = indexOf(spec.id);
    if (existing >= 0) {
        Entry &e = m_pages[existing];
        delete e.widget;
        e.widget = nullptr;
        e.spec = spec;
        e.action->setText(spec.title);
        e.action->setShortcut(spec.shortcut);
        if (m_nav->currentRow() == existing)
            onNavigationRow(existing);
        rebuildNavigation();
        return true;
    }
    Entry e;
    e.spec = spec;
    // Each page scrolls inside the window when it needs more room than the screen has (messages, long
    // forms at 1366×768): its size never sets the window's, so the status bar stays on the screen.
    auto *scroll = new QScrollArea(m_stack);
    scroll->setObjectName(u"pageScroll_"_s + spec.id);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    e.container = new QWidget;
    e.container->setObjectName(u"page_"_s + spec.id);
    auto *cl = new QVBoxLayout(e.container);
    cl->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(e.container);
    // In the navigation's order (PageSpec::order), after the pages of the same order registered before.
    qsizetype at = m_pages.size();
    for (qsizetype i = 0; i < m_pages.size(); ++i)
        if (m_pages[i].spec.order > spec.order) {
            at = i;
            break;
        }
    m_stack->insertWidget(int(at), scroll);
    e.action = new QAction(spec.title, m_goMenu);
    m_goMenu->insertAction(at < m_pages.size() ? m_pages[at].action : nullptr, e.action);
    e.action->setObjectName(u"go_"_s + spec.id);
    e.action->setShortcut(spec.shortcut);
    e.action->setShortcutContext(Qt::WindowShortcut);
    const QString id = spec.id;
    connect(e.action, &QAction::triggered, this, [this, id] { showPage(id); });
    const QString current = currentPageId();
    m_pages.insert(at, e);
    rebuildNavigation(current.isEmpty() ? id : current); // the first page registered is shown first
    return true;
}

void MainWindow::rebuildNavigation(const QString &currentId) {
    const QSignalBlocker block(m_nav);
    const int row = indexOf(currentId.isEmpty() ? currentPageId() : currentId);
    m_nav->clear();
    for (const Entry &e : std::as_const(m_pages)) {
        auto *item = new QListWidgetItem(e.spec.title, m_nav);
        const QString shortcut = e.spec.shortcut.toString(QKeySequence::NativeText);
        item->setData(IdRole, e.spec.id);
        item->setData(ShortcutRole, shortcut);
        item->setToolTip(tr("%1 (%2)").arg(e.spec.title, shortcut));
        item->setData(Qt::AccessibleTextRole, tr("%1, shortcut %2").arg(e.spec.title, shortcut));
    }
    m_nav->setCurrentRow(row);
    if (row >= 0)
        onNavigationRow(row); // creates the current page when it is new (the signal is blocked here)
    m_nav->setFixedWidth(qMax(180, m_nav->sizeHintForColumn(0) + 8));
}

QWidget *MainWindow::page(const QString &id) {
    const int i = indexOf(id);
    if (i < 0)
        return nullptr;
    Entry &e = m_pages[i];
    if (!e.widget && e.spec.create) {
        e.widget = e.spec.create();
        if (e.widget) {
            e.widget->setParent(e.container);
            e.container->layout()->addWidget(e.widget);
        }
    }
    return e.widget;
}

void MainWindow::onNavigationRow(int row) {
    if (row < 0 || row >= m_pages.size())
        return;
    page(m_pages[row].spec.id);
    // Hiding the page that has the keyboard would hand it to the next tab stop, a tab bar of the new page
    // rather than its first field: the sidebar holds it meanwhile and focusCurrentPage chooses the field.
    if (QWidget *old = m_stack->currentWidget(); old && old != m_stack->widget(row))
        if (QWidget *f = QApplication::focusWidget(); f && old->isAncestorOf(f))
            m_nav->setFocus(Qt::OtherFocusReason);
    m_stack->setCurrentIndex(row);
}

bool MainWindow::showPage(const QString &id) {
    const int i = indexOf(id);
    if (i < 0)
        return false;
    if (m_nav->currentRow() != i)
        m_nav->setCurrentRow(i); // emits currentRowChanged → onNavigationRow
    else
        onNavigationRow(i);
    focusCurrentPage();
    return true;
}

void MainWindow::focusCurrentPage() {
    QWidget *page = m_stack->currentWidget();
    if (!page || !isVisible())
        return;
    if (QWidget *f = QApplication::focusWidget(); f && page->isAncestorOf(f))
        return; // already inside: keep the clerk's place
    // The page's remembered focus widget first (where the clerk was), else the first in the tab chain.
    if (QWidget *f = page->focusWidget(); f && f->isVisible() && f->isEnabled()) {
        f->setFocus(Qt::OtherFocusReason);
        return;
    }
    // A page that names its first field by a focus proxy (a tabbed page its current tab, that tab its search
    // field) gets it: the first in the tab chain may be a tab bar the clerk would have to leave first.
    if (const int row = m_stack->currentIndex(); row >= 0 && row < m_pages.size()) {
        if (QWidget *content = m_pages[row].widget; content && content->focusProxy()) {
            QWidget *target = content;
            while (target->focusProxy())
                target = target->focusProxy();
            if (target->isVisible() && target->isEnabled()) {
                target->setFocus(Qt::OtherFocusReason);
                return;
            }
        }
    }
    for (QWidget *w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain()) {
        if (page->isAncestorOf(w) && w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(Qt::TabFocusReason);
            return;
        }
    }
}

void MainWindow::showEvent(QShowEvent *event) {
    QMainWindow::showEvent(event);
    QTimer::singleShot(0, this, &MainWindow::focusCurrentPage); // once the window is active
}

QStringList MainWindow::pageIds() const {
    QStringList ids;
    for (const Entry &e : m_pages)
        ids << e.spec.id;
    return ids;
}

QString MainWindow::currentPageId() const {
    const int row = m_nav->currentRow();
    return row >= 0 && row < m_pages.size() ? m_pages[row].spec.id : QString();
}

void MainWindow::openSettings() {
    if (!m_ctx.db || !m_ctx.clock)
        return;
    auto *dlg = new SettingsDialog(std::make_shared<SettingsStore>(*m_ctx.db, *m_ctx.clock, m_ctx.audit,
                                                                   m_ctx.user.id, m_ctx.user.roles),
                                   this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &SettingsDialog::saved, this,
            [this](const ShellSettings &before, const ShellSettings &after) {
                refreshSyncState();
                if (before.language != after.language)
                    emit languageChanged(after.language);
            });
    dlg->open();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_interceptClose && !m_closing) {
        // The title bar's close button is "log out and quit", with the same question about open work.
        event->ignore();
        emit quitRequested();
        return;
    }
    QMainWindow::closeEvent(event);
    if (event->isAccepted()) {
        saveGeometryForUser();
        emit closed();
    }
}

void MainWindow::closeForGood() {
    m_closing = true;
    close();
}

void MainWindow::showForUser() {
    QScreen *s = screen() ? screen() : QGuiApplication::primaryScreen();
    const QRect avail = s ? s->availableGeometry() : QRect(0, 0, 1366, 768);
    if (m_ctx.db && m_ctx.clock) {
        SettingsStore store(*m_ctx.db, *m_ctx.clock, nullptr, m_ctx.user.id);
        if (auto g = store.windowGeometry(m_ctx.user.id); g && !g->isEmpty() && restoreGeometry(g.value())) {
            show();
            activateWindow();
            return;
        }
    }
    // A hall PC's screen (1366×768, 1920×1080): all of it — the geometry too, so that a desktop without a
    // window manager (a kiosk session, a bare X server) gives the clerk the whole screen as well. A bigger
    // one: a comfortable window in the middle.
    if (avail.width() <= 1920 && avail.height() <= 1080) {
        setGeometry(avail);
        showMaximized();
    } else {
        const QSize size(qMin(1600, avail.width()), qMin(1000, avail.height()));
        setGeometry(QRect(avail.center() - QPoint(size.width() / 2, size.height() / 2), size));
        show();
    }
    activateWindow(); // the keyboard goes to the window the clerk just logged in to, with or without a
                      // manager
}

void MainWindow::saveGeometryForUser() {
    if (!m_ctx.db || !m_ctx.clock || m_ctx.user.id.isEmpty())
        return;
    SettingsStore store(*m_ctx.db, *m_ctx.clock, nullptr, m_ctx.user.id);
    if (auto st = store.saveWindowGeometry(m_ctx.user.id, saveGeometry()); !st)
        qCWarning(lcUi) << "window geometry not saved:" << st.error().code;
}

void MainWindow::openHelp() {
    if (auto *open = findChild<HelpDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dlg = new HelpDialog(this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->open();
}

void MainWindow::openNoticesFolder() {
    const QString dir = noticesDirectory();
    if (!openFolder(dir))
        DialogFacade::instance().information(this, tr("Notices folder"),
                                             tr("The notices are saved as PDF in:\n%1").arg(dir));
}

void MainWindow::openAbout() {
    auto *dlg = new AboutDialog(m_ctx.versions, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->open();
}

} // namespace windowdesk::ui
