// My cases: the model (checked by QAbstractItemModelTester), masking, filter and search, delivery with its
// receipt and withdrawal recorded as case events for the outbox.
#include "intakefixture.h"

#include <windowdesk/intake/mycasespage.h>
#include <windowdesk/intake/noticerenderer.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/ui/messagebar.h>

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QProcess>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
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
            for (const auto &mm : m->materials)
                d.materials.insert(mm.key, {u"paper"_s, {}, {}});
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

private:
    std::unique_ptr<Fixture> f;
    QStringList ids;
};

QTEST_MAIN(TestMyCases)
#include "tst_mycases.moc"
