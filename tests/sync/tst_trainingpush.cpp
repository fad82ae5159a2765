// Training results through the outbox against the simulator process (sync-rules.md rules 1–4): recorded with
// their outbox row in one transaction, pushed exactly once under lost answers, a 422 kept for the clerk with
// the server's field message and never re-sent, a local_id already on the platform taken as done.
#include "synctestsupport.h"

#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/trainingresults.h>
#include <windowdesk/sync/syncstatus.h>

#include <QJsonArray>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {
const QString kRoute = u"POST /training/results"_s;
// A push-only run that ended with nothing left (success() also asks for finished pull streams).
bool pushedEverything(const sync::SyncSummary &s) {
    return s.pending == 0 && s.needsAttention == 0 && s.errors.isEmpty() && !s.timedOut;
}
} // namespace

// Another implementation of the contract, reduced to what a training push needs: every POST
// /training/results is answered with `status` and `body` (platform-api.md promises "→ 201", no body).
class BarePlatform : public QObject {
public:
    int status = 201;
    QByteArray body;
    int posts = 0;
    QSet<QByteArray> keys;

    bool listen() {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    int port() const { return m_server.serverPort(); }

private:
    void read(QTcpSocket *s) {
        QByteArray buf = s->property("buf").toByteArray() + s->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0) {
            s->setProperty("buf", buf);
            return;
        }
        qsizetype length = 0;
        QByteArray key;
        for (const QByteArray &line : buf.left(end).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "idempotency-key")
                key = value;
        }
        if (buf.size() < end + 4 + length) {
            s->setProperty("buf", buf);
            return;
        }
        QByteArray answer;
        if (buf.startsWith("POST /api/v1/training/results ")) {
            ++posts;
            keys.insert(key);
            answer = "HTTP/1.1 " + QByteArray::number(status) + " Created\r\n";
        } else {
            answer = "HTTP/1.1 404 Not Found\r\n";
        }
        s->write(answer + "Content-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        s->disconnectFromHost();
    }
    QTcpServer m_server;
};

class TstTrainingPush : public QObject {
    Q_OBJECT
private:
    Sim sim;
    QTemporaryDir logDir;

    QJsonObject stats() { return sim.stats(); }
    int platformResults() { return stats().value(u"training_results"_s).toInt(); }
    int routeRequests() { return stats().value(u"requests"_s).toObject().value(kRoute).toInt(); }
    int keysSeen() { return stats().value(u"keys_seen"_s).toObject().value(kRoute).toInt(); }
    int droppedAfterCommit() {
        return stats().value(u"faults"_s).toObject().value(u"drop_after_commit"_s).toInt();
    }
    // The platform's leaderboard of one drill: trainee_id → entry.
    QHash<QString, QJsonObject> leaderboard(const QString &drillId) {
        QUrlQuery q;
        q.addQueryItem(u"drill_id"_s, drillId);
        const HttpAnswer a = sim.http("GET", u"/training/leaderboard?"_s + q.toString(QUrl::FullyEncoded), {},
                                      {{"Authorization", "Bearer " + sim.login().toLatin1()}});
        QHash<QString, QJsonObject> out;
        if (a.status != 200)
            return out;
        for (const auto &v : a.json().value(u"entries"_s).toArray())
            out.insert(v.toObject().value(u"trainee_id"_s).toString(), v.toObject());
        return out;
    }
    // A local drill (the training module's table); results refer to it.
    QString makeDrill(Client &c) {
        const QString id = u"drill-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        const Status s = c.db->write([&] {
            return c.db->exec(u"INSERT INTO training_drills (id, kind, title, created_by, created_at) VALUES "
                              u"(?, 'paper', '业务知识测验', 'u-1001', ?)"_s,
                              {id, u"2026-03-06T01:00:00Z"_s});
        });
        return s.ok() ? id : QString();
    }
    storage::TrainingResult result(const QString &drillId, const QString &trainee, double score,
                                   int durationS) {
        storage::TrainingResult r;
        r.drillId = drillId;
        r.traineeId = trainee;
        r.score = score;
        r.maxScore = 100;
        r.durationS = durationS;
        r.answers = QJsonArray{QJsonObject{{u"question_id"_s, u"q-1"_s}, {u"answer"_s, u"B"_s}}};
        r.finishedAt = QDateTime(QDate(2026, 3, 6), QTime(2, 30, 0), Qt::UTC);
        return r;
    }
    storage::RecordedTrainingResult record(Client &c, const storage::TrainingResult &r) {
        auto rec = storage::TrainingResultRepository(*c.db, SystemClock::instance()).record(r);
        return rec.ok() ? rec.value() : storage::RecordedTrainingResult{};
    }
    QString stateOf(Client &c, const QString &opId) {
        return c.text(u"SELECT state FROM outbox WHERE op_id = ?"_s, {opId});
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(logDir.isValid());
        QVERIFY(sim.start({u"--catalog-size"_s, u"10"_s}, logDir.filePath(u"sim.log"_s)));
    }
    void cleanup() { QVERIFY(sim.setFaults(QString())); }

    void recordWritesTheResultAndItsOutboxRowTogether() {
        Client c;
        QVERIFY(c.open(sim));
        const QString drill = makeDrill(c);
        QVERIFY(!drill.isEmpty());
        const auto rec = record(c, result(drill, u"u-2001"_s, 87.5, 312));
        QVERIFY(!rec.localId.isEmpty() && !rec.opId.isEmpty());
        QCOMPARE(c.text(u"SELECT drill_id FROM training_results WHERE local_id = ?"_s, {rec.localId}), drill);
        QCOMPARE(c.text(u"SELECT kind || ' ' || method || ' ' || path || ' ' || state FROM outbox "
                        u"WHERE op_id = ?"_s,
                        {rec.opId}),
                 u"training_result POST /training/results pending"_s);
        QCOMPARE(c.text(u"SELECT local_id FROM outbox WHERE op_id = ?"_s, {rec.opId}), rec.localId);
        // The body of platform-api.md, every field.
        const QJsonObject body =
            QJsonDocument::fromJson(
                c.text(u"SELECT payload FROM outbox WHERE op_id = ?"_s, {rec.opId}).toUtf8())
                .object();
        QCOMPARE(body.value(u"local_id"_s).toString(), rec.localId);
        QCOMPARE(body.value(u"drill_id"_s).toString(), drill);
        QCOMPARE(body.value(u"trainee_id"_s).toString(), u"u-2001"_s);
        QCOMPARE(body.value(u"score"_s).toDouble(), 87.5);
        QCOMPARE(body.value(u"max_score"_s).toDouble(), 100.0);
        QCOMPARE(body.value(u"duration_s"_s).toInt(), 312);
        QCOMPARE(body.value(u"answers"_s).toArray().size(), 1);
        QCOMPARE(body.value(u"finished_at"_s).toString(), u"2026-03-06T02:30:00Z"_s);

        // If the outbox row cannot be written, the result is not kept either (one transaction).
        QVERIFY(c.db->exec(u"CREATE TEMP TRIGGER no_outbox BEFORE INSERT ON outbox "
                           u"BEGIN SELECT RAISE(ABORT, 'outbox refused'); END"_s)
                    .ok());
        auto failed = storage::TrainingResultRepository(*c.db, SystemClock::instance())
                          .record(result(drill, u"u-2002"_s, 50, 100));
        QVERIFY(!failed.ok());
        QCOMPARE(c.scalar(u"SELECT count(*) FROM training_results WHERE trainee_id = 'u-2002'"_s), 0);
        QVERIFY(c.db->exec(u"DROP TRIGGER no_outbox"_s).ok());
        // A result of a drill that does not exist is refused before anything is queued.
        QVERIFY(!storage::TrainingResultRepository(*c.db, SystemClock::instance())
                     .record(result(u"no-such-drill"_s, u"u-2003"_s, 50, 100))
                     .ok());
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox"_s), 1);
    }

    void reachesThePlatformOnce() {
        Client c;
        QVERIFY(c.open(sim));
        const QString drill = makeDrill(c);
        const auto rec = record(c, result(drill, u"u-2101"_s, 92, 280));
        QVERIFY(!rec.opId.isEmpty());
        const int before = platformResults();
        const auto s = c.run(30, true, false);
        QVERIFY2(pushedEverything(s), qPrintable(summaryText(s)));
        QCOMPARE(s.pushed, 1);
        QCOMPARE(platformResults() - before, 1);
        const auto board = leaderboard(drill);
        QCOMPARE(board.size(), 1);
        QCOMPARE(board.value(u"u-2101"_s).value(u"best_score"_s).toDouble(), 92.0);
        QCOMPARE(board.value(u"u-2101"_s).value(u"best_duration_s"_s).toInt(), 280);
        // Done and archived (kept, with the platform's answer), no longer listed as unacknowledged.
        QCOMPARE(stateOf(c, rec.opId), u"done"_s);
        QVERIFY(!c.text(u"SELECT done_at FROM outbox WHERE op_id = ?"_s, {rec.opId}).isEmpty());
        QCOMPARE(c.scalar(u"SELECT last_status FROM outbox WHERE op_id = ?"_s, {rec.opId}), 201);
        QVERIFY(c.text(u"SELECT response_json FROM outbox WHERE op_id = ?"_s, {rec.opId})
                    .contains(u"result_id"_s));
        QCOMPARE(storage::OutboxRepository(*c.db, SystemClock::instance()).unacknowledgedCount().value(), 0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM training_results WHERE local_id = ?"_s, {rec.localId}), 1);
        // A second sync sends nothing again.
        const int posts = routeRequests();
        QVERIFY(pushedEverything(c.run(30, true, false)));
        QCOMPARE(routeRequests(), posts);
        QCOMPARE(platformResults() - before, 1);
    }

    void lostAnswersAfterCommitStillOnce() {
        Client c;
        QVERIFY(c.open(sim));
        const QString drill = makeDrill(c);
        constexpr int kResults = 12;    // with half the answers dropped, some are dropped for sure
        QHash<QString, QString> opOf;   // local_id → op_id as recorded
        QHash<QString, double> scoreOf; // trainee → score
        for (int i = 0; i < kResults; ++i) {
            const QString trainee = u"u-3%1"_s.arg(i, 3, 10, QChar(u'0'));
            scoreOf.insert(trainee, 60 + i);
            const auto rec = record(c, result(drill, trainee, 60 + i, 200 + i));
            QVERIFY(!rec.opId.isEmpty());
            opOf.insert(rec.localId, rec.opId);
        }
        LoggedInEngine e;
        QVERIFY(e.login(c)); // before the faults, so the login is not what they hit
        const int before = platformResults();
        const int keysBefore = keysSeen();
        const int postsBefore = routeRequests();
        const int dropsBefore = droppedAfterCommit();
        QVERIFY(sim.setFaults(u"drop-after-commit=0.5"_s));
        (void)e.run(8);
        const auto s2 = e.run(30);
        QVERIFY2(pushedEverything(s2), qPrintable(summaryText(s2)));
        QVERIFY(sim.setFaults(QString()));
        // Answers were lost and re-sent…
        QVERIFY(droppedAfterCommit() - dropsBefore > 0);
        QVERIFY(routeRequests() - postsBefore > kResults);
        // …always under each result's one key: exactly one key per result reached the platform…
        QCOMPARE(keysSeen() - keysBefore, kResults);
        // …and each result is there exactly once.
        QCOMPARE(platformResults() - before, kResults);
        const auto board = leaderboard(drill);
        QCOMPARE(board.size(), kResults);
        for (auto it = scoreOf.cbegin(); it != scoreOf.cend(); ++it)
            QCOMPARE(board.value(it.key()).value(u"best_score"_s).toDouble(), it.value());
        // Locally: the same rows, the same keys, all done.
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), kResults);
        for (auto it = opOf.cbegin(); it != opOf.cend(); ++it) {
            QCOMPARE(c.text(u"SELECT op_id FROM outbox WHERE local_id = ?"_s, {it.key()}), it.value());
            QCOMPARE(stateOf(c, it.value()), u"done"_s);
        }
        QCOMPARE(storage::OutboxRepository(*c.db, SystemClock::instance()).unacknowledgedCount().value(), 0);
    }

    void validationErrorNeedsAttention_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("fieldMessage");
        QTest::addRow("negative score") << u"negative"_s << u"分数无效"_s;
        QTest::addRow("score over the maximum") << u"over_max"_s << u"分数超过满分"_s;
        QTest::addRow("score missing") << u"missing"_s << u"分数无效"_s;
    }
    void validationErrorNeedsAttention() {
        QFETCH(QString, variant);
        QFETCH(QString, fieldMessage);
        Client c;
        QVERIFY(c.open(sim));
        const QString drill = makeDrill(c);
        QString badOp;
        if (variant == u"missing"_s) {
            // A producer bug that leaves the score out of the body: written the way a producer must.
            storage::TrainingResult r = result(drill, u"u-4001"_s, 70, 300);
            r.localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            QJsonObject body =
                QJsonDocument::fromJson(storage::TrainingResultRepository::payload(r)).object();
            body.remove(u"score"_s);
            QVERIFY(
                c.db->write([&]() -> Status {
                        if (Status s = c.db->exec(
                                u"INSERT INTO training_results (local_id, drill_id, trainee_id, score, "
                                u"max_score, duration_s, finished_at) VALUES (?, ?, ?, 70, 100, 300, ?)"_s,
                                {r.localId, drill, r.traineeId, u"2026-03-06T02:30:00Z"_s});
                            !s.ok())
                            return s;
                        auto op =
                            storage::OutboxRepository(*c.db, SystemClock::instance())
                                .enqueue({u"training_result"_s, r.localId, QString(), u"/training/results"_s,
                                          QJsonDocument(body).toJson(QJsonDocument::Compact)});
                        if (!op.ok())
                            return op.error();
                        badOp = op.value();
                        return {};
                    })
                    .ok());
        } else {
            badOp = record(c, result(drill, u"u-4001"_s, variant == u"negative"_s ? -5 : 120, 300)).opId;
        }
        QVERIFY(!badOp.isEmpty());
        // A good result beside it: one bad row never blocks the others.
        const auto good = record(c, result(drill, u"u-4002"_s, 88, 250));
        const int before = platformResults();
        const int postsBefore = routeRequests();
        const auto s = c.run(20, true, false);
        QCOMPARE(s.pushed, 1);
        QCOMPARE(s.needsAttention, 1);
        QVERIFY(!pushedEverything(s));
        QCOMPARE(stateOf(c, good.opId), u"done"_s);
        QCOMPARE(stateOf(c, badOp), u"needs_attention"_s);
        QCOMPARE(c.scalar(u"SELECT last_status FROM outbox WHERE op_id = ?"_s, {badOp}), 422);
        QCOMPARE(platformResults() - before, 1); // a 422 creates nothing
        const auto board = leaderboard(drill);
        QCOMPARE(board.size(), 1);
        QVERIFY(board.contains(u"u-4002"_s));
        // The server's field message is kept for the clerk (the needs-attention list).
        sync::SyncStatus status(*c.db, SystemClock::instance());
        QVERIFY(status.refresh().ok());
        QCOMPARE(status.needsAttention().size(), 1);
        const sync::AttentionItem item = status.needsAttention().first();
        QCOMPARE(item.opId, badOp);
        QCOMPARE(item.kind, u"training_result"_s);
        QCOMPARE(item.httpStatus, 422);
        const QJsonObject fields = QJsonDocument::fromJson(item.fieldsJson.toUtf8()).object();
        QCOMPARE(fields.value(u"score"_s).toString(), fieldMessage);
        // Nothing retried: further syncs do not send it again, it stays for the clerk.
        QVERIFY(c.run(10, true, false).needsAttention == 1);
        QCOMPARE(routeRequests() - postsBefore, 2);
        QCOMPARE(c.scalar(u"SELECT attempts FROM outbox WHERE op_id = ?"_s, {badOp}), 1);
        QCOMPARE(stateOf(c, badOp), u"needs_attention"_s);
    }

    void anyCreatedAnswerAcknowledges_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("no body") << QByteArray();
        QTest::addRow("empty object") << QByteArray("{}");
        QTest::addRow("result id") << QByteArray(R"({"result_id":"R-1"})");
    }
    void anyCreatedAnswerAcknowledges() {
        // The contract promises only "201" for a training result: whatever body comes with it (none, {}, or
        // more), the write is acknowledged once, not re-sent forever for want of an answer it never needed.
        QFETCH(QByteArray, body);
        BarePlatform platform;
        platform.body = body;
        QVERIFY(platform.listen());
        Sim other; // only its address: the bare platform above
        other.port = platform.port();
        Client c;
        QVERIFY(c.open(other));
        const QString drill = makeDrill(c);
        const auto rec = record(c, result(drill, u"u-6001"_s, 66, 120));
        sync::SyncEngine engine(*c.db, SystemClock::instance(), c.config);
        engine.adoptTokens({u"access"_s, u"refresh"_s, kUser});
        QSignalSpy spy(&engine, &sync::SyncEngine::finished);
        sync::SyncRunOptions o;
        o.maxSeconds = 3;
        o.pull = false;
        engine.start(o);
        QVERIFY(spy.wait(20000));
        const auto s = spy.first().first().value<sync::SyncSummary>();
        QVERIFY2(pushedEverything(s), qPrintable(summaryText(s)));
        QCOMPARE(stateOf(c, rec.opId), u"done"_s);
        QCOMPARE(platform.posts, 1);
        QCOMPARE(platform.keys, QSet<QByteArray>{rec.opId.toLatin1()});
    }

    void resultAlreadyOnThePlatformIsDone() {
        Client c;
        QVERIFY(c.open(sim));
        const QString drill = makeDrill(c);
        const auto rec = record(c, result(drill, u"u-5001"_s, 75, 400));
        const QByteArray body = c.text(u"SELECT payload FROM outbox WHERE op_id = ?"_s, {rec.opId}).toUtf8();
        // The same result already reached the platform under another key (e.g. from a restored backup).
        const auto first =
            sim.http("POST", u"/training/results"_s, body,
                     {{"Authorization", "Bearer " + sim.login().toLatin1()},
                      {"Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()}});
        QCOMPARE(first.status, 201);
        const int before = platformResults();
        const auto s = c.run(20, true, false);
        QVERIFY2(pushedEverything(s), qPrintable(summaryText(s)));
        QCOMPARE(stateOf(c, rec.opId), u"done"_s);
        QCOMPARE(c.scalar(u"SELECT last_status FROM outbox WHERE op_id = ?"_s, {rec.opId}), 409);
        QCOMPARE(platformResults(), before);
        QCOMPARE(leaderboard(drill).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TstTrainingPush)
#include "tst_trainingpush.moc"
