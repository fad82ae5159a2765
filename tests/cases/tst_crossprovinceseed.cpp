// `windowdeskctl seed demo-cases --hall` writes the demo hall's 跨省通办 receipts (issue 16, cli.md) through
// CrossProvinceService and the outbox exactly as a window does: a receipt row, its audit row and its outbox
// row (POST /cross-province/receipts) each, the forwardings queued as child events, one receipt left late for
// the supervisor, every one marked seeded (never sent to a platform off this machine) and its id masked in
// lists.
#include "ctlrun.h"

#include <windowdesk/cases/crossprovince.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TestCrossProvinceSeed : public QObject {
    Q_OBJECT
private slots:
    void hallSeedWritesReceiptsThroughTheOutbox() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"hall.db"_s);
        const auto r = ctltest::ctl(
            path, {u"seed"_s, u"demo-cases"_s, u"--hall"_s, u"--count"_s, u"60"_s, u"--days"_s, u"10"_s});
        QCOMPARE(r.exitCode, 0);
        const int receipts = r.json.value(u"cross_province_receipts"_s).toInt();
        QVERIFY2(receipts >= 6, qPrintable(QString::number(receipts)));
        QVERIFY(r.json.value(u"cross_province_forwarded"_s).toInt() > 0);

        auto db = storage::Database::open(path);
        QVERIFY(db.ok());
        auto one = [&](const QString &sql) {
            auto q = db.value()->query(sql);
            return q.ok() && q->next() ? q->value(0).toInt() : -1;
        };
        QCOMPARE(one(u"SELECT count(*) FROM cross_province_receipts"_s), receipts);
        QVERIFY(one(u"SELECT count(DISTINCT window_no) FROM cross_province_receipts"_s) >= 5);
        // One outbox row per receipt and one child per recorded event, queued like the window's own.
        QCOMPARE(
            one(u"SELECT count(*) FROM outbox o JOIN cross_province_receipts x ON x.local_id = o.local_id "
                u"WHERE o.kind = 'cross_province_receipt' AND o.state = 'pending'"_s),
            receipts);
        QCOMPARE(one(u"SELECT count(*) FROM outbox WHERE kind = 'cross_province_event'"_s),
                 one(u"SELECT count(*) FROM cross_province_receipts WHERE state <> 'received'"_s));
        QCOMPARE(
            one(u"SELECT count(*) FROM outbox o WHERE kind = 'cross_province_event' AND NOT EXISTS (SELECT "
                u"1 FROM cross_province_receipts x WHERE x.local_id = o.parent_local_id)"_s),
            0);
        QCOMPARE(one(u"SELECT count(*) FROM audit_log WHERE action = 'cross_province_received'"_s), receipts);
        // Seeded: the pusher's gate keeps them on this machine.
        QCOMPARE(
            one(u"SELECT count(*) FROM cross_province_receipts x WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
                u"WHERE a.action = 'case_seeded' AND a.target = x.local_id)"_s),
            0);
        // The supervisor's flag: at least one still received after its forward_due.
        auto late = cases::CrossProvinceRepository(*db.value(), SystemClock::instance()).lateCount();
        QVERIFY(late.ok() && late.value() >= 1);
        auto list = cases::CrossProvinceRepository(*db.value(), SystemClock::instance()).list();
        QVERIFY(list.ok());
        for (const auto &x : list.value())
            QVERIFY2(x.applicantIdMasked.contains(u"***"_s), qPrintable(x.applicantIdMasked));

        // Hall IT reads them through `outbox --json`.
        const auto outbox = ctltest::ctl(path, {u"outbox"_s, u"--json"_s});
        QCOMPARE(outbox.exitCode, 0);
        QVERIFY(QString::fromUtf8(outbox.out).contains(u"cross_province_receipt"_s));
    }
};

QTEST_GUILESS_MAIN(TestCrossProvinceSeed)
#include "tst_crossprovinceseed.moc"
