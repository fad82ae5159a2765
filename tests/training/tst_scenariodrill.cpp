// Scenario drills without widgets (issue 15): the scenario's shape rules (a valid test ID by GB 11643, a
// mobile number), the sandbox made by the migrator with the hall's catalog (and nothing of its cases,
// drafts, outbox or audit chain), the automatic rubric from the sandbox's resulting case, the judges'
// marks averaged, the result recorded exactly once — and the real database file untouched by the drill
// (row counts and the audit chain's head before and after).
#include <windowdesk/cases/caseservice.h>
#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/cases/intaketypes.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/training/scenariodrill.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 12, 5), QTime(2, 0), QTimeZone::utc());
const QString kItem =
    u"430104-000301002000-JF-002"_s; // 失业保险金申领: m1 身份证, m2 解除劳动关系证明, m3 社保卡

std::unique_ptr<storage::Database> openDb(const QString &path) {
    auto r = storage::Database::open(path);
    return r.ok() ? std::move(r).value() : nullptr;
}
qint64 scalar(storage::Database &db, const QString &sql) {
    auto q = db.query(sql);
    return q.ok() && q->next() ? q->value(0).toLongLong() : -1;
}
QString text(storage::Database &db, const QString &sql) {
    auto q = db.query(sql);
    return q.ok() && q->next() ? q->value(0).toString() : QString();
}

// A test resident ID with a right check digit (GB 11643), born 1990-03-07 in 430104.
QString testId() {
    const QString first17 = u"43010419900307123"_s;
    return first17 + core::residentIdCheckCharacter(first17);
}

Scenario demoScenario() {
    Scenario s;
    s.title = u"失业保险金申领（缺件）"_s;
    s.brief = u"我刚被单位解除合同，想领失业金。"_s;
    s.applicantName = u"李训练"_s;
    s.idNumber = testId();
    s.phone = u"13800138000"_s;
    s.documents = {{u"m1"_s, u"居民身份证"_s, ScenarioDocument::State::Good},
                   {u"m2"_s, u"解除劳动关系证明（未盖章）"_s, ScenarioDocument::State::Wrong},
                   {u"m3"_s, u"社会保障卡"_s, ScenarioDocument::State::Good}};
    s.events = {{ScenarioEvent::Kind::ScannerFails, 60, u"扫码枪没有反应"_s},
                {ScenarioEvent::Kind::QueueOffline, 120, u"叫号系统掉线"_s}};
    s.timeLimitS = 420;
    s.targetItemCode = kItem;
    s.targetDecision = u"correction_required"_s;
    return s;
}

// What the real database holds that a drill must never change.
struct Snapshot {
    QList<qint64> counts;
    QString auditHead;
    bool operator==(const Snapshot &) const = default;
};
Snapshot snapshot(storage::Database &db) {
    Snapshot s;
    for (const QString &t : {u"cases"_s, u"case_items"_s, u"case_materials"_s, u"case_events"_s, u"drafts"_s,
                             u"queue_tickets"_s, u"audit_log"_s, u"evaluations"_s, u"licenses_seen"_s})
        s.counts.append(scalar(db, u"SELECT count(*) FROM "_s + t));
    s.counts.append(scalar(db, u"SELECT count(*) FROM outbox WHERE kind <> 'training_result'"_s));
    s.auditHead = text(db, u"SELECT seq || ':' || hash FROM audit_log ORDER BY seq DESC LIMIT 1"_s);
    return s;
}

// The trainee's intake in the sandbox, as the intake page submits it.
Result<cases::SubmittedCase> takeIn(storage::Database &sandbox, const Clock &clock, storage::AuditLog &audit,
                                    const QString &item, const QString &decision,
                                    const QMap<QString, QString> &marks, const Scenario &s) {
    auto matter = cases::Matter::loadItem(storage::CatalogRepository(sandbox), item);
    if (!matter)
        return matter.error();
    cases::IntakeDraft d;
    d.applicant.name = s.applicantName;
    d.applicant.idNumber = s.idNumber;
    d.applicant.phone = s.phone;
    d.itemCode = item;
    for (auto it = marks.begin(); it != marks.end(); ++it) {
        d.materials[it.key()].status = it.value();
        if (it.value() == u"missing")
            d.materials[it.key()].reason = u"证明未盖章，需补正"_s;
    }
    d.decision = decision;
    d.decisionReason = u"缺少有效的解除劳动关系证明"_s;
    cases::CaseService svc(sandbox, clock, &audit, {u"clerk-1"_s, u"王五"_s, u"3"_s, u"练习大厅"_s});
    return svc.submit(matter.value(), d);
}

} // namespace

class TstScenarioDrill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scenarioShapeRules() {
        const QDate today(2026, 12, 5);
        Scenario s = demoScenario();
        QVERIFY(validateScenario(s, today).ok());
        auto back = Scenario::fromJson(s.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->toJson(), s.toJson());
        Scenario badId = s;
        badId.idNumber[17] = badId.idNumber[17] == u'0' ? u'1' : u'0'; // wrong check digit
        QCOMPARE(validateScenario(badId, today).error().code, u"invalid_scenario"_s);
        QVERIFY(validateScenario(badId, today).error().message.contains(u"身份证"_s));
        Scenario badPhone = s;
        badPhone.phone = u"12345"_s;
        QVERIFY(!validateScenario(badPhone, today).ok());
        Scenario lateEvent = s;
        lateEvent.events.append({ScenarioEvent::Kind::ApplicantChangesMind, 999, u"改主意了"_s});
        QVERIFY(!validateScenario(lateEvent, today).ok());
    }

    void sandboxHasTheCatalogAndNothingElse() {
        QTemporaryDir dir;
        FixedClock clock(kStart);
        auto real = openDb(dir.filePath(u"real.db"_s));
        QVERIFY(real);
        QVERIFY(storage::DemoHall::load(*real, clock).ok());
        cases::SeedOptions o;
        o.count = 5;
        QVERIFY(cases::DemoCaseSeeder(*real, clock).seed(o).ok());
        QVERIFY(
            real->exec(
                    u"INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('platform.url', 'https://x', '2026-12-01')"_s)
                .ok());
        const Snapshot before = snapshot(*real);
        auto sandbox = ScenarioSandbox::create(*real, dir.filePath(u"sandbox.db"_s));
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.ok() ? QString() : sandbox.error().message));
        storage::Database &sb = *sandbox.value();
        QCOMPARE(sb.schemaVersion(), storage::Database::codeSchemaVersion());
        QCOMPARE(scalar(sb, u"SELECT count(*) FROM service_items"_s),
                 scalar(*real, u"SELECT count(*) FROM service_items"_s));
        QCOMPARE(scalar(sb, u"SELECT count(*) FROM item_materials"_s),
                 scalar(*real, u"SELECT count(*) FROM item_materials"_s));
        QVERIFY(scalar(sb, u"SELECT count(*) FROM catalog_search"_s) > 0);
        auto hits = storage::CatalogSearch(sb).search(u"失业"_s, u"3"_s);
        QVERIFY(hits.ok() && !hits->isEmpty());
        for (const QString &t : {u"cases"_s, u"drafts"_s, u"outbox"_s, u"audit_log"_s, u"users"_s})
            QCOMPARE(scalar(sb, u"SELECT count(*) FROM "_s + t), 0);
        QCOMPARE(scalar(sb, u"SELECT count(*) FROM settings WHERE key LIKE 'platform.%'"_s), 0);
        QCOMPARE(snapshot(*real), before);
        // A sandbox is never made over an existing file.
        QCOMPARE(ScenarioSandbox::create(*real, dir.filePath(u"sandbox.db"_s)).error().code,
                 u"sandbox_exists"_s);
    }

    void drillScoredByRubricAndRealDatabaseUntouched() {
        QTemporaryDir dir;
        FixedClock clock(kStart);
        const QString realPath = dir.filePath(u"real.db"_s);
        auto real = openDb(realPath);
        QVERIFY(real);
        QVERIFY(storage::DemoHall::load(*real, clock).ok());
        cases::SeedOptions o;
        o.count = 4;
        QVERIFY(cases::DemoCaseSeeder(*real, clock).seed(o).ok());
        storage::AuditLog realAudit(*real, clock, nullptr);
        QVERIFY(realAudit.append({u"clerk-1"_s, u"login"_s, QString(), {}}).ok());
        ScenarioDrills drills(*real, clock);
        auto drillId = drills.addDrill(demoScenario(), u"trainer"_s);
        QVERIFY(drillId.ok());
        const Snapshot before = snapshot(*real);

        const QString sandboxPath = dir.filePath(u"drill-1.db"_s);
        auto sandbox = ScenarioSandbox::create(*real, sandboxPath);
        QVERIFY(sandbox.ok());
        auto attempt = drills.start(drillId.value(), u"clerk-1"_s, sandboxPath);
        QVERIFY(attempt.ok());
        QCOMPARE(attempt->kind, u"scenario"_s);
        // One attempt at a time, papers and drills alike.
        QCOMPARE(drills.start(drillId.value(), u"clerk-1"_s, sandboxPath).error().code, u"attempt_open"_s);

        storage::AuditLog sandboxAudit(*sandbox.value(), clock, nullptr);
        clock.advanceSecs(300);
        auto submitted =
            takeIn(*sandbox.value(), clock, sandboxAudit, kItem, u"correction_required"_s,
                   {{u"m1"_s, u"paper"_s}, {u"m2"_s, u"missing"_s}, {u"m3"_s, u"paper"_s}}, demoScenario());
        QVERIFY2(submitted.ok(), qPrintable(submitted.ok() ? QString() : submitted.error().message));
        QCOMPARE(scalar(*sandbox.value(), u"SELECT count(*) FROM cases"_s), 1);
        QVERIFY(scalar(*sandbox.value(), u"SELECT count(*) FROM audit_log"_s) > 0);

        auto outcome = cases::CaseRepository(*sandbox.value()).lastDecidedCase();
        QVERIFY(outcome.ok() && outcome->has_value());
        auto done = drills.finish(attempt->id, outcome.value(), FinishReason::Trainee);
        QVERIFY(done.ok());
        QCOMPARE(done->score, 100.0); // every automatic criterion right, within the time
        QCOMPARE(done->durationS, 300);
        QCOMPARE(TrainingAttempts(*real, clock).verify(attempt->id).value(), true);

        // The judges' criteria: two judges, averaged per criterion.
        QVERIFY(drills.judge(attempt->id, {u"judge-a"_s, u"attitude"_s, 8, 0, u"耐心"_s}).ok());
        QVERIFY(drills.judge(attempt->id, {u"judge-b"_s, u"attitude"_s, 6, 0, QString()}).ok());
        QVERIFY(drills.judge(attempt->id, {u"judge-a"_s, u"explanation"_s, 9, 0, QString()}).ok());
        QCOMPARE(drills.judge(attempt->id, {u"judge-a"_s, u"attitude"_s, 11, 0, QString()}).error().code,
                 u"invalid_judgement"_s);
        auto sc = drills.score(attempt->id);
        QVERIFY(sc.ok());
        QCOMPARE(sc->judges, 2);
        QCOMPARE(sc->max, 120.0);
        QCOMPARE(sc->total, 100.0 + 7.0 + 9.0);
        QVERIFY(drills.finalize(attempt->id).ok());
        QVERIFY(drills.finalize(attempt->id).ok()); // exactly once
        QCOMPARE(scalar(*real, u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 1);
        QCOMPARE(scalar(*real, u"SELECT score FROM training_results"_s), 116);

        // The real database: no case, draft, ticket, audit row or case write came from the drill.
        sandbox.value().reset();
        real.reset();
        real = openDb(realPath);
        QCOMPARE(snapshot(*real), before);
        auto verify = storage::AuditLog(*real, clock, nullptr).verify();
        QVERIFY(verify.ok() && verify->chainOk);
    }

    // Sandboxes are removed: one by remove() (with its companions), and at the next start every one that no
    // open drill uses (a drill that ended in a crash); the open drill's sandbox stays.
    void staleSandboxesAreRemoved() {
        QTemporaryDir dir;
        FixedClock clock(kStart);
        auto real = openDb(dir.filePath(u"real.db"_s));
        QVERIFY(real);
        QVERIFY(storage::DemoHall::load(*real, clock).ok());
        QVERIFY(QDir(dir.path()).mkpath(u"practice"_s));
        const QString practice = dir.filePath(u"practice"_s);
        ScenarioDrills drills(*real, clock);
        const QString drillId = drills.addDrill(demoScenario(), u"trainer"_s).value();
        // clerk-1's drill is open; clerk-2's ended but its files stayed (a crash before the removal).
        const QString openPath = practice + u"/drill-open.db"_s;
        const QString endedPath = practice + u"/drill-ended.db"_s;
        QVERIFY(ScenarioSandbox::create(*real, openPath).ok());
        QVERIFY(ScenarioSandbox::create(*real, endedPath).ok());
        QVERIFY(drills.start(drillId, u"clerk-1"_s, openPath).ok());
        const QString ended = drills.start(drillId, u"clerk-2"_s, endedPath).value().id;
        QVERIFY(drills.finish(ended, std::nullopt, FinishReason::Trainee).ok());
        auto touch = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write("x") == 1;
        };
        QVERIFY(touch(endedPath + u"-wal"_s));
        QVERIFY(touch(practice + u"/drill-orphan.db-shm"_s)); // a companion whose database is gone
        QVERIFY(QDir(practice).mkpath(u"drill-ended.db.notices"_s));
        QVERIFY(touch(endedPath + u".notices/notice.pdf"_s));
        QVERIFY(touch(practice + u"/unrelated.txt"_s));

        QCOMPARE(ScenarioSandbox::removeStale(*real, practice).value(), 1);
        QVERIFY(QFile::exists(openPath));
        QVERIFY(!QFile::exists(endedPath));
        QVERIFY(!QFile::exists(endedPath + u"-wal"_s));
        QVERIFY(!QFile::exists(practice + u"/drill-orphan.db-shm"_s));
        QVERIFY(!QFileInfo::exists(endedPath + u".notices"_s));
        QVERIFY(QFile::exists(practice + u"/unrelated.txt"_s)); // only the sandboxes' own files
        QCOMPARE(ScenarioSandbox::removeStale(*real, practice).value(), 0);

        ScenarioSandbox::remove(openPath);
        QVERIFY(!QFile::exists(openPath));
    }

    void rubricFindsTheMistakes() {
        const Scenario s = demoScenario();
        cases::DecidedCase c;
        c.itemCodes = {u"430104-000301001000-GG-001"_s}; // 失业登记: the wrong item
        c.decision = u"accepted"_s;                      // accepted despite the wrong document
        c.materials = {{kItem + u"/m1"_s, u"paper"_s}, {kItem + u"/m2"_s, u"paper"_s}};
        c.applicantName = s.applicantName;
        c.idNumber = s.idNumber;
        c.phone = u"13900139000"_s; // mistyped
        const auto lines = scoreAutomatic(s, c, 630);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.at(0).criterion, u"item"_s);
        QCOMPARE(lines.at(0).points, 0.0);
        QCOMPARE(lines.at(1).points, 10.0); // only m1 of three right
        QCOMPARE(lines.at(2).points, 0.0);
        QCOMPARE(lines.at(3).points, std::round(10 * 2 / 3.0 * 100) / 100);
        QCOMPARE(lines.at(4).points, 5.0); // 630 s of 420: half way to twice the limit
        const auto nothing = scoreAutomatic(s, std::nullopt, 100);
        double total = 0;
        for (const auto &l : nothing)
            total += l.points;
        QCOMPARE(total, 10.0); // only the time
    }
};

QTEST_GUILESS_MAIN(TstScenarioDrill)
#include "tst_scenariodrill.moc"
