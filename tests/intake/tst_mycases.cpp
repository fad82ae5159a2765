// My cases: the model (checked by QAbstractItemModelTester), masking, filter and search, delivery with its
// receipt and withdrawal recorded as case events for the outbox.
#include "intakefixture.h"

#include <windowdesk/intake/mycasespage.h>
#include <windowdesk/intake/noticerenderer.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/ui/messagebar.h>

#include <QAbstractItemModelTester>
#include <QDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPrintPreviewDialog>
#include <QProcess>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

class TestMyCases : public QObject {
    Q_OBJECT
private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        CaseService cases(*f->db, f->clock, f->audit.get(), f->window);
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), u"430104-001001006000-QR-006"_s);
        QVERIFY(m.ok());
        auto make = [&](const QString &name, const QString &decision) {
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
            for (const auto &mm : m->materials) {
                d.materials.insert(mm.key, {u"paper"_s, {}, {}});
                m_materials << mm.material.name;
            }
            d.decision = decision;
            d.decisionReason = u"理由"_s;
            d.decisionBasis = u"依据"_s;
            auto r = cases.submit(m.value(), d);
            QVERIFY(r.ok());
            ids << r->localId;
        };
        make(u"张三"_s, u"accepted"_s);
        make(u"李四"_s, u"rejected"_s);
        // A case of an earlier day that is still open.
        f->clock.set(QDateTime(QDate(2026, 3, 20), QTime(2, 0), QTimeZone::utc()));
    }
    void cleanup() {
        ids.clear();
        m_materials.clear();
        f.reset();
    }

    void modelAndFilter() {
        CasesModel model(*f->db, f->clock, f->window.clerkId);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload().ok());
        // 2026-03-20: the rejected case of 03-06 is finished and not of today → only the open one.
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, CasesModel::Applicant).data().toString(), u"张三"_s);
        QCOMPARE(model.index(0, CasesModel::IdNumber).data().toString(), kPersonIdMasked);
        QCOMPARE(model.index(0, CasesModel::Phone).data().toString(), u"138****8000"_s);
        QCOMPARE(model.index(0, CasesModel::DueDate).data().toString(), u"2026-03-13"_s);
        // Promised 2026-03-13 passed, legal 2026-03-27 not yet: a yellow card.
        QCOMPARE(model.index(0, CasesModel::Card).data().toString(),
                 core::cardColourLabel(core::CardColour::Yellow));
        f->clock.set(QDateTime(QDate(2026, 3, 6), QTime(8, 0), QTimeZone::utc()));
        QVERIFY(model.reload().ok());
        QCOMPARE(model.rowCount(), 2);
        CasesFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester2(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setScope(u"open"_s);
        QCOMPARE(filter.rowCount(), 1);
        filter.setScope(u"all"_s);
        filter.setSearch(u"李四"_s);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, CasesModel::Status).data().toString(),
                 CaseService::statusLabel(u"rejected"_s));
        filter.setSearch(kPersonId); // full ids are not in the list
        QCOMPARE(filter.rowCount(), 0);
    }

    void deliveryAndWithdrawal() {
        f->clock.set(QDateTime(QDate(2026, 3, 6), QTime(8, 0), QTimeZone::utc()));
        IntakeContext ctx;
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.noticeDir = f->dir.filePath(u"notices"_s);
        MyCasesPage page(ctx);
        page.show();
        auto *view = page.findChild<QTableView *>(u"casesView"_s);
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 2);
        auto rowOf = [&](const QString &id) {
            for (int r = 0; r < view->model()->rowCount(); ++r)
                if (view->model()->index(r, 0).data(CasesModel::LocalIdRole).toString() == id)
                    return r;
            return -1;
        };
        // Delivering a rejected case is refused.
        view->setCurrentIndex(view->model()->index(rowOf(ids[1]), 0));
        page.deliverSelected();
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM case_events WHERE type = 'delivered'"_s), 0);
        view->setCurrentIndex(view->model()->index(rowOf(ids[0]), 0));
        typeText(page.findChild<QLineEdit *>(u"eventNote"_s), u"窗口领取"_s);
        page.deliverSelected();
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM cases WHERE local_id = ? AND status = 'delivered'"_s, {ids[0]}),
            1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM outbox WHERE kind = 'case_event' AND parent_local_id = ?"_s,
                          {ids[0]}),
                 1);
        QVERIFY(!page.lastNoticePath().isEmpty());
        const QString text = pdfText(page.lastNoticePath());
        QVERIFY(text.contains(u"送达回执"_s));
        QVERIFY(text.contains(u"窗口领取"_s));
        QVERIFY(text.contains(ids[0]));
        QVERIFY(text.contains(kPersonIdMasked));
        // The receipt can be printed again, through the print preview.
        page.printSelected();
        auto *preview = page.findChild<QPrintPreviewDialog *>(u"printPreview"_s);
        QVERIFY(preview);
        preview->close();
        // Withdrawal of a delivered case is refused; nothing is written.
        page.withdrawSelected();
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM case_events WHERE type = 'withdrawn'"_s), 0);
    }

    // Enter on a case, or a double-click, opens its detail: the applicant masked, the items, materials,
    // decision, due dates and card, the events with China Standard Time, and its notices to print again.
    void enterOrDoubleClickOpensTheDetail() {
        f->clock.set(QDateTime(QDate(2026, 3, 6), QTime(8, 0), QTimeZone::utc()));
        IntakeContext ctx;
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.noticeDir = f->dir.filePath(u"notices"_s);
        MyCasesPage page(ctx);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *view = page.findChild<QTableView *>(u"casesView"_s);
        QCOMPARE(view->model()->rowCount(), 2);
        // Every time in the list: China Standard Time, yyyy-MM-dd HH:mm (the cases were decided at 01:02Z).
        QCOMPARE(view->model()->index(0, CasesModel::Created).data().toString(), u"2026-03-06 09:02"_s);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Home);
        int accepted = -1;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, 0).data(CasesModel::LocalIdRole).toString() == ids[0])
                accepted = r;
        while (view->currentIndex().row() != accepted && view->currentIndex().row() < accepted)
            QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), accepted);
        QTest::keyClick(view, Qt::Key_Return);
        QDialog *detail = detailOf(page);
        QVERIFY(detail);
        QVERIFY(detail->isVisible());
        const QString text = detail->findChild<QTextBrowser *>(u"caseDetailText"_s)->toPlainText();
        for (const QString &part :
             {kPersonIdMasked, u"138****8000"_s, u"张三"_s, u"职工医保退休人员待遇核定"_s,
              CaseService::decisionLabel(u"accepted"_s), CaseService::statusLabel(u"accepted"_s),
              u"2026-03-13"_s, u"2026-03-27"_s, core::cardColourLabel(core::CardColour::Normal),
              u"Decision recorded"_s, u"2026-03-06 09:02"_s})
            QVERIFY2(text.contains(part), qPrintable(part + u"\n"_s + text));
        QVERIFY(!text.contains(kPersonId));
        QVERIFY(!text.contains(u"13800138000"_s));
        for (const auto &m : m_materials)
            QVERIFY2(text.contains(m), qPrintable(m));
        // Its notice again: Enter on the list (focused when the detail opens) previews it for printing.
        auto *notices = detail->findChild<QListWidget *>(u"caseDetailNotices"_s);
        QCOMPARE(notices->count(), 1);
        QCOMPARE(notices->item(0)->text(), NoticeRenderer::title(NoticeKind::Acceptance));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(notices));
        QTest::keyClick(notices, Qt::Key_Return);
        auto *preview = detail->findChild<QPrintPreviewDialog *>(u"printPreview"_s);
        QVERIFY(preview);
        preview->close();
        QTest::keyClick(notices, Qt::Key_Escape);
        QTRY_VERIFY(!detailOf(page));

        // A double-click on the refused case: its reason and legal basis.
        int rejected = -1;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, 0).data(CasesModel::LocalIdRole).toString() == ids[1])
                rejected = r;
        const QRect cell = view->visualRect(view->model()->index(rejected, CasesModel::Applicant));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        detail = detailOf(page);
        QVERIFY(detail);
        const QString refused = detail->findChild<QTextBrowser *>(u"caseDetailText"_s)->toPlainText();
        QVERIFY(refused.contains(CaseService::decisionLabel(u"rejected"_s)));
        QVERIFY(refused.contains(u"理由"_s) && refused.contains(u"依据"_s));
        QVERIFY(refused.contains(u"李四"_s));
        QCOMPARE(detail->findChild<QListWidget *>(u"caseDetailNotices"_s)->item(0)->text(),
                 NoticeRenderer::title(NoticeKind::Rejection));
        detail->close();
    }

private:
    // The case detail open over the page (visible, not yet deleted), or null.
    static QDialog *detailOf(const QWidget &page) {
        for (QDialog *d : page.findChildren<QDialog *>(u"caseDetailDialog"_s))
            if (d->isVisible())
                return d;
        return nullptr;
    }
    std::unique_ptr<Fixture> f;
    QStringList ids;
    QStringList m_materials;
};

QTEST_MAIN(TestMyCases)
#include "tst_mycases.moc"
