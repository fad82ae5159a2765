// The keyboard as the clerk meets it (issue 11 item 5): every key bound in the real main window (menus, the
// session's real pages, the intake page's license panel) and in the dialogs, walked and checked: no key is
// bound twice where both are active (Qt then reports an ambiguous shortcut and does nothing), no key is one a
// focused line edit keeps for itself, every key comes from the one shortcut table, and the keys work from
// inside a line edit, where the clerk types. Mnemonics (Alt+letter) of each dialog are unique in English and
// in Chinese, so Alt+S in the settings saves.
#include "session.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/trainingui/scenarioeditor.h>
#include <windowdesk/ui/aboutdialog.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/appsettings.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/helpdialog.h>
#include <windowdesk/ui/logindialog.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/settingsdialog.h>
#include <windowdesk/ui/shortcuts.h>

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QShortcut>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {
struct Binding {
    QKeySequence key;
    QString what;   // object name or text, for the failure message
    QWidget *scope; // nullptr: active in the whole window
    QString page;   // the navigation page it belongs to ("" for the window's own keys)
    QList<QPair<const QObject *, const QObject *>> stacks; // (QStackedWidget, its child holding the key)
};

// The stacked widgets (a QTabWidget's pages too) the key sits in, each with the child it sits under: two
// children of one stack are never shown together, and Qt only delivers a key of a visible widget.
QList<QPair<const QObject *, const QObject *>> stacksOf(const QObject *o) {
    QList<QPair<const QObject *, const QObject *>> out;
    for (; o && o->parent(); o = o->parent())
        if (qobject_cast<const QStackedWidget *>(o->parent()))
            out.append({o->parent(), o});
    return out;
}

// The page ("page_<id>" container) a widget sits in: a page's keys are active only while it is shown.
QString pageOf(const QObject *o) {
    for (; o; o = o->parent())
        if (o->objectName().startsWith(u"page_"_s))
            return o->objectName().mid(5);
    return {};
}

QString describe(const QObject *o) {
    if (const auto *a = qobject_cast<const QAction *>(o))
        return a->objectName().isEmpty() ? a->text() : a->objectName();
    QString name = o->objectName();
    for (const QObject *p = o->parent(); p && name.isEmpty(); p = p->parent())
        name = p->objectName().isEmpty() ? QString() : u"shortcut in "_s + p->objectName();
    return name.isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : name;
}

// Every QAction and QShortcut of `root`, with where it is active.
QList<Binding> bindingsOf(QWidget *root) {
    QList<Binding> out;
    for (QAction *a : root->findChildren<QAction *>()) {
        for (const QKeySequence &k : a->shortcuts()) {
            const bool windowWide =
                a->shortcutContext() == Qt::WindowShortcut || a->shortcutContext() == Qt::ApplicationShortcut;
            out.append({k, describe(a), windowWide ? nullptr : qobject_cast<QWidget *>(a->parent()),
                        pageOf(a), stacksOf(a)});
        }
    }
    for (QShortcut *s : root->findChildren<QShortcut *>()) {
        const bool windowWide = s->context() == Qt::WindowShortcut || s->context() == Qt::ApplicationShortcut;
        for (const QKeySequence &k : s->keys())
            out.append({k, describe(s), windowWide ? nullptr : qobject_cast<QWidget *>(s->parent()),
                        pageOf(s), stacksOf(s)});
    }
    return out;
}

bool overlap(const Binding &a, const Binding &b) {
    if (!a.page.isEmpty() && !b.page.isEmpty() && a.page != b.page)
        return false; // two pages of the stack are never shown together
    for (const auto &[stack, child] : a.stacks)
        for (const auto &[otherStack, otherChild] : b.stacks)
            if (stack == otherStack && child != otherChild)
                return false; // two tabs of one tab widget, likewise
    if (!a.scope || !b.scope)
        return true; // a window-wide key is active wherever the other one is
    return a.scope == b.scope || a.scope->isAncestorOf(b.scope) || b.scope->isAncestorOf(a.scope);
}

// Keys a focused QLineEdit takes for editing on the Linux desktops (Qt 6.4 under X11, measured with
// ShortcutOverride: Ctrl+E moves to the end, Ctrl+U deletes the line …); the offscreen platform uses the
// Windows key scheme, where Ctrl+E and Ctrl+U are free, so they are listed here as well as probed below.
const QList<QKeySequence> &x11LineEditKeys() {
    static const QList<QKeySequence> keys{
        QKeySequence(Qt::CTRL | Qt::Key_A),    QKeySequence(Qt::CTRL | Qt::Key_C),
        QKeySequence(Qt::CTRL | Qt::Key_E),    QKeySequence(Qt::CTRL | Qt::Key_U),
        QKeySequence(Qt::CTRL | Qt::Key_V),    QKeySequence(Qt::CTRL | Qt::Key_X),
        QKeySequence(Qt::CTRL | Qt::Key_Z),    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
        QKeySequence(Qt::CTRL | Qt::Key_Home), QKeySequence(Qt::CTRL | Qt::Key_End),
        QKeySequence(Qt::CTRL | Qt::Key_K),    QKeySequence(Qt::CTRL | Qt::Key_Y)};
    return keys;
}

// Whether a focused line edit with text keeps `key` for itself on this platform.
bool lineEditTakes(const QKeySequence &key) {
    QLineEdit edit(u"text"_s);
    edit.show();
    edit.setFocus();
    const QKeyCombination c = key[0];
    QKeyEvent ev(QEvent::ShortcutOverride, c.key(), c.keyboardModifiers());
    ev.ignore();
    QApplication::sendEvent(&edit, &ev);
    return ev.isAccepted() || x11LineEditKeys().contains(key);
}

// Alt+letter of each labelled field (buddy) and button of `dialog`.
QList<Binding> mnemonicsOf(QWidget *dialog) {
    QList<Binding> out;
    for (QLabel *l : dialog->findChildren<QLabel *>())
        if (l->buddy())
            if (QKeySequence m = QKeySequence::mnemonic(l->text()); !m.isEmpty())
                out.append({m, l->text(), nullptr, {}});
    for (QAbstractButton *b : dialog->findChildren<QAbstractButton *>())
        if (QKeySequence m = QKeySequence::mnemonic(b->text()); !m.isEmpty())
            out.append({m, b->text(), nullptr, {}});
    for (QGroupBox *g : dialog->findChildren<QGroupBox *>())
        if (QKeySequence m = QKeySequence::mnemonic(g->title()); !m.isEmpty())
            out.append({m, g->title(), nullptr, {}});
    return out;
}

QString duplicates(const QList<Binding> &bindings) {
    QStringList found;
    for (qsizetype i = 0; i < bindings.size(); ++i)
        for (qsizetype j = i + 1; j < bindings.size(); ++j)
            if (bindings[i].key == bindings[j].key && overlap(bindings[i], bindings[j]))
                found << u"%1: %2 and %3"_s.arg(bindings[i].key.toString(), bindings[i].what,
                                                bindings[j].what);
    return found.join(u"; "_s);
}
} // namespace

class TstShortcuts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void tableHasOneMeaningPerKey();
    void mainWindowHasNoAmbiguousOrSwallowedKey_data();
    void mainWindowHasNoAmbiguousOrSwallowedKey();
    void keysWorkFromInsideALineEdit();
    void dialogMnemonicsAreUnique_data();
    void dialogMnemonicsAreUnique();
    void altSSavesTheSettingsInChinese();
    void helpListsEveryShortcutOfTheTable();

private:
    ui::ShellContext context(const QString &username) const;

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::AuditLog> m_audit;
};

void TstShortcuts::initTestCase() {
    QVERIFY(m_dir.isValid());
    auto db = storage::Database::open(m_dir.filePath(u"keys.db"_s));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    auto loaded = storage::DemoHall::load(*m_db, m_clock);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
    m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
    ui::DialogFacade::instance().setInteractive(false);
    ui::installTranslations(u"en"_s);
}

void TstShortcuts::cleanupTestCase() {
    m_audit.reset();
    m_db.reset();
}

ui::ShellContext TstShortcuts::context(const QString &username) const {
    ui::ShellContext ctx;
    ctx.db = m_db.get();
    ctx.clock = &m_clock;
    ctx.audit = m_audit.get();
    storage::UserRepository users(*m_db, m_clock, nullptr);
    ctx.user = users.find(username).value();
    return ctx;
}

// One meaning per key where the keys can be active together: a window key everywhere, a page's key on its
// page (pages of the navigation stack are never shown together, so F2 may call the next ticket on the intake
// page and pick the next action in the supervision ledger).
void TstShortcuts::tableHasOneMeaningPerKey() {
    QHash<QKeySequence, const ui::ShortcutEntry *> seen;
    int sharedAcrossPages = 0;
    for (const ui::ShortcutEntry &e : ui::shortcutTable()) {
        QVERIFY2(!e.keys.isEmpty(), qPrintable(e.id));
        QVERIFY2(!ui::shortcutDescription(e.id.toLatin1().constData()).isEmpty(), qPrintable(e.id));
        for (const QKeySequence &k : e.keys) {
            if (const ui::ShortcutEntry *other = seen.value(k)) {
                const bool together =
                    other->area == e.area || other->area == u"window"_s || e.area == u"window"_s;
                QVERIFY2(!together,
                         qPrintable(u"%1 means both %2 and %3"_s.arg(k.toString(), other->id, e.id)));
                ++sharedAcrossPages;
                continue;
            }
            seen.insert(k, &e);
            QVERIFY2(!lineEditTakes(k), qPrintable(u"a line edit keeps %1 (%2)"_s.arg(k.toString(), e.id)));
        }
    }
    QVERIFY(sharedAcrossPages > 0); // the rule above is exercised (Alt+1: a decision, a board tile)
}

void TstShortcuts::mainWindowHasNoAmbiguousOrSwallowedKey_data() {
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("language");
    QTest::addRow("admin, English") << u"admin"_s << u"en"_s;
    QTest::addRow("clerk, Chinese") << u"clerk"_s << u"zh_CN"_s;
}

void TstShortcuts::mainWindowHasNoAmbiguousOrSwallowedKey() {
    QFETCH(QString, username);
    QFETCH(QString, language);
    ui::installTranslations(language);
    const ui::ShellContext ctx = context(username);
    std::unique_ptr<app::Session> session;
    ui::MainWindow w(ctx);
    session = std::make_unique<app::Session>(ctx, w); // the real pages, as after a login
    for (const QString &id : w.pageIds())
        QVERIFY(w.page(id)); // every page made, so all their keys are bound
    w.show();

    const QList<Binding> bindings = bindingsOf(&w);
    QVERIFY(bindings.size() >= 20);
    const QString dup = duplicates(bindings);
    QVERIFY2(dup.isEmpty(), qPrintable(u"ambiguous keys: "_s + dup));
    QSet<QKeySequence> table;
    for (const ui::ShortcutEntry &e : ui::shortcutTable())
        for (const QKeySequence &k : e.keys)
            table.insert(k);
    for (const Binding &b : bindings) {
        QVERIFY2(!lineEditTakes(b.key),
                 qPrintable(u"%1 (%2) is kept by a focused line edit"_s.arg(b.key.toString(), b.what)));
        QVERIFY2(table.contains(b.key),
                 qPrintable(u"%1 (%2) is not in the shortcut table"_s.arg(b.key.toString(), b.what)));
    }
    session.reset();
    ui::installTranslations(u"en"_s);
}

// The clerk's focus is in a field almost all the time: the keys must act from there.
void TstShortcuts::keysWorkFromInsideALineEdit() {
    const ui::ShellContext ctx = context(u"clerk"_s);
    std::unique_ptr<app::Session> session;
    ui::MainWindow w(ctx);
    session = std::make_unique<app::Session>(ctx, w);
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.showPage(u"intake"_s));
    QWidget *page = w.page(u"intake"_s);
    auto *name = page->findChild<QLineEdit *>(u"applicantName"_s);
    auto *kind = page->findChild<QComboBox *>(u"applicantKind"_s);
    QVERIFY(name && kind);
    name->setFocus();
    QTRY_VERIFY(name->hasFocus());
    QTest::keyClicks(name, u"Zhang"_s);
    QTRY_COMPARE(name->text(), u"Zhang"_s); // a fast burst is held by the scanner filter for a moment
    QCOMPARE(kind->currentData().toString(), u"person"_s);
    const QKeyCombination kindKey = ui::shortcutKey(ui::shortcut::applicantKind)[0];
    QTest::keyClick(name, kindKey.key(), kindKey.keyboardModifiers());
    QCOMPARE(kind->currentData().toString(), u"entity"_s);
    QCOMPARE(name->text(), u"Zhang"_s); // and the text is untouched

    // Log out from inside the field: one action, no ambiguity.
    QSignalSpy logout(&w, &ui::MainWindow::logoutRequested);
    const QKeyCombination logoutKey = ui::shortcutKey(ui::shortcut::logout)[0];
    name->setFocus();
    QTest::keyClick(name, logoutKey.key(), logoutKey.keyboardModifiers());
    QCOMPARE(logout.count(), 1);
    session.reset();
}

void TstShortcuts::dialogMnemonicsAreUnique_data() {
    QTest::addColumn<QString>("language");
    QTest::addRow("English") << u"en"_s;
    QTest::addRow("Chinese") << u"zh_CN"_s;
}

void TstShortcuts::dialogMnemonicsAreUnique() {
    QFETCH(QString, language);
    ui::installTranslations(language);
    auto store = std::make_shared<ui::SettingsStore>(*m_db, m_clock, nullptr, u"u-admin"_s);
    ui::SettingsDialog settings(store);
    ui::LoginDialog login(
        [](const QString &, const QString &) { return Result<storage::User>::failure(u"x"_s, QString()); });
    ui::AboutDialog about({});
    ui::HelpDialog help;
    trainingui::ScenarioEditor scenario(*m_db, m_clock, nullptr, u"scenario"_s); // the 情景 tab's editor
    for (QDialog *d : std::initializer_list<QDialog *>{&settings, &login, &about, &help, &scenario}) {
        const QList<Binding> m = mnemonicsOf(d);
        const QString dup = duplicates(m);
        QVERIFY2(dup.isEmpty(), qPrintable(d->objectName() + u": "_s + dup));
    }
    ui::installTranslations(u"en"_s);
}

// 保存(S) and 后缀(S) shared Alt+S: Qt then only moved the focus between them and nothing was saved.
void TstShortcuts::altSSavesTheSettingsInChinese() {
    ui::installTranslations(u"zh_CN"_s);
    auto store = std::make_shared<ui::SettingsStore>(*m_db, m_clock, m_audit.get(), u"u-admin"_s,
                                                     QStringList{u"admin"_s});
    ui::SettingsDialog dlg(store);
    dlg.show();
    QVERIFY(QTest::qWaitForWindowActive(&dlg));
    auto *windowNo = dlg.findChild<QLineEdit *>(u"settingsWindowNo"_s);
    QVERIFY(windowNo);
    windowNo->setFocus();
    windowNo->clear();
    QTest::keyClicks(windowNo, u"B12"_s);
    QTest::keyClick(windowNo, Qt::Key_S, Qt::AltModifier);
    QTRY_VERIFY(!dlg.isVisible());
    QCOMPARE(dlg.result(), int(QDialog::Accepted));
    QCOMPARE(store->load().value().windowNo, u"B12"_s);
    ui::installTranslations(u"en"_s);
}

// F1 opens the manual, which lists every key of the table and names no key the table lacks.
void TstShortcuts::helpListsEveryShortcutOfTheTable() {
    ui::installTranslations(u"zh_CN"_s);
    const ui::ShellContext ctx = context(u"clerk"_s);
    ui::MainWindow w(ctx);
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_F1);
    ui::HelpDialog *help = nullptr;
    QTRY_VERIFY((help = w.findChild<ui::HelpDialog *>()) && help->isVisible());
    const QString text = help->findChild<QTextBrowser *>(u"helpText"_s)->toPlainText();
    QVERIFY2(text.contains(u"状态栏"_s), qPrintable(text.left(200))); // the status-bar states, in Chinese
    QVERIFY(text.contains(u"离线"_s));
    QSet<QString> tableKeys; // in the portable form the manual's prose uses (Ctrl+Enter)
    for (const ui::ShortcutEntry &e : ui::shortcutTable()) {
        for (const QKeySequence &k : e.keys) {
            tableKeys.insert(k.toString(QKeySequence::PortableText));
            QVERIFY2(text.contains(k.toString(QKeySequence::NativeText)), qPrintable(k.toString()));
        }
        QVERIFY2(text.contains(ui::shortcutDescription(e.id.toLatin1().constData())), qPrintable(e.id));
    }
    // The prose of the manual names keys too (<b>F2</b>, <b>Ctrl+T</b>): each one must be a key of the table.
    QFile manual(u":/help/manual_zh_CN.html"_s);
    QVERIFY(manual.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(manual.readAll());
    QVERIFY(html.contains(u"<!--SHORTCUTS-->"_s));
    static const QRegularExpression bold(u"<b>((?:Ctrl|Alt|Shift|F\\d)[^<]*)</b>"_s);
    for (auto it = bold.globalMatch(html); it.hasNext();) {
        const QString key = it.next().captured(1);
        QVERIFY2(tableKeys.contains(QKeySequence(key).toString(QKeySequence::PortableText)),
                 qPrintable(u"the manual names %1, which is no key of the table"_s.arg(key)));
    }
    help->reject();
    ui::installTranslations(u"en"_s);
}

QTEST_MAIN(TstShortcuts)
#include "tst_shortcuts.moc"
