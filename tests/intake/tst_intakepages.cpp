// registerIntakePages puts the real intake and my-cases pages into the shell for a clerk.
#include "intakefixture.h"

#include <windowdesk/intake/catalogpage.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/intake/intakepages.h>
#include <windowdesk/intake/mycasespage.h>
#include <windowdesk/ui/mainwindow.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;

class TestIntakePages : public QObject {
    Q_OBJECT
private slots:
    void registeredForClerks() {
        test::Fixture f;
        QVERIFY(f.open());
        ui::ShellContext shell;
        shell.db = f.db.get();
        shell.clock = &f.clock;
        shell.audit = f.audit.get();
        shell.user.id = u"u-demo-clerk"_s;
        shell.user.name = u"李娜"_s;
        shell.user.roles = {u"clerk"_s};
        shell.user.windowNo = u"A07"_s;
        ui::MainWindow window(shell);
        IntakeContext ctx;
        ctx.db = f.db.get();
        ctx.clock = &f.clock;
        ctx.audit = f.audit.get();
        ctx.window = f.window;
        ctx.noticeDir = f.dir.filePath(u"notices"_s);
        registerIntakePages(window, ctx);
        QVERIFY(window.showPage(u"intake"_s));
        QVERIFY(qobject_cast<IntakePage *>(window.page(u"intake"_s)));
        QVERIFY(qobject_cast<MyCasesPage *>(window.page(u"cases"_s)));
        // The catalog page hands its choice to the intake page.
        auto *catalog = qobject_cast<CatalogPage *>(window.page(u"catalog"_s));
        QVERIFY(catalog);
        window.showPage(u"catalog"_s);
        emit catalog->startIntake(u"YJS-HY-001"_s, true);
        QCOMPARE(window.currentPageId(), u"intake"_s);
        auto *intake = qobject_cast<IntakePage *>(window.page(u"intake"_s));
        QCOMPARE(intake->matter().bundleCode, u"YJS-HY-001"_s);
        emit catalog->startIntake(u"430104-001001001000-GG-001"_s, false);
        QCOMPARE(intake->matter().itemCode, u"430104-001001001000-GG-001"_s);
    }
};

QTEST_MAIN(TestIntakePages)
#include "tst_intakepages.moc"
