// One card rule for a case, with its suspensions: My cases (intake::CasesModel), the supervision board
// (cases::OverdueBoard) and `windowdeskctl card` / `windowdeskctl board` give a suspended case the same
// colour. Before the rule moved to modules/cases, My cases left the suspensions out and showed 黄牌 here.
#include "ctlrun.h"
#include "intakefixture.h"

#include <windowdesk/cases/overdueboard.h>
#include <windowdesk/intake/cardreminder.h>
#include <windowdesk/intake/intakepages.h>
#include <windowdesk/intake/mycasespage.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/ui/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QListWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

namespace {
// 提取养老保险... (demo item): promised 5, legal 15 working days.
const QString kItem = u"430104-001001006000-QR-006"_s;
// Friday 2026-03-20, 10:00 CST: without suspensions the promised date 03-13 is a week past (黄牌).
const QDateTime kAt(QDate(2026, 3, 20), QTime(2, 0), QTimeZone::utc());
} // namespace

class TestCardRule : public QObject {
    Q_OBJECT
private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        CaseService cases(*f->db, f->clock, f->audit.get(), f->window);
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), kItem);
        QVERIFY(m.ok());
        for (const QString &name : {u"张三"_s, u"李四"_s, u"王五"_s}) {
            IntakeDraft d;
            d.applicant.name = name;
            d.applicant.idNumber = kPersonId;
            d.applicant.phone = u"13800138000"_s;
            d.itemCode = m->itemCode;
            d.formValues = {{u"applicant_name"_s, name},
                            {u"id_number"_s, kPersonId},
                            {u"phone"_s, u"13800138000"_s},
                            {u"retire_date"_s, u"2026-01-01"_s},
                            {u"medical_contribution_years"_s, 30}};
            for (const auto &mm : m->materials)
                d.materials.insert(mm.key, {u"paper"_s, {}, {}});
            d.decision = u"accepted"_s;
            auto r = cases.submit(m.value(), d);
            QVERIFY(r.ok());
            ids << r->localId;
        }
        // ids[0]: the back office suspended it 03-09 .. 03-16 (the puller's case_suspensions row).
        QVERIFY(f->db->exec(u"UPDATE cases SET status = 'in_progress' WHERE local_id = ?"_s, {ids[0]}).ok());
        QVERIFY(f->db
                    ->exec(u"INSERT INTO case_suspensions (case_local_id, from_date, to_date) VALUES "
                           u"(?, '2026-03-09', '2026-03-16')"_s,
                           {ids[0]})
                    .ok());
        // ids[1]: suspended since 03-12 by an event the platform's list does not show yet, still suspended.
        QVERIFY(f->db->exec(u"UPDATE cases SET status = 'suspended' WHERE local_id = ?"_s, {ids[1]}).ok());
        QVERIFY(f->db
                    ->exec(u"INSERT INTO case_events (event_id, case_local_id, type, at, source) VALUES "
                           u"('ev-susp-1', ?, 'suspended', '2026-03-12T02:00:00Z', 'platform')"_s,
                           {ids[1]})
                    .ok());
        // ids[2] never suspended: yellow, the control.
        f->clock.set(kAt);
    }
    void cleanup() {
        ids.clear();
        f.reset();
    }

    void myCasesCountsTheSuspensions() {
        CasesModel model(*f->db, f->clock, f->window.clerkId);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload().ok());
        QCOMPARE(model.rowCount(), 3);
        QHash<QString, QString> card;
        for (int r = 0; r < model.rowCount(); ++r)
            card.insert(model.index(r, 0).data(CasesModel::LocalIdRole).toString(),
                        model.index(r, CasesModel::Card).data().toString());
        // Suspended 03-09..03-16: five working days later, 03-20 is the promised day itself → 预警.
        QCOMPARE(card.value(ids[0]), core::cardColourLabel(core::CardColour::Warning));
        // Suspended since 03-12: 3 days counted before, due 03-24, two working days left → 预警.
        QCOMPARE(card.value(ids[1]), core::cardColourLabel(core::CardColour::Warning));
        QCOMPARE(card.value(ids[2]), core::cardColourLabel(core::CardColour::Yellow));
    }

    void boardAndCommandsAgree() {
        auto cal = storage::CalendarRepository(*f->db, f->clock).workingCalendar();
        QVERIFY(cal.ok());
        const cases::CaseRepository repo(*f->db);
        auto board = cases::OverdueBoard::compute(repo, kAt, cases::BoardGrouping::Window, cal.value(), {});
        QVERIFY(board.ok());
        QHash<QString, core::CardColour> colour;
        for (const auto &c : board->cases) {
            QVERIFY(c.card);
            colour.insert(c.data.localId, c.card->colour);
        }
        QCOMPARE(colour.value(ids[0]), core::CardColour::Warning);
        QCOMPARE(colour.value(ids[1]), core::CardColour::Warning);
        QCOMPARE(colour.value(ids[2]), core::CardColour::Yellow);

        const QString db = f->dir.filePath(u"wd.db"_s);
        auto card =
            ctltest::ctl(db, {u"card"_s, u"--accepted"_s, u"2026-03-06"_s, u"--promised"_s, u"5"_s,
                              u"--legal"_s, u"15"_s, u"--at"_s, u"2026-03-20T10:00:00"_s, u"--status"_s,
                              u"in_progress"_s, u"--suspended"_s, u"2026-03-09..2026-03-16"_s});
        QCOMPARE(card.exitCode, 0);
        QCOMPARE(card.json.value(u"colour"_s).toString(), u"warning"_s);
        card = ctltest::ctl(db, {u"card"_s, u"--accepted"_s, u"2026-03-06"_s, u"--promised"_s, u"5"_s,
                                 u"--legal"_s, u"15"_s, u"--at"_s, u"2026-03-20T10:00:00"_s, u"--status"_s,
                                 u"suspended"_s, u"--suspended"_s, u"2026-03-12.."_s});
        QCOMPARE(card.exitCode, 0);
        QCOMPARE(card.json.value(u"colour"_s).toString(), u"warning"_s);

        const auto b = ctltest::ctl(db, {u"board"_s, u"--at"_s, u"2026-03-20T10:00:00"_s, u"--json"_s});
        QCOMPARE(b.exitCode, 0);
        QCOMPARE(b.json.value(u"at"_s).toString(), u"2026-03-20T10:00:00+08:00"_s);
        QCOMPARE(b.json.value(u"open"_s).toInt(), 3);
        QCOMPARE(b.json.value(u"warning"_s).toInt(), 2);
        QCOMPARE(b.json.value(u"yellow"_s).toInt(), 1);
        QCOMPARE(b.json.value(u"red"_s).toInt(), 0);
    }

    // A refresh after a pulled page re-reads only the changed cases, and gives the board compute() gives.
    void refreshGivesTheComputedBoard() {
        auto cal = storage::CalendarRepository(*f->db, f->clock).workingCalendar();
        QVERIFY(cal.ok());
        const cases::CaseRepository repo(*f->db);
        auto board = cases::OverdueBoard::compute(repo, kAt, cases::BoardGrouping::Window, cal.value(), {});
        QVERIFY(board.ok());
        QCOMPARE(board->total.open, 3);
        QCOMPARE(board->total.yellow, 1);
        // A pulled page: ids[2] delivered, ids[0]'s suspension withdrawn by the platform (now yellow).
        QVERIFY(f->db->exec(u"UPDATE cases SET status = 'delivered' WHERE local_id = ?"_s, {ids[2]}).ok());
        QVERIFY(f->db->exec(u"DELETE FROM case_suspensions WHERE case_local_id = ?"_s, {ids[0]}).ok());
        const QDateTime later = kAt.addSecs(3600); // the same CST day
        QVERIFY(
            cases::OverdueBoard::refresh(board.value(), repo, later, {ids[0], ids[2]}, cal.value(), {}).ok());
        auto whole = cases::OverdueBoard::compute(repo, later, cases::BoardGrouping::Window, cal.value(), {});
        QVERIFY(whole.ok());
        QCOMPARE(board->at, later);
        QCOMPARE(board->total.open, 2);
        QCOMPARE(board->total.yellow, 1);
        QCOMPARE(board->total.warning, 1);
        QCOMPARE(board->total.open, whole->total.open);
        QCOMPARE(board->total.yellow, whole->total.yellow);
        QCOMPARE(board->total.warning, whole->total.warning);
        QCOMPARE(board->rows.size(), whole->rows.size());
        for (qsizetype i = 0; i < board->rows.size(); ++i) {
            QCOMPARE(board->rows[i].key, whole->rows[i].key);
            QCOMPARE(board->rows[i].counts.open, whole->rows[i].counts.open);
        }
        // Nothing changed, but a week later: every colour may move, the board is computed whole.
        const QDateTime nextWeek = kAt.addDays(7);
        QVERIFY(cases::OverdueBoard::refresh(board.value(), repo, nextWeek, {}, cal.value(), {}).ok());
        whole = cases::OverdueBoard::compute(repo, nextWeek, cases::BoardGrouping::Window, cal.value(), {});
        QVERIFY(whole.ok());
        QCOMPARE(board->at, nextWeek);
        QCOMPARE(board->total.red, whole->total.red);
        QCOMPARE(board->total.yellow, whole->total.yellow);
        QCOMPARE(board->total.warning, whole->total.warning);
    }

    // After login the clerk sees their carded cases, 预警 first; Esc dismisses, Enter opens My cases on it.
    void clerkSeesTheCardReminderAfterLogin() {
        storage::User clerk;
        clerk.id = f->window.clerkId;
        clerk.username = u"clerk"_s;
        clerk.name = f->window.clerkName;
        clerk.roles = {u"clerk"_s};
        ui::ShellContext shell;
        shell.db = f->db.get();
        shell.clock = &f->clock;
        shell.audit = f->audit.get();
        shell.user = clerk;
        IntakeContext ctx;
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.noticeDir = f->dir.filePath(u"notices"_s);
        ctx.remindCards = true;
        ui::MainWindow w(shell);
        registerIntakePages(w, ctx);
        w.show();
        QTRY_VERIFY(w.findChild<CardReminderDialog *>() && w.findChild<CardReminderDialog *>()->isVisible());
        auto *dlg = w.findChild<CardReminderDialog *>();
        auto *list = dlg->findChild<QListWidget *>(u"cardReminderList"_s);
        QCOMPARE(list->count(), 3);
        // 预警 first (two of them), then the 黄牌.
        QVERIFY(list->item(0)->text().startsWith(core::cardColourLabel(core::CardColour::Warning)));
        QVERIFY(list->item(1)->text().startsWith(core::cardColourLabel(core::CardColour::Warning)));
        QVERIFY(list->item(2)->text().startsWith(core::cardColourLabel(core::CardColour::Yellow)));
        QVERIFY(!list->item(0)->text().contains(kPersonId)); // no full id number in the list
        // Down to the yellow one, Enter: My cases with that case selected.
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_COMPARE(w.currentPageId(), u"cases"_s);
        auto *page = qobject_cast<MyCasesPage *>(w.page(u"cases"_s));
        QVERIFY(page);
        auto *view = page->findChild<QTableView *>();
        QCOMPARE(view->currentIndex().data(CasesModel::LocalIdRole).toString(), ids[2]);

        // Esc dismisses it; with no carded case there is nothing to show.
        remindCards(w, ctx);
        QTRY_VERIFY(w.findChild<CardReminderDialog *>() && w.findChild<CardReminderDialog *>()->isVisible());
        dlg = w.findChild<CardReminderDialog *>();
        QTest::keyClick(dlg->findChild<QListWidget *>(), Qt::Key_Escape);
        QTRY_VERIFY(!w.findChild<CardReminderDialog *>());
        QVERIFY(f->db->exec(u"UPDATE cases SET status = 'delivered'"_s).ok());
        remindCards(w, ctx);
        QTest::qWait(50);
        QVERIFY(!w.findChild<CardReminderDialog *>());
    }

private:
    std::unique_ptr<Fixture> f;
    QStringList ids;
};

QTEST_MAIN(TestCardRule)
#include "tst_cardrule.moc"
