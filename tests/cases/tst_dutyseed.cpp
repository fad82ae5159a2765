// `windowdeskctl seed demo-cases --hall`, the hall duties (issue 16, cli.md): a few 办不成事 requests
// recorded through the window's own service (row, audit row with the phone masked, outbox row with a
// local_id, pending) over the last days — some already past their reply date — and a few 告知承诺 post-checks
// as the platform's feed brings them (open, overdue, confirmed, one false commitment) for the supervisor's
// 办事难点 tab.
#include "ctlrun.h"

#include <windowdesk/cases/commitmentchecks.h>
#include <windowdesk/cases/unresolvedrequests.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/personaldata.h>

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TestDutySeed : public QObject {
    Q_OBJECT
private slots:
    void seedsTheHallDuties() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"hall.db"_s);
        const auto r = ctltest::ctl(
            path, {u"seed"_s, u"demo-cases"_s, u"--hall"_s, u"--count"_s, u"60"_s, u"--days"_s, u"30"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(u"unresolved_requests"_s).toInt(), 6);
        QCOMPARE(r.json.value(u"commitment_checks"_s).toInt(), 4);
        auto db = storage::Database::open(path);
        QVERIFY(db.ok());
        auto one = [&](const QString &sql) {
            auto q = db.value()->query(sql);
            return q.ok() && q->next() ? q->value(0).toInt() : -1;
        };
        // Through the same service and outbox as the window's.
        QCOMPARE(
            one(u"SELECT count(*) FROM outbox o JOIN unresolved_requests u ON u.local_id = o.local_id WHERE "
                u"o.kind = 'unresolved_request' AND o.state = 'pending' AND o.path = '/unresolved-requests'"_s),
            6);
        // Each waits for a seeded case (linked to it), so the sync engine keeps it off a real platform as it
        // keeps the case.
        QCOMPARE(one(u"SELECT count(*) FROM outbox o JOIN unresolved_requests u ON u.local_id = o.local_id "
                     u"JOIN cases c "
                     u"ON c.local_id = o.parent_local_id AND c.local_id = u.case_local_id WHERE o.kind = "
                     u"'unresolved_request'"_s),
                 6);
        QCOMPARE(one(u"SELECT count(DISTINCT category) FROM unresolved_requests"_s), 6);
        QCOMPARE(one(u"SELECT count(DISTINCT window_no) FROM unresolved_requests"_s), 4);
        // The bodies are sealed at rest when the command had a keychain (issue 18 #4): read through the
        // outbox with the database's key, as the program reads them (clear bodies read the same).
        storage::KeychainSecretStore keychain;
        storage::PersonalData::unlock(
            *db.value(), storage::PersonalData::keychainReachable() ? &keychain : nullptr, nullptr, false);
        auto owed = storage::OutboxRepository(*db.value(), SystemClock::instance()).unacknowledged();
        QVERIFY(owed.ok());
        int withPhone = 0;
        for (const storage::OutboxEntry &e : owed.value()) {
            const QJsonObject body = QJsonDocument::fromJson(e.payload).object();
            const QJsonValue phone = body.value(u"applicant"_s).toObject().value(u"phone"_s);
            if (e.kind == u"unresolved_request" && body.value(u"local_id"_s).toString() == e.localId &&
                !phone.isNull() && !phone.isUndefined())
                ++withPhone;
        }
        QCOMPARE(withPhone, 6);
        storage::PersonalData::forget(*db.value());
        cases::UnresolvedRequestService unresolved(*db.value(), SystemClock::instance(), nullptr, {});
        auto rows = unresolved.list(SystemClock::instance().nowUtc());
        QVERIFY(rows.ok());
        const int overdue =
            int(std::count_if(rows->cbegin(), rows->cend(), [](const auto &x) { return x.overdue; }));
        QVERIFY2(overdue >= 3 && overdue < 6, qPrintable(QString::number(overdue)));
        // Post-checks: two open (one past its date), one confirmed, one false commitment.
        cases::CommitmentCheckService checks(*db.value(), SystemClock::instance(), nullptr, {});
        auto list = checks.list(SystemClock::instance().nowUtc());
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 4);
        QCOMPARE(checks.falseCommitments().value(), 1);
        QCOMPARE(int(std::count_if(list->cbegin(), list->cend(), [](const auto &x) { return x.overdue; })),
                 1);
        QVERIFY(std::all_of(list->cbegin(), list->cend(),
                            [](const auto &x) { return !x.caseLocalId.isEmpty(); }));
    }
};

QTEST_GUILESS_MAIN(TestDutySeed)
#include "tst_dutyseed.moc"
