// The outbox without a platform: transitions, start-up recovery, children after parents, corrections, and
// durability when the writing process is killed (-9) at random points.
#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {
std::unique_ptr<storage::Database> openDb(const QString &path) {
    auto r = storage::Database::open(path);
    return r.ok() ? std::move(r).value() : nullptr;
}
int scalar(storage::Database &db, const QString &sql, const QVariantList &b = {}) {
    auto q = db.query(sql, b);
    return q.ok() && q->next() ? q->value(0).toInt() : -1;
}
QString text(storage::Database &db, const QString &sql, const QVariantList &b = {}) {
    auto q = db.query(sql, b);
    return q.ok() && q->next() ? q->value(0).toString() : QString();
}

// The child: makes cases one by one and reports each local_id only after its COMMIT.
int childMain(const QString &dbPath) {
    auto db = openDb(dbPath);
    if (!db)
        return 3;
    cases::DemoCaseSeeder seeder(*db, SystemClock::instance());
    for (int i = 0; i < 100000; ++i) {
        cases::SeedOptions o;
        o.count = 1;
        auto r = seeder.seed(o);
        if (!r.ok())
            return 4;
        const QByteArray id =
            text(*db, u"SELECT local_id FROM cases ORDER BY rowid DESC LIMIT 1"_s).toLatin1() + '\n';
        std::fwrite(id.constData(), 1, size_t(id.size()), stdout);
        std::fflush(stdout);
    }
    return 0;
}
} // namespace

class TstOutbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startupRecoveryKeepsTheKey() {
        QTemporaryDir dir;
        auto db = openDb(dir.filePath(u"w.db"_s));
        QVERIFY(db);
        QVERIFY(storage::DemoHall::load(*db, SystemClock::instance()).ok());
        cases::SeedOptions o;
        o.count = 3;
        QVERIFY(cases::DemoCaseSeeder(*db, SystemClock::instance()).seed(o).ok());
        storage::OutboxRepository outbox(*db, SystemClock::instance());
        auto due = outbox.due(10);
        QVERIFY(due.ok());
        QCOMPARE(due->size(), 3);
        const QString op = due->first().opId;
        const QString sha = due->first().payloadSha256;
        QVERIFY(outbox.markInFlight(op).ok());
        QCOMPARE(text(*db, u"SELECT state FROM outbox WHERE op_id = ?"_s, {op}), u"in_flight"_s);
        // The process died here. At start-up:
        auto rec = outbox.recoverInFlight();
        QVERIFY(rec.ok());
        QCOMPARE(rec.value(), 1);
        auto e = outbox.find(op);
        QVERIFY(e.ok());
        QCOMPARE(e->state, u"retry_wait"_s);
        QCOMPARE(e->opId, op);
        QCOMPARE(e->payloadSha256, sha);
        QCOMPARE(e->attempts, 1);
        auto again = outbox.due(10);
        QVERIFY(again.ok());
        QCOMPARE(again->size(), 3); // due again at once, same key
        auto stats = outbox.stats();
        QVERIFY(stats.ok());
        QCOMPARE(stats->pending, 3);
        QVERIFY(!stats->oldestPendingCreatedAt.isEmpty());
    }

    void stateTransitionsAndCorrection() {
        QTemporaryDir dir;
        auto db = openDb(dir.filePath(u"w.db"_s));
        QVERIFY(db);
        QVERIFY(storage::DemoHall::load(*db, SystemClock::instance()).ok());
        cases::SeedOptions o;
        o.count = 2;
        QVERIFY(cases::DemoCaseSeeder(*db, SystemClock::instance()).seed(o).ok());
        storage::OutboxRepository outbox(*db, SystemClock::instance());
        auto due = outbox.due(10);
        QVERIFY(due.ok() && due->size() == 2);
        const auto a = due->at(0), b = due->at(1);
        QVERIFY(outbox.markInFlight(a.opId).ok());
        QVERIFY(outbox.markNeedsAttention(a.opId, 422, u"validation"_s, R"({"error":{}})").ok());
        QVERIFY(outbox.markInFlight(b.opId).ok());
        QVERIFY(outbox.markDone(b.opId, 201, "{}").ok());
        // A done row is never revived or changed by a late failure.
        QVERIFY(outbox.markRetry(b.opId, 503, u"late"_s, QDateTime::currentDateTimeUtc()).ok());
        QCOMPARE(text(*db, u"SELECT state FROM outbox WHERE op_id = ?"_s, {b.opId}), u"done"_s);
        // A done (accepted) write cannot be "corrected"; a rejected one can, under a new key.
        QCOMPARE(outbox.replaceRejected(b.localId, "{}").error().code, u"not_correctable"_s);
        auto fixed = outbox.replaceRejected(a.localId, R"({"fixed":true})");
        QVERIFY(fixed.ok());
        QVERIFY(fixed.value() != a.opId);
        auto rows = outbox.unacknowledged();
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().opId, fixed.value());
        QCOMPARE(rows->first().localId, a.localId);
        QCOMPARE(rows->first().state, u"pending"_s);
        // Done rows are archived, never deleted.
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM outbox"_s), 3);
    }

    void outboxSurvivesKill9() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w.db"_s);
        {
            auto db = openDb(path);
            QVERIFY(db);
            QVERIFY(storage::DemoHall::load(*db, SystemClock::instance()).ok());
        }
        QSet<QString> reported;
        auto *rng = QRandomGenerator::global();
        for (int round = 0; round < 8; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {u"--child"_s, path});
            QVERIFY(child.waitForStarted(5000));
            // A loaded machine may take long to start the child: the kill comes at a random point after its
            // first committed case, not after a fixed time that it may spend starting.
            QTRY_VERIFY_WITH_TIMEOUT(child.bytesAvailable() > 0 || child.state() != QProcess::Running, 30000);
            QTest::qWait(int(150 + rng->bounded(500)));
            child.kill(); // SIGKILL, wherever it is (often inside a transaction)
            child.waitForFinished(5000);
            const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
            for (const QByteArray &l : lines)
                if (l.size() == 36)
                    reported.insert(QString::fromLatin1(l));
        }
        QVERIFY2(reported.size() > 5, "the child made too few cases to mean anything");
        auto db = openDb(path);
        QVERIFY(db);
        QCOMPARE(text(*db, u"PRAGMA integrity_check"_s), u"ok"_s);
        for (const QString &id : reported) {
            QCOMPARE(scalar(*db, u"SELECT count(*) FROM cases WHERE local_id = ?"_s, {id}), 1);
            QCOMPARE(scalar(*db, u"SELECT count(*) FROM outbox WHERE local_id = ?"_s, {id}), 1);
        }
        // Nothing half-written or doubled: every case has exactly one outbox row and vice versa.
        QCOMPARE(
            scalar(*db,
                   u"SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM outbox o WHERE o.local_id = "
                   u"c.local_id) <> 1"_s),
            0);
        QCOMPARE(
            scalar(*db,
                   u"SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.local_id "
                   u"= o.local_id)"_s),
            0);
        QCOMPARE(scalar(*db, u"SELECT count(*) - count(DISTINCT op_id) FROM outbox"_s), 0);
    }
};

int main(int argc, char **argv) {
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0) {
        QCoreApplication app(argc, argv);
        return childMain(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TstOutbox t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_outbox.moc"
