// The trainer's scenario drills without widgets (issue 15, 情景演练编辑) on a real SQLite file with the demo
// hall's catalog: every rule of validateScenarioAgainstCatalog() has a case that breaks it (and the message
// names the field in Chinese), warnings are told apart from errors; the store saves only what passes,
// audits creating / editing / closing with the applicant's ID and phone masked, never rewrites a drill that
// has attempts (a new version, the old one closed), refuses to edit a closed one; a shared JSON file round
// trips and a bad one imports nothing and lists every error; the demo sample is seeded once. The test
// applicant's ID and phone generators are checked against GB 11643 computed here, not by the code under test.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/core/regiondirectory.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/training/scenariocheck.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/training/scenariostore.h>

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 12, 5), QTime(2, 0), QTimeZone::utc());
const QString kItem = u"430104-000301002000-JF-002"_s; // 失业保险金申领: m1, m2, m3 required, no 告知承诺
const QString kCommitItem =
    u"430104-000201001000-XK-001"_s; // 个体工商户设立登记: m3 allows 告知承诺, m4 optional
const QString kLegalItem = u"430104-000201005000-XK-005"_s; // 食品经营许可（新办）: legal persons only
const QString kRetiredItem = u"430104-000301004000-GG-004"_s; // 社会保障卡申领, deleted by initTestCase

// GB 11643-1999 check character, computed here from the standard's weights (not by the code under test).
QChar gbCheck(const QString &first17) {
    static const int weights[17]{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += first17.at(i).digitValue() * weights[i];
    return QStringLiteral("10X98765432").at(sum % 11);
}

Scenario base() {
    return ScenarioStore::demoScenario(); // 失业保险金申领, m2 wrong, target 补正
}

qint64 scalar(storage::Database &db, const QString &sql, const QVariantList &binds = {}) {
    auto q = db.query(sql, binds);
    return q.ok() && q->next() ? q->value(0).toLongLong() : -1;
}

// The problems of `s` on `field` as "E:" / "W:" + message.
QStringList on(const QList<ScenarioProblem> &ps, const QString &field) {
    QStringList out;
    for (const ScenarioProblem &p : ps)
        if (p.field == field)
            out.append((p.isError() ? u"E:"_s : u"W:"_s) + p.message);
    return out;
}

} // namespace

class TstScenarioCheck : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"hall.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        // An item withdrawn from the catalog (its rows kept for old cases).
        QVERIFY(m_db->exec(u"UPDATE service_items SET deleted = 1 WHERE code = ?"_s, {kRetiredItem}).ok());
    }
    void cleanupTestCase() {
        m_audit.reset();
        m_db.reset();
    }

    void theDemoSampleBreaksNoRule() {
        const auto ps = validateScenarioAgainstCatalog(base(), m_clock.todayCst(), *m_db);
        QVERIFY2(ps.isEmpty(),
                 qPrintable(problemMessages(ps, ScenarioProblem::Severity::Error)
                                .join(u';')
                                .append(problemMessages(ps, ScenarioProblem::Severity::Warning).join(u';'))));
    }

    void eachRuleHasACaseThatBreaksIt_data() {
        QTest::addColumn<int>("rule");
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("error");
        QTest::addColumn<QString>("words"); // in the message
        int r = 0;
        QTest::addRow("no title") << r++ << u"title"_s << true << u"标题"_s;
        QTest::addRow("no brief") << r++ << u"brief"_s << true << u"情景简介"_s;
        QTest::addRow("no applicant name") << r++ << u"applicant.name"_s << true << u"姓名"_s;
        QTest::addRow("bad ID check digit") << r++ << u"applicant.id_number"_s << true << u"身份证号"_s;
        QTest::addRow("bad phone") << r++ << u"applicant.phone"_s << true << u"手机号"_s;
        QTest::addRow("no target item") << r++ << u"target.item_code"_s << true << u"目标事项"_s;
        QTest::addRow("item not in catalog")
            << r++ << u"target.item_code"_s << true << u"不在本厅的事项目录"_s;
        QTest::addRow("item withdrawn") << r++ << u"target.item_code"_s << true << u"已从事项目录中撤销"_s;
        QTest::addRow("unknown decision") << r++ << u"target.decision"_s << true << u"目标决定"_s;
        QTest::addRow("time limit too short") << r++ << u"time_limit_s"_s << true << u"时限"_s;
        QTest::addRow("no documents") << r++ << u"documents"_s << true << u"至少要带一份材料"_s;
        QTest::addRow("foreign material")
            << r++ << u"documents[3]"_s << true << u"不属于目标事项“失业保险金申领”"_s;
        QTest::addRow("material twice") << r++ << u"documents[3]"_s << true << u"已经列过一次"_s;
        QTest::addRow("document without name")
            << r++ << u"documents[0]"_s << true << u"第 1 份材料需要名称"_s;
        QTest::addRow("event after the limit") << r++ << u"events[2]"_s << true << u"超出时限"_s;
        QTest::addRow("events out of order") << r++ << u"events[1]"_s << true << u"按时间先后"_s;
        QTest::addRow("applicant says nothing") << r++ << u"events[1]"_s << true << u"说的话"_s;
        QTest::addRow("negative points") << r++ << u"points"_s << true << u"不能为负"_s;
        QTest::addRow("judged criterion twice") << r++ << u"judged[1]"_s << true << u"重复"_s;
        QTest::addRow("accepted with a required material wrong")
            << r++ << u"target.decision"_s << true << u"窗口不能受理"_s;
        QTest::addRow("correction with every document right")
            << r++ << u"target.decision"_s << true << u"没有需要补正的内容"_s;
        QTest::addRow("accepted only by commitment (warning)")
            << r++ << u"target.decision"_s << false << u"告知承诺"_s;
        QTest::addRow("rejected with materials short (warning)")
            << r++ << u"target.decision"_s << false << u"通常应一次性告知补正"_s;
        QTest::addRow("required material not listed (warning)")
            << r++ << u"documents"_s << false << u"终止或者解除劳动关系证明没有列出"_s;
        QTest::addRow("legal-person item (warning)")
            << r++ << u"target.item_code"_s << false << u"只面向法人"_s;
    }

    void eachRuleHasACaseThatBreaksIt() {
        QFETCH(int, rule);
        QFETCH(QString, field);
        QFETCH(bool, error);
        QFETCH(QString, words);
        Scenario s = base();
        using St = ScenarioDocument::State;
        using K = ScenarioEvent::Kind;
        const QString first17 = s.idNumber.left(17);
        const QChar wrongCheck = gbCheck(first17) == u'1' ? u'2' : u'1';
        const QList<std::function<void()>> breakIt{
            [&] { s.title = u"  "_s; },
            [&] { s.brief.clear(); },
            [&] { s.applicantName.clear(); },
            [&] { s.idNumber = first17 + wrongCheck; },
            [&] { s.phone = u"12345"_s; },
            [&] { s.targetItemCode.clear(); },
            [&] { s.targetItemCode = u"430104-999999999999-XX-999"_s; },
            [&] { s.targetItemCode = kRetiredItem; },
            [&] { s.targetDecision = u"approved"_s; },
            [&] { s.timeLimitS = 30, s.events.clear(); },
            [&] { s.documents.clear(); },
            [&] {
                s.documents.append({u"m9"_s, u"户口簿"_s, St::Good});
            },
            [&] {
                s.documents.append({u"m2"_s, u"劳动合同"_s, St::Good});
            },
            [&] { s.documents[0].name = u" "_s; },
            [&] { s.events[2].atS = s.timeLimitS + 1; },
            [&] { s.events[1].atS = 10; },
            [&] {
                s.events[1] = {K::Say, 150, u" "_s};
            },
            [&] { s.materialsPoints = -5; },
            [&] {
                s.judgedCriteria = {{u"attitude"_s, 10}, {u"attitude"_s, 5}};
            },
            [&] { s.targetDecision = u"accepted"_s; },
            [&] { s.documents[1].state = St::Good; },
            [&] {
                s.targetItemCode = kCommitItem;
                s.documents = {{u"m1"_s, u"身份证"_s, St::Good},
                               {u"m2"_s, u"申请书"_s, St::Good},
                               {u"m3"_s, u"租房合同（没带）"_s, St::Missing}};
                s.targetDecision = u"accepted"_s;
            },
            [&] { s.targetDecision = u"rejected"_s; },
            [&] {
                s.documents.removeAt(1);
                s.documents[1].state = St::Missing; // something to correct still
            },
            [&] {
                s.targetItemCode = kLegalItem;
                s.documents = {{u"m1"_s, u"营业执照"_s, St::Missing}};
            },
        };
        QCOMPARE(breakIt.size(), 25);
        breakIt.at(rule)();
        const auto ps = validateScenarioAgainstCatalog(s, m_clock.todayCst(), *m_db);
        const QStringList found = on(ps, field);
        const QString expected = (error ? u"E:"_s : u"W:"_s);
        bool hit = false;
        for (const QString &f : found)
            hit = hit || (f.startsWith(expected) && f.contains(words));
        QVERIFY2(hit, qPrintable(u"%1 on %2, got: %3"_s.arg(expected + words, field, found.join(u" | "_s))));
        QCOMPARE(hasErrors(ps), error);
        // The store refuses exactly the scenarios with errors, and then stores nothing.
        ScenarioStore store(*m_db, m_clock, m_audit.get());
        const qint64 before = scalar(*m_db, u"SELECT count(*) FROM training_drills"_s);
        auto saved = store.save(QString(), s, u"u-trainer"_s);
        QCOMPARE(saved.ok(), !error);
        if (error) {
            QCOMPARE(saved.error().code, u"invalid_scenario"_s);
            QVERIFY(saved.error().message.contains(words));
            QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM training_drills"_s), before);
        } else { // a warning is kept with the audit row: the trainer confirmed it
            auto q =
                m_db->query(u"SELECT details_json FROM audit_log WHERE action = 'training_scenario_saved' "
                            u"AND target = ?"_s,
                            {saved->id});
            QVERIFY(q.ok() && q->next());
            QVERIFY(q->value(0).toString().contains(words));
        }
    }

    void validateScenarioKeepsItsFirstMessage() {
        Scenario s = base();
        s.phone = u"12345"_s;
        s.applicantName.clear();
        const Status v = validateScenario(s, m_clock.todayCst());
        QCOMPARE(v.error().message, u"模拟申请人需要姓名"_s);
    }

    void savingIsAuditedWithTheApplicantMasked() {
        ScenarioStore store(*m_db, m_clock, m_audit.get());
        auto saved = store.save(QString(), base(), u"u-trainer"_s);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        auto q = m_db->query(uR"(SELECT user_id, details_json FROM audit_log
            WHERE action = 'training_scenario_saved' AND target = ?)"_s,
                             {saved->id});
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), u"u-trainer"_s);
        const QString details = q->value(1).toString();
        QVERIFY(details.contains(base().title));
        QVERIFY2(!details.contains(base().idNumber) && !details.contains(base().phone), qPrintable(details));
        QVERIFY(details.contains(core::maskIdNumber(base().idNumber)));
        auto stored = store.get(saved->id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->scenario.toJson(), base().toJson());
        QVERIFY(stored->open);
        QCOMPARE(stored->version, 1);
        QVERIFY(m_audit->verify().ok());
    }

    void editingWithoutAttemptsChangesInPlaceAndWithAttemptsMakesAVersion() {
        ScenarioStore store(*m_db, m_clock, m_audit.get());
        ScenarioDrills drills(*m_db, m_clock);
        Scenario s = base();
        s.title = u"版本测试"_s;
        const QString id = store.save(QString(), s, u"u-trainer"_s).value().id;
        s.timeLimitS = 600;
        auto same = store.save(id, s, u"u-trainer"_s);
        QVERIFY(same.ok());
        QCOMPARE(same->id, id);
        QVERIFY(!same->newVersion);
        QCOMPARE(store.get(id)->scenario.timeLimitS, 600);

        // A trainee takes it: the drill that scored them is never rewritten.
        const QString attempt = drills.start(id, u"clerk-1"_s, m_dir.filePath(u"drill-x.db"_s)).value().id;
        QVERIFY(drills.finish(attempt, std::nullopt, FinishReason::Trainee).ok());
        Scenario changed = s;
        changed.judgedCriteria = {{u"attitude"_s, 20}};
        auto v2 = store.save(id, changed, u"u-trainer"_s);
        QVERIFY(v2.ok());
        QVERIFY(v2->newVersion);
        QCOMPARE(v2->replacedId, id);
        QVERIFY(v2->id != id);
        const StoredScenario old = store.get(id).value();
        QVERIFY(!old.open);
        QCOMPARE(old.scenario.toJson(), s.toJson()); // what the attempt was taken under
        QCOMPARE(drills.score(attempt)->max, s.automaticMax() + s.judgedMax()); // scored as before
        const StoredScenario now = store.get(v2->id).value();
        QVERIFY(now.open);
        QCOMPARE(now.version, 2);
        QCOMPARE(now.previousId, id);
        QCOMPARE(now.attempts, 0);
        QStringList offered;
        const auto open = drills.openScenarios().value();
        for (const auto &o : open)
            offered.append(o.first);
        QVERIFY(offered.contains(v2->id) && !offered.contains(id));
        auto q = m_db->query(u"SELECT details_json FROM audit_log WHERE action = 'training_scenario_saved' "
                             u"AND target = ?"_s,
                             {v2->id});
        QVERIFY(q.ok() && q->next());
        QVERIFY(q->value(0).toString().contains(id)); // "replaces"

        // A closed drill is not edited.
        auto refused = store.save(id, changed, u"u-trainer"_s);
        QCOMPARE(refused.error().code, u"closed"_s);
        QVERIFY(refused.error().message.contains(u"复制"_s));
    }

    void closingArchivesAndIsAudited() {
        ScenarioStore store(*m_db, m_clock, m_audit.get());
        Scenario s = base();
        s.title = u"关闭测试"_s;
        const QString id = store.save(QString(), s, u"u-trainer"_s).value().id;
        QVERIFY(store.close(id, u"u-trainer"_s).ok());
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM training_drills WHERE id = ?"_s, {id}), 1); // kept
        QVERIFY(!store.get(id)->open);
        const auto open = ScenarioDrills(*m_db, m_clock).openScenarios().value();
        for (const auto &o : open)
            QVERIFY(o.first != id);
        QCOMPARE(
            scalar(
                *m_db,
                u"SELECT count(*) FROM audit_log WHERE action = 'training_scenario_closed' AND target = ?"_s,
                {id}),
            1);
        QCOMPARE(store.close(id, u"u-trainer"_s).error().code, u"closed"_s);
        // Listed after the open ones.
        const auto all = store.list().value();
        bool seenClosed = false;
        for (const StoredScenario &x : all) {
            QVERIFY2(!(seenClosed && x.open), "an open drill after a closed one");
            seenClosed = seenClosed || !x.open;
        }
        QVERIFY(seenClosed);
    }

    void aSharedFileRoundTripsAndABadOneListsEveryError() {
        ScenarioStore store(*m_db, m_clock, m_audit.get());
        const QByteArray file = ScenarioStore::exportJson(base());
        QVERIFY(file.contains("windowdesk.scenario/1"));
        const ScenarioImport good = store.readImport(file);
        QVERIFY2(good.errors.isEmpty(), qPrintable(good.errors.join(u';')));
        QVERIFY(good.scenario);
        QCOMPARE(good.scenario->toJson(), base().toJson());

        Scenario bad = base();
        bad.idNumber = u"430104199003152340"_s; // wrong check digit
        bad.documents.append({u"m7"_s, u"营业执照"_s, ScenarioDocument::State::Good});
        bad.events.append({ScenarioEvent::Kind::QueueOffline, 9999, QString()});
        const ScenarioImport imported = store.readImport(ScenarioStore::exportJson(bad));
        QVERIFY(!imported.scenario);
        QCOMPARE(imported.errors.size(), 3);
        QVERIFY(imported.errors.join(u'\n').contains(u"身份证号"_s));
        QVERIFY(imported.errors.join(u'\n').contains(u"m7 不属于"_s));
        QVERIFY(imported.errors.join(u'\n').contains(u"9999 秒超出时限"_s));

        QVERIFY(!store.readImport("{ not json").errors.isEmpty());
        QVERIFY(store.readImport("[1,2]").errors.first().contains(u"JSON 对象"_s));
        QVERIFY(
            store.readImport(R"({"format":"windowdesk.bank/1"})").errors.first().contains(u"不是情景演练"_s));
        QVERIFY(store.readImport(R"({"title":"x","events":[{"kind":"explode","at_s":1}]})")
                    .errors.first()
                    .contains(u"events[0].kind"_s));
    }

    void theDemoHallGetsItsSampleOnce() {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(u"demo.db"_s));
        QVERIFY(db.ok());
        QVERIFY(storage::DemoHall::load(*db.value(), m_clock).ok());
        storage::AuditLog audit(*db.value(), m_clock, nullptr);
        ScenarioStore store(*db.value(), m_clock, &audit);
        auto first = store.seedDemoIfNeeded();
        QVERIFY(first.ok() && !first->isEmpty());
        const auto offered = ScenarioDrills(*db.value(), m_clock).openScenarios().value();
        QCOMPARE(offered.size(), 1);
        QCOMPARE(offered.first().second.targetItemCode, kItem);
        QCOMPARE(store.seedDemoIfNeeded().value(), QString()); // one exists
        QVERIFY(store.close(first.value(), u"u-trainer"_s).ok());
        QCOMPARE(store.seedDemoIfNeeded().value(), QString()); // closed by the trainer: not back
        QCOMPARE(scalar(*db.value(), u"SELECT count(*) FROM training_drills WHERE kind = 'scenario'"_s), 1);

        // A hall on a platform gets no demo drill.
        QTemporaryDir other;
        auto pdb = storage::Database::open(other.filePath(u"p.db"_s));
        QVERIFY(pdb.ok());
        QVERIFY(storage::DemoHall::load(*pdb.value(), m_clock).ok());
        QVERIFY(
            pdb.value()
                ->exec(
                    u"INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('platform.url', 'https://x', '2026-12-05T00:00:00Z')"_s)
                .ok());
        QCOMPARE(ScenarioStore(*pdb.value(), m_clock, nullptr).seedDemoIfNeeded().value(), QString());
    }

    void generatedIdNumbersAreValidGb11643() {
        QRandomGenerator rng(20261205);
        const QDate today = m_clock.todayCst();
        static const QRegularExpression shape(u"^\\d{17}[\\dX]$"_s);
        for (int i = 0; i < 500; ++i) {
            const QString id = generateTestResidentId(rng, today);
            QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
            QCOMPARE(id.at(17), gbCheck(id.left(17)));
            const core::Region *region = core::RegionDirectory::embedded().find(id.left(6));
            QVERIFY2(region && !region->isProvince() && !id.left(6).endsWith(u"00"_s), qPrintable(id));
            const QDate birth = QDate::fromString(id.mid(6, 8), u"yyyyMMdd"_s);
            QVERIFY2(birth.isValid(), qPrintable(id));
            QVERIFY(birth <= today.addYears(-18) && birth > today.addYears(-70));
            QVERIFY(id.mid(14, 3) != u"000"_s);
            QVERIFY2(core::validateResidentId(id, today).valid, qPrintable(id)); // the intake page takes it
        }
    }

    void generatedMobilesAreValid() {
        QRandomGenerator rng(7);
        static const QRegularExpression shape(u"^1[3-9]\\d{9}$"_s);
        QSet<QString> seen;
        for (int i = 0; i < 500; ++i) {
            const QString phone = generateTestMobile(rng);
            QVERIFY2(shape.match(phone).hasMatch(), qPrintable(phone));
            QVERIFY(core::validatePhone(phone).valid);
            seen.insert(phone);
        }
        QVERIFY(seen.size() > 490); // not one number over and over
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{kNow};
    std::unique_ptr<storage::AuditLog> m_audit;
};

QTEST_GUILESS_MAIN(TstScenarioCheck)
#include "tst_scenariocheck.moc"
