// Kill -9 while typing and while submitting, many times: every confirmed case is there exactly once
// (with its outbox row), every draft restores, and the database is intact.
#include "intakefixture.h"

#include <windowdesk/cases/draftrepository.h>

#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;

class TestCrash : public QObject {
    Q_OBJECT
private slots:
    void killedAtRandomPoints() {
        test::Fixture f;
        QVERIFY(f.open());
        const QString path = f.db->path();
        f.audit.reset();
        f.db.reset();                       // the child owns the file while it runs
        QHash<QString, int> confirmedCases; // local id → times reported
        QHash<QString, int> typedDrafts;    // draft id → characters confirmed saved
        QSet<QString> submittedDrafts;
        QRandomGenerator rng(20260306);
        const int rounds = 30;
        for (int round = 0; round < rounds; ++round) {
            QProcess child;
            child.start(QStringLiteral(CRASHCHILD), {path, QString::number(round + 1)});
            QVERIFY(child.waitForStarted());
            QTest::qWait(40 + int(rng.bounded(260)));
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(5000));
            const QString out = QString::fromUtf8(child.readAllStandardOutput());
            const QString err = QString::fromUtf8(child.readAllStandardError());
            QVERIFY2(!err.contains(u"ERROR"_s), qPrintable(err)); // log lines are fine, failures are not
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);    // killed, not ended on its own
            for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
                const QStringList p = line.split(u' ');
                if (p.size() < 3)
                    continue; // the line cut by the kill
                if (p[0] == u"CASE"_s) {
                    confirmedCases[p[1]] += 1;
                    submittedDrafts.insert(p[2]);
                } else if (p[0] == u"DRAFT"_s) {
                    typedDrafts[p[1]] = std::max(typedDrafts.value(p[1]), p[2].toInt());
                }
            }
        }
        QVERIFY(!confirmedCases.isEmpty());
        auto db = storage::Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        auto ic = db.value()->query(u"PRAGMA integrity_check"_s);
        QVERIFY(ic.ok() && ic->next());
        QCOMPARE(ic->value(0).toString(), u"ok"_s);
        for (auto it = confirmedCases.cbegin(); it != confirmedCases.cend(); ++it) {
            QCOMPARE(it.value(), 1);
            auto q = db.value()->query(
                u"SELECT (SELECT COUNT(*) FROM cases WHERE local_id = ?), (SELECT COUNT(*) FROM "
                u"outbox WHERE local_id = ? AND kind = 'case'), (SELECT COUNT(*) FROM "
                u"case_materials WHERE case_local_id = ?)"_s,
                {it.key(), it.key(), it.key()});
            QVERIFY(q.ok() && q->next());
            QCOMPARE(q->value(0).toInt(), 1);
            QCOMPARE(q->value(1).toInt(), 1);
            QCOMPARE(q->value(2).toInt(), 4);
        }
        // Every case in the database is one of a single run: none twice.
        auto dup = db.value()->query(
            u"SELECT COUNT(*) - COUNT(DISTINCT local_id) FROM outbox WHERE kind = 'case'"_s);
        QVERIFY(dup.ok() && dup->next());
        QCOMPARE(dup->value(0).toInt(), 0);
        DraftRepository drafts(*db.value(), SystemClock::instance());
        int open = 0;
        const QString name = u"张三丰王五赵六钱七孙八"_s;
        for (auto it = typedDrafts.cbegin(); it != typedDrafts.cend(); ++it) {
            auto d = drafts.load(it.key());
            QVERIFY(d.ok());
            // At least what was confirmed saved is there.
            QVERIFY(d->applicant.name.size() >= it.value());
            QVERIFY(name.startsWith(d->applicant.name));
            QCOMPARE(d->applicant.idNumber, test::kPersonId);
            auto st =
                db.value()->query(u"SELECT status, case_local_id FROM drafts WHERE id = ?"_s, {it.key()});
            QVERIFY(st.ok() && st->next());
            if (st->value(0).toString() == u"open"_s) {
                QVERIFY(!submittedDrafts.contains(it.key()));
                ++open;
            } else {
                // Submitted: its case committed with it (perhaps killed before it could say so).
                QCOMPARE(st->value(0).toString(), u"submitted"_s);
                auto c =
                    db.value()->query(u"SELECT COUNT(*) FROM cases WHERE local_id = ?"_s, {st->value(1)});
                QVERIFY(c.ok() && c->next());
                QCOMPARE(c->value(0).toInt(), 1);
            }
        }
        auto listed = drafts.openDrafts(u"u-crash"_s);
        QVERIFY(listed.ok());
        QVERIFY(listed->size() >= open); // every unfinished draft is offered for restoring
        qInfo("crash test: %d rounds, %d confirmed cases, %d drafts (%d unfinished)", rounds,
              int(confirmedCases.size()), int(typedDrafts.size()), open);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
