// 告知承诺 post-checks on the clerk's window (issue 16), in Chinese, against the simulator process: the
// platform opens two checks of commitments this hall took; in the real main window the clerk opens the checks
// with the window key (Ctrl+Shift+H) and records, by keys alone, a false commitment (order to fix) on one and
// "unable to check" on the other — but the department recorded the second one on the platform first. Pushed
// through dropped connections (the second API request's answer lost, then half of them): the false commitment
// reaches the platform exactly once; the second answers 409 state_conflict (platform-api.md 1.1: the check's
// state forbids it), which takes the platform's check and keeps ours — the dialog says so in Chinese, the
// outcome column shows both, our note is still in the database and on screen, and nothing is sent again.
// The supervisor's board shows the false commitment as a tile; Alt+6 opens it in the hall-duties tab.
#include "../sync/synctestsupport.h"
#include "intakefixture.h"

#include <windowdesk/cases/commitmentchecks.h>
#include <windowdesk/cases/intaketypes.h>
#include <windowdesk/intake/checksdialog.h>
#include <windowdesk/intake/intakepages.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/supervision/halldutiespage.h>
#include <windowdesk/supervision/supervisionpages.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/dutyshortcuts.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using synctest::Client;

namespace {
const QString kItem =
    u"430104-000201001000-XK-001"_s; // 个体工商户设立登记: m3 经营场所使用证明 on commitment
const QString kResultRoute = u"POST /commitment-checks/{id}/result"_s;
const QString kOurNote = u"经营场所实为他人住宅，与承诺不符"_s;
const QString kUnableNote = u"申请人未到场，无法核对原件"_s;
const QString kDepartmentNote = u"主管部门现场核查，承诺属实"_s;

// A case of the demo item with its premises proof on commitment (the platform opens a check for it).
bool takeInOnCommitment(Client &c, const QString &name, const QString &shop) {
    auto item = storage::CatalogRepository(*c.db).currentItem(kItem);
    if (!item.ok())
        return false;
    const cases::Matter matter = cases::Matter::fromItem(item.value());
    cases::IntakeDraft d;
    d.itemCode = kItem;
    d.applicant.name = name;
    d.applicant.idNumber = intake::test::kPersonId;
    d.applicant.phone = u"13807310001"_s;
    d.formValues = QJsonObject{{u"applicant_name"_s, name},
                               {u"id_number"_s, intake::test::kPersonId},
                               {u"phone"_s, d.applicant.phone},
                               {u"shop_name"_s, shop},
                               {u"organization_form"_s, u"个人经营"_s},
                               {u"premises_address"_s, u"岳麓区麓山南路1号"_s},
                               {u"business_scope"_s, u"小吃服务"_s},
                               {u"capital_wan"_s, 5}};
    for (const cases::MatterMaterial &m : matter.materials)
        d.materials.insert(m.key, {m.material.id == u"m3"_s ? u"commitment"_s : u"paper"_s, {}, {}, 0});
    d.decision = u"accepted"_s;
    cases::CaseService service(*c.db, SystemClock::instance(), nullptr,
                               {u"u-demo-clerk"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s});
    auto submitted = service.submit(matter, d);
    if (!submitted.ok())
        qWarning() << submitted.error().message;
    return submitted.ok();
}

void key(QWidget *fallback, Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
    QWidget *w = QApplication::focusWidget() ? QApplication::focusWidget() : fallback;
    QTest::keyClick(w, k, m);
    QCoreApplication::processEvents();
}

intake::ChecksDialog *openChecks(ui::MainWindow &hall) {
    for (auto *old : hall.findChildren<intake::ChecksDialog *>())
        delete old;
    QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : &hall;
    QTest::keySequence(focus, ui::shortcutKey(ui::shortcut::commitmentChecks));
    intake::ChecksDialog *dialog = nullptr;
    for (int i = 0; i < 100 && !(dialog && dialog->isVisible()); ++i) {
        QTest::qWait(20);
        dialog = hall.findChild<intake::ChecksDialog *>();
    }
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

// Moves the list's current row by ↓ to the check `checkId`.
bool selectByKeys(QTableView *list, const QString &checkId) {
    list->setFocus();
    for (int i = 0; i <= list->model()->rowCount(); ++i) {
        if (list->currentIndex().siblingAtColumn(0).data(cases::ChecksModel::CheckIdRole).toString() ==
            checkId)
            return true;
        QTest::keyClick(list, Qt::Key_Down);
    }
    return false;
}

int rowOf(const QAbstractItemModel *model, const QString &checkId) {
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(cases::ChecksModel::CheckIdRole).toString() == checkId)
            return r;
    return -1;
}
} // namespace

class TestChecksDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sim.start({u"--catalog-size"_s, u"5"_s})); }

    void outcomesByKeysOnceAndAConflictKept() {
        ui::DialogFacade::instance().reset();
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        const auto restore = qScopeGuard([] { ui::installTranslations(u"en"_s); });
        Client c;
        QVERIFY(c.open(m_sim));
        QVERIFY(c.run(30, false, true).items > 0); // the catalog and the calendars
        QVERIFY(takeInOnCommitment(c, u"欧阳明"_s, u"岳麓区欧阳小吃店"_s));
        QVERIFY(takeInOnCommitment(c, u"周敏"_s, u"岳麓区周记米粉店"_s));
        QCOMPARE(c.run(30, true, false).pushed, 2);
        QCOMPARE(m_sim.http("POST", u"/sim/backoffice/step"_s, "{}").status, 200); // the checks open
        QVERIFY(c.run(30, false, true).success());
        QCOMPARE(c.scalar(u"SELECT count(*) FROM commitment_checks WHERE state = 'open'"_s), 2);

        storage::AuditLog audit(*c.db, SystemClock::instance(), nullptr);
        intake::IntakeContext ctx;
        ctx.db = c.db.get();
        ctx.clock = &SystemClock::instance();
        ctx.audit = &audit;
        ctx.window = {u"u-demo-clerk"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s};
        QTemporaryDir notices;
        ctx.noticeDir = notices.path();
        storage::User clerk;
        clerk.id = ctx.window.clerkId;
        clerk.username = u"clerk"_s;
        clerk.name = ctx.window.clerkName;
        clerk.roles = {u"clerk"_s};
        clerk.windowNo = ctx.window.windowNo;
        ui::ShellContext shell;
        shell.db = c.db.get();
        shell.clock = &SystemClock::instance();
        shell.audit = &audit;
        shell.user = clerk;
        ui::MainWindow hall(shell);
        intake::registerIntakePages(hall, ctx);
        QVERIFY(hall.showPage(u"intake"_s));
        hall.resize(1366, 768);
        hall.show();
        hall.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&hall));

        // Ctrl+Shift+H: the hall's checks, the list has the keys.
        intake::ChecksDialog *dialog = openChecks(hall);
        QVERIFY(dialog);
        auto *list = dialog->findChild<QTableView *>(u"checksList"_s);
        QTRY_COMPARE(QApplication::focusWidget(), list);
        QCOMPARE(list->model()->rowCount(), 2);
        const QString first = list->model()->index(0, 0).data(cases::ChecksModel::CheckIdRole).toString();
        const QString second = list->model()->index(1, 0).data(cases::ChecksModel::CheckIdRole).toString();
        QVERIFY(!first.isEmpty() && !second.isEmpty());

        // The first: a false commitment, ordered to fix, with its note — Alt+O, ↓↓, Alt+Q, ↓, Alt+N, text.
        QVERIFY(selectByKeys(list, first));
        key(dialog, Qt::Key_O, Qt::AltModifier);
        auto *outcome = dialog->findChild<QComboBox *>(u"checkOutcome"_s);
        QCOMPARE(QApplication::focusWidget(), outcome);
        key(dialog, Qt::Key_Down);
        key(dialog, Qt::Key_Down);
        QCOMPARE(outcome->currentData().toString(), u"false_commitment"_s);
        key(dialog, Qt::Key_Q, Qt::AltModifier);
        auto *consequence = dialog->findChild<QComboBox *>(u"checkConsequence"_s);
        QCOMPARE(QApplication::focusWidget(), consequence);
        key(dialog, Qt::Key_Down);
        QCOMPARE(consequence->currentData().toString(), u"order_fix"_s);
        key(dialog, Qt::Key_N, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), dialog->findChild<QPlainTextEdit *>(u"checkNote"_s));
        intake::test::typeText(QApplication::focusWidget(), kOurNote);
        key(dialog, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!dialog->recordedLocalId().isEmpty(),
                 qPrintable(dialog->findChild<ui::MessageBar *>()->text()));
        QCOMPARE(dialog->findChild<ui::MessageBar *>()->text(), u"已登记，下次同步时发送到平台。"_s);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM commitment_check_results WHERE check_id = ? AND outcome = "
                          u"'false_commitment' AND consequence = 'order_fix' AND note = ?"_s,
                          {first, kOurNote}),
                 1);

        // Meanwhile the department checks the second one itself, on the platform.
        const QString token = m_sim.login();
        const QJsonObject department{{u"local_id"_s, u"dept-check-1"_s},
                                     {u"outcome"_s, u"confirmed"_s},
                                     {u"note"_s, kDepartmentNote},
                                     {u"consequence"_s, QJsonValue()},
                                     {u"by"_s, u"u-demo-clerk"_s},
                                     {u"at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        QCOMPARE(
            m_sim
                .http("POST", u"/commitment-checks/%1/result"_s.arg(second),
                      QJsonDocument(department).toJson(QJsonDocument::Compact),
                      {{"Authorization", "Bearer " + token.toLatin1()}, {"Idempotency-Key", "dept-key-1"}})
                .status,
            200);

        // The clerk, not knowing, records "unable to check" on it: Alt+O, ↓↓↓, Alt+N, text, Ctrl+Enter.
        QVERIFY(selectByKeys(list, second));
        key(dialog, Qt::Key_O, Qt::AltModifier);
        key(dialog, Qt::Key_Down);
        key(dialog, Qt::Key_Down);
        key(dialog, Qt::Key_Down);
        QCOMPARE(outcome->currentData().toString(), u"unable"_s);
        key(dialog, Qt::Key_N, Qt::AltModifier);
        intake::test::typeText(QApplication::focusWidget(), kUnableNote);
        key(dialog, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM commitment_check_results WHERE check_id = ?"_s, {second}),
                 1);
        key(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());

        // Pushed through lost answers: the second API request's for certain, then one in two.
        QVERIFY(m_sim.setFaults(u"fail-nth=2,drop-after-commit=0.5"_s));
        const QString unsettled =
            u"SELECT count(*) FROM outbox WHERE kind = 'commitment_check_result' AND state "
            u"NOT IN ('done', 'needs_attention')"_s;
        for (int round = 0; round < 12 && c.scalar(unsettled) > 0; ++round)
            c.run(20, true, false);
        QVERIFY(m_sim.setFaults(QString()));
        QCOMPARE(c.scalar(unsettled), 0);
        QJsonObject stats = m_sim.stats();
        QCOMPARE(stats.value(u"faults"_s).toObject().value(u"fail_nth"_s).toInt(), 1); // an answer was lost
        QCOMPARE(stats.value(u"check_results"_s).toInt(), 2); // the department's and our false commitment
        const auto outboxState = [&](const QString &checkId) {
            return c.text(u"SELECT o.state FROM outbox o JOIN commitment_check_results r ON r.local_id = "
                          u"o.local_id WHERE r.check_id = ?"_s,
                          {checkId});
        };
        QCOMPARE(outboxState(first), u"done"_s);
        QCOMPARE(outboxState(second), u"needs_attention"_s); // 409 state_conflict: not sent again
        // The platform's check taken from the 409's record; ours kept, note and all.
        QCOMPARE(c.text(u"SELECT state FROM commitment_checks WHERE check_id = ?"_s, {second}),
                 u"confirmed"_s);
        QCOMPARE(c.text(u"SELECT outcome || '|' || note FROM commitment_check_results WHERE check_id = ?"_s,
                        {second}),
                 u"unable|"_s + kUnableNote);
        sync::SyncSummary pulled = c.run(20, false, true); // the feed: the first check as the platform has it
        QVERIFY2(pulled.streamsFinished && pulled.errors.isEmpty(),
                 qPrintable(synctest::summaryText(pulled)));
        QCOMPARE(pulled.needsAttention, 1); // the sync says so too: one write needs a person
        QCOMPARE(c.text(u"SELECT state || '|' || consequence FROM commitment_checks WHERE check_id = ?"_s,
                        {first}),
                 u"false_commitment|order_fix"_s);
        // Nothing more is sent: another push leaves the platform as it was.
        const int requests = m_sim.stats().value(u"requests"_s).toObject().value(kResultRoute).toInt();
        pulled = c.run(20, true, false);
        QVERIFY2(pulled.errors.isEmpty() && pulled.pending == 0, qPrintable(synctest::summaryText(pulled)));
        stats = m_sim.stats();
        QCOMPARE(stats.value(u"requests"_s).toObject().value(kResultRoute).toInt(), requests);
        QCOMPARE(stats.value(u"check_results"_s).toInt(), 2);

        // The clerk opens the checks again: told plainly, in Chinese, and both outcomes are on screen.
        hall.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&hall));
        dialog = openChecks(hall);
        QVERIFY(dialog);
        const QString banner = dialog->findChild<ui::MessageBar *>()->text();
        QVERIFY2(banner.contains(u"平台已有结论"_s) && banner.contains(u"未被采用"_s) &&
                     banner.contains(u"已保留"_s),
                 qPrintable(banner));
        const QAbstractItemModel *model = dialog->findChild<QTableView *>(u"checksList"_s)->model();
        const int row = rowOf(model, second);
        QVERIFY(row >= 0);
        const QString state = model->index(row, cases::ChecksModel::State).data().toString();
        QVERIFY2(state.contains(u"平台已有结论：核查属实"_s) &&
                     state.contains(u"本机登记的「无法核查」未被采用"_s),
                 qPrintable(state));
        const QString note = model->index(row, cases::ChecksModel::Note).data().toString();
        QVERIFY2(note.contains(kDepartmentNote) && note.contains(kUnableNote), qPrintable(note));
        const int firstRow = rowOf(model, first);
        QCOMPARE(model->index(firstRow, cases::ChecksModel::State).data().toString(),
                 u"虚假承诺（责令限期整改）"_s);
        // It cannot be recorded a second time.
        QVERIFY(!cases::CommitmentCheckService(*c.db, SystemClock::instance(), nullptr, clerk.id)
                     .problems({second, u"unable"_s, QString(), kUnableNote})
                     .value(u"check"_s)
                     .isEmpty());
        dialog->close();

        // The supervisor's board: the false commitment is a tile; Alt+6 opens it among the hall's duties.
        storage::User supervisor = clerk;
        supervisor.id = u"u-demo-supervisor"_s;
        supervisor.username = u"supervisor"_s;
        supervisor.roles = {u"supervisor"_s};
        ui::ShellContext boardShell = shell;
        boardShell.user = supervisor;
        ui::MainWindow board(boardShell);
        supervision::registerSupervisionPages(board, *c.db, SystemClock::instance(), &audit, supervisor);
        QVERIFY(board.showPage(u"supervision"_s));
        board.resize(1366, 768);
        board.show();
        board.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&board));
        auto *tile = board.findChild<QPushButton *>(u"tile_false_commitment"_s);
        QVERIFY(tile);
        QVERIFY2(tile->text().contains(u"1"_s) && tile->text().contains(u"虚假承诺"_s),
                 qPrintable(tile->text()));
        QVERIFY(tile->property("flagged").toBool());
        key(&board, Qt::Key_6, Qt::AltModifier);
        auto *tabs = board.findChild<QTabWidget *>(u"supervisionTabs"_s);
        QTRY_VERIFY(qobject_cast<supervision::HallDutiesPage *>(tabs->currentWidget()));
        auto *checks = tabs->currentWidget()->findChild<QTableView *>(u"hallChecksList"_s);
        QTRY_COMPARE(QApplication::focusWidget(), checks);
        QVERIFY(checks->currentIndex().data(cases::ChecksModel::FalseCommitmentRole).toBool());
        QCOMPARE(checks->currentIndex().siblingAtColumn(0).data(cases::ChecksModel::CheckIdRole).toString(),
                 first);
    }

private:
    synctest::Sim m_sim;
};

QTEST_MAIN(TestChecksDialog)
#include "tst_checksdialog.moc"
