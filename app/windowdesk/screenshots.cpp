#include "screenshots.h"

#include "session.h"

#include <windowdesk/storage/userrepository.h>
#include <windowdesk/ui/aboutdialog.h>
#include <windowdesk/ui/appsettings.h>
#include <windowdesk/ui/helpdialog.h>
#include <windowdesk/ui/logindialog.h>
#include <windowdesk/ui/settingsdialog.h>

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTabWidget>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace windowdesk::app {

namespace {
QtMessageHandler g_previousHandler = nullptr;

// The offscreen platform warns once per window that it cannot pass size hints on; that is expected here.
void quietOffscreen(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (message == u"This plugin does not support propagateSizeHints()")
        return;
    g_previousHandler(type, context, message);
}

bool save(QWidget *w, const QDir &dir, const QString &name, QTextStream &out, QTextStream &err) {
    w->show();
    // Let layouts, style sheet polish and the offscreen backing store settle before grabbing.
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
    const QString path = dir.absoluteFilePath(name);
    if (!w->grab().save(path, "PNG")) {
        err << "cannot write " << path << Qt::endl;
        return false;
    }
    out << path << Qt::endl;
    return true;
}
} // namespace

int renderScreenshots(const QString &dirPath, ui::ShellContext base) {
    g_previousHandler = qInstallMessageHandler(quietOffscreen);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QDir dir(dirPath);
    if (!dir.mkpath(u"."_s)) {
        err << "cannot create " << dirPath << Qt::endl;
        return 2;
    }
    storage::UserRepository users(*base.db, *base.clock, base.audit);
    auto admin = users.find(u"admin"_s);
    if (!admin) {
        err << "no demo user \"admin\" in this database (is a platform configured?): "
            << admin.error().message << Qt::endl;
        return 1;
    }
    base.user = admin.value();
    bool ok = true;

    {
        ui::LoginDialog login([](const QString &, const QString &) {
            return Result<storage::User>::failure(u"screenshot"_s, QString());
        });
        ui::SettingsStore store(*base.db, *base.clock, nullptr, {});
        auto url = store.value(QString::fromLatin1(storage::settingkey::platformUrl));
        login.setContextLine(ui::MainWindow::platformStateText(url ? url.value() : QString()));
        login.setUsername(u"admin"_s);
        ok = save(&login, dir, u"01-login.png"_s, out, err) && ok;
    }
    {
        std::unique_ptr<Session> session; // declared first: outlives the window and its pages
        ui::MainWindow w(base);
        session = std::make_unique<Session>(base, w);
        w.resize(1366, 768); // a hall PC's screen
        int n = 2;
        for (const QString &id : w.pageIds()) {
            w.showPage(id);
            ok = save(&w, dir, u"%1-main-%2.png"_s.arg(n++, 2, 10, QLatin1Char('0')).arg(id), out, err) && ok;
            // A page of several tabs (监督: the board, then the 差评 ledger): each further tab too.
            if (auto *tabs = qobject_cast<QTabWidget *>(w.page(id)); tabs && tabs->count() > 1) {
                for (int t = 1; t < tabs->count(); ++t) {
                    tabs->setCurrentIndex(t);
                    const QString tab = tabs->widget(t)->objectName().remove(u"Page"_s);
                    ok = save(&w, dir, u"%1-main-%2-%3.png"_s.arg(n++, 2, 10, QLatin1Char('0')).arg(id, tab),
                              out, err) &&
                         ok;
                }
                tabs->setCurrentIndex(0);
            }
        }
        // Dialogs are rendered as children of the window, as the user sees them.
        ui::SettingsDialog settings(
            std::make_shared<ui::SettingsStore>(*base.db, *base.clock, nullptr, base.user.id), &w);
        ok = save(&settings, dir, u"%1-settings.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err) && ok;
        settings.hide();
        ui::AboutDialog about(base.versions, &w);
        ok = save(&about, dir, u"%1-about.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err) && ok;
        about.hide();
        // F1: the manual with the shortcut table.
        ui::HelpDialog help(&w);
        ok = save(&help, dir, u"%1-help.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err) && ok;
    }
    return ok ? 0 : 1;
}

} // namespace windowdesk::app
