// 422 correction against the simulator process: a case the platform refuses with 422 shows in My cases with
// the server's field message; the clerk's correction (CaseService::correctRejected) is pushed under a new key
// with the same local_id and the platform then holds exactly one case with it.
#include "../sync/synctestsupport.h"

#include <windowdesk/cases/caseservice.h>
#include <windowdesk/intake/mycasespage.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using synctest::Client;

class TestCorrection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sim.start({u"--catalog-size"_s, u"20"_s})); }

    void rejectedCaseShowsThenCorrectionIsPushedOnce() {
        Client c;
        QVERIFY(c.open(m_sim));
        QVERIFY(c.run(30, false, true).items > 0); // the catalog, so that seeded cases validate
        QCOMPARE(c.seed(1), 1);
        const QString good = c.text(u"SELECT local_id FROM cases ORDER BY created_at DESC LIMIT 1"_s);
        const QString clerk = c.text(u"SELECT clerk_id FROM cases WHERE local_id = ?"_s, {good});
        QJsonObject body = QJsonDocument::fromJson(
                               c.text(u"SELECT payload FROM outbox WHERE local_id = ?"_s, {good}).toUtf8())
                               .object();
        // The same case without an id number: the platform refuses it (422 applicant.id_number).
        const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        body.insert(u"local_id"_s, localId);
        QJsonObject applicant = body.value(u"applicant"_s).toObject();
        const QString goodId = applicant.value(u"id_number"_s).toString();
        QVERIFY(!goodId.isEmpty());
        applicant.insert(u"id_number"_s, QString());
        body.insert(u"applicant"_s, applicant);
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const Status w = c.db->write([&]() -> Status {
            Status s =
                c.db->exec(u"INSERT INTO cases (local_id, applicant_kind, applicant_name, "
                           u"applicant_id_number, decision, "
                           u"status, clerk_id, window_no, created_at, accepted_date, updated_at) VALUES "
                           u"(?, 'person', ?, '', 'accepted', 'accepted', ?, 'A07', ?, ?, ?)"_s,
                           {localId, applicant.value(u"name"_s).toString(), clerk, now,
                            QDate::currentDate().toString(Qt::ISODate), now});
            if (!s.ok())
                return s;
            auto r = storage::OutboxRepository(*c.db, SystemClock::instance())
                         .enqueue({u"case"_s, localId, QString(), u"/cases"_s,
                                   QJsonDocument(body).toJson(QJsonDocument::Compact)});
            return r.ok() ? Status() : Status(r.error());
        });
        QVERIFY(w.ok());
        const int before = m_sim.stats().value(u"cases"_s).toInt();
        const auto s1 = c.run(20);
        QCOMPARE(s1.needsAttention, 1);
        QCOMPARE(m_sim.stats().value(u"cases"_s).toInt(), before + 1); // only the good case

        // My cases: a clear marker and the server's message for the field.
        intake::CasesModel model(*c.db, SystemClock::instance(), clerk);
        QVERIFY(model.reload().ok());
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.row(r).localId == localId)
                row = r;
        QVERIFY(row >= 0);
        const QModelIndex status = model.index(row, intake::CasesModel::Status);
        QVERIFY(status.data(intake::CasesModel::NeedsCorrectionRole).toBool());
        QVERIFY(status.data().toString().contains(u"需更正"_s));
        QVERIFY2(status.data(Qt::ToolTipRole).toString().contains(u"请填写证件号码"_s),
                 qPrintable(status.data(Qt::ToolTipRole).toString()));
        QCOMPARE(model.row(row).fieldMessages.value(u"applicant.id_number"_s), u"请填写证件号码"_s);
        // The good case has no marker.
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.row(r).localId == good)
                QVERIFY(!model.index(r, 0).data(intake::CasesModel::NeedsCorrectionRole).toBool());

        // The clerk's correction: one transaction, new key, same local_id, audit row.
        const QString oldOp = c.text(u"SELECT op_id FROM outbox WHERE local_id = ?"_s, {localId});
        storage::AuditLog audit(*c.db, SystemClock::instance(), nullptr);
        cases::CaseService cases(*c.db, SystemClock::instance(), &audit, {clerk, u"测试"_s, u"A07"_s, {}});
        cases::CaseService::Correction fix;
        fix.idNumber = goodId;
        {
            // Through the page: select the marked case, Ctrl+E's dialog shows the server's message beside the
            // field; the clerk types the id number and confirms.
            intake::IntakeContext ctx;
            ctx.db = c.db.get();
            ctx.clock = &SystemClock::instance();
            ctx.audit = &audit;
            ctx.window = {clerk, u"测试"_s, u"A07"_s, {}};
            intake::MyCasesPage page(ctx);
            auto *view = page.findChild<QTableView *>(u"casesView"_s);
            QVERIFY(view);
            for (int r = 0; r < view->model()->rowCount(); ++r)
                if (view->model()->index(r, 0).data(intake::CasesModel::LocalIdRole).toString() == localId)
                    view->setCurrentIndex(view->model()->index(r, 0));
            page.correctSelected();
            auto *dlg = page.findChild<QDialog *>(u"correctionDialog"_s);
            QVERIFY(dlg);
            QVERIFY(!dlg->findChildren<QLabel *>().isEmpty());
            bool hinted = false;
            for (auto *l : dlg->findChildren<QLabel *>())
                hinted = hinted || l->text() == u"请填写证件号码"_s;
            QVERIFY(hinted);
            auto *idEdit = dlg->findChild<QLineEdit *>(u"correct_applicant.id_number"_s);
            QVERIFY(idEdit);
            idEdit->setText(goodId);
            dlg->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        }
        const QString newOp =
            c.text(u"SELECT op_id FROM outbox WHERE local_id = ? AND superseded_by IS NULL"_s, {localId});
        QVERIFY(!newOp.isEmpty());
        QVERIFY(newOp != oldOp);
        const Result<QString> op(newOp);
        QCOMPARE(c.text(u"SELECT superseded_by FROM outbox WHERE op_id = ?"_s, {oldOp}), op.value());
        QCOMPARE(c.text(u"SELECT applicant_id_number FROM cases WHERE local_id = ?"_s, {localId}), goodId);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'case_changed' AND target = ?"_s,
                          {localId}),
                 1);
        QVERIFY(model.reload().ok());
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.row(r).localId == localId)
                QVERIFY(!model.row(r).needsCorrection());
        // A second correction is refused: the latest write is no longer a rejected one.
        QVERIFY(!cases.correctRejected(localId, fix).ok());

        const auto s2 = c.run(20);
        QVERIFY2(s2.success(), qPrintable(synctest::summaryText(s2)));
        QCOMPARE(c.text(u"SELECT state FROM outbox WHERE op_id = ?"_s, {op.value()}), u"done"_s);
        QVERIFY(!c.text(u"SELECT case_no FROM cases WHERE local_id = ?"_s, {localId}).isEmpty());
        QCOMPARE(m_sim.stats().value(u"cases"_s).toInt(), before + 2);
        // Another sync sends nothing more: exactly one platform case for this local_id.
        QVERIFY(c.run(20).success());
        QCOMPARE(m_sim.stats().value(u"cases"_s).toInt(), before + 2);
    }

private:
    synctest::Sim m_sim;
};

QTEST_MAIN(TestCorrection)
#include "tst_correction.moc"
