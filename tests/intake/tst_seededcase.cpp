// `seed demo-cases` takes its cases in through CaseService::submit: a seeded case has exactly the rows the
// intake page writes when a clerk enters the same visit by keys (apart from ids and times).
#include "intakefixture.h"

#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/intake/intakecontext.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/ui/dialogfacade.h>

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::intake::test;

namespace {
const QString kItem = u"430104-001001001000-GG-001"_s; // 城乡居民基本医疗保险参保登记

// Every row of `table` for the case, its columns by name, without the ones that are ids or times.
QList<QVariantMap> rows(storage::Database &db, const QString &table, const QString &caseColumn,
                        const QString &localId, const QStringList &skip) {
    QList<QVariantMap> out;
    auto q = db.query(u"SELECT * FROM %1 WHERE %2 = ? ORDER BY rowid"_s.arg(table, caseColumn), {localId});
    if (!q.ok())
        return out;
    while (q->next()) {
        QVariantMap row;
        const QSqlRecord r = q->record();
        for (int i = 0; i < r.count(); ++i)
            if (!skip.contains(r.fieldName(i)) && r.fieldName(i) != caseColumn)
                row.insert(r.fieldName(i), r.value(i));
        out.append(row);
    }
    return out;
}
} // namespace

class TestSeededCase : public QObject {
    Q_OBJECT
private slots:
    void seededCaseHasTheRowsOfAWindowCase() {
        ui::DialogFacade::instance().reset();
        Fixture f;
        QVERIFY(f.open());
        // One accepted case of the item for the fixture's clerk and window, decided now.
        cases::SeedOptions o;
        o.count = 1;
        o.days = 0;
        o.seed = 7;
        o.clerkId = f.window.clerkId;
        o.windowNo = f.window.windowNo;
        o.itemCodes = {kItem};
        auto seeded = cases::DemoCaseSeeder(*f.db, f.clock, f.audit.get()).seed(o);
        QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().message));
        QCOMPARE(seeded->accepted, 1);
        auto q = f.db->query(u"SELECT local_id, applicant_name, applicant_id_number, applicant_phone, "
                             u"form_values_json FROM cases"_s);
        QVERIFY(q.ok() && q->next());
        const QString seededId = q->value(0).toString();
        const QJsonObject form = QJsonDocument::fromJson(q->value(4).toString().toUtf8()).object();

        // The same visit at the window, by keys: a walk-in, applicant, matter, form, materials, accept.
        intake::IntakeContext ctx;
        ctx.db = f.db.get();
        ctx.clock = &f.clock;
        ctx.audit = f.audit.get();
        ctx.window = f.window;
        ctx.noticeDir = f.dir.filePath(u"notices"_s);
        intake::IntakePage page(ctx);
        page.resize(1280, 900);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QTest::keyClick(&page, Qt::Key_F9);
        typeText(page.findChild<QLineEdit *>(u"applicantName"_s), q->value(1).toString());
        typeText(page.findChild<QLineEdit *>(u"applicantIdNumber"_s), q->value(2).toString());
        typeText(page.findChild<QLineEdit *>(u"applicantPhone"_s), q->value(3).toString());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        auto *search = page.findChild<QLineEdit *>(u"matterSearch"_s);
        QCOMPARE(QApplication::focusWidget(), search);
        typeText(search, u"城乡居民基本医疗"_s);
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(page.matter().itemCode, kItem);
        for (auto it = form.begin(); it != form.end(); ++it) {
            QWidget *w = page.findChild<QWidget *>(u"field_"_s + it.key());
            QVERIFY2(w, qPrintable(it.key()));
            if (auto *e = qobject_cast<QLineEdit *>(w)) {
                // Fields the page fills from the applicant (id number, phone) already hold the value.
                if (e->text() != it.value().toString()) {
                    e->setFocus();
                    QTest::keyClick(e, Qt::Key_A, Qt::ControlModifier);
                    typeText(e, it.value().toString());
                }
                QCOMPARE(e->text(), it.value().toString());
            } else if (auto *c = qobject_cast<QComboBox *>(w)) {
                c->setFocus();
                for (int n = 0; n < c->count() && c->currentText() != it.value().toString(); ++n)
                    QTest::keyClick(c, Qt::Key_Down);
                QCOMPARE(c->currentText(), it.value().toString());
            } else {
                QFAIL(qPrintable(u"field kind not driven by this test: "_s + it.key()));
            }
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_M, Qt::ControlModifier);
        // Ctrl+M marks the required materials; the citizen brought the optional ones on paper too.
        auto mq = f.db->query(u"SELECT material_id, status FROM case_materials WHERE case_local_id = ?"_s,
                              {seededId});
        QVERIFY(mq.ok());
        while (mq->next()) {
            auto *c = page.findChild<QComboBox *>(u"material_"_s + mq->value(0).toString());
            QVERIFY(c);
            c->setFocus();
            for (int n = 0; n < c->count() && c->currentData().toString() != mq->value(1).toString(); ++n)
                QTest::keyClick(c, Qt::Key_Down);
            QCOMPARE(c->currentData().toString(), mq->value(1).toString());
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        const QString takenId = page.lastCaseLocalId();
        QVERIFY2(!takenId.isEmpty(), qPrintable(page.findChild<QLabel *>(u"decisionProblems"_s)->text()));
        if (page.evaluationDialog())
            page.evaluationDialog()->close();

        const QStringList times{u"local_id"_s, u"created_at"_s, u"updated_at"_s,
                                u"event_id"_s, u"at"_s,         u"id"_s};
        for (const auto &[table, column] :
             {std::pair{u"cases"_s, u"local_id"_s}, std::pair{u"case_items"_s, u"case_local_id"_s},
              std::pair{u"case_materials"_s, u"case_local_id"_s},
              std::pair{u"case_events"_s, u"case_local_id"_s}}) {
            const auto seededRows = rows(*f.db, table, column, seededId, times);
            const auto takenRows = rows(*f.db, table, column, takenId, times);
            QVERIFY2(!seededRows.isEmpty(), qPrintable(table));
            if (seededRows != takenRows)
                qWarning() << table << "seeded:" << seededRows << "taken:" << takenRows;
            QVERIFY2(seededRows == takenRows, qPrintable(table));
        }
        // Both are audited with the case's content digest; only the seeded one carries the demo mark.
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'case_seeded' AND target = ?"_s,
                         {seededId}),
                 1);
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'case_decided' AND target = ?"_s,
                         {takenId}),
                 1);
    }
};

QTEST_MAIN(TestSeededCase)
#include "tst_seededcase.moc"
