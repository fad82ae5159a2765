// `windowdeskctl training generate` and `training paper` as processes (cli.md, "Training blueprints"), each
// paper checked by this test's own reading of the database, not by the drawing code: no question twice,
// sections filled in file order with the category, kind and points the blueprint says, options_order a
// permutation of the question's options, least-used questions first (across trainees, and when the bank
// wraps round), the paper stored whole and counted as one use of each question; the same seed on the same
// bank state gives the same paper; bank_too_small and bad blueprints record nothing.
#include "ctlrun.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using ctltest::ctl;
using ctltest::Run;

namespace {

struct Active {
    QString category;
    QString kind;
    int uses = 0;
    int version = 0;
    int options = 0;
};

struct Section {
    std::optional<QString> category;
    std::optional<QString> kind;
    int count = 0;
    double points = 0;
};

} // namespace

class TestCtlTraining : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    int m_conn = 0;

    // Runs one read on its own connection (closed before the next windowdeskctl run).
    template <typename Fn> void read(const QString &db, Fn fn) {
        const QString name = u"t%1"_s.arg(++m_conn);
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            c.setDatabaseName(db);
            QVERIFY(c.open());
            QSqlQuery q(c);
            fn(q);
        }
        QSqlDatabase::removeDatabase(name);
    }
    qint64 scalar(const QString &sql, const QString &db = {}) {
        qint64 v = -1;
        read(db.isEmpty() ? m_db : db, [&](QSqlQuery &q) {
            if (q.exec(sql) && q.next())
                v = q.value(0).toLongLong();
        });
        return v;
    }
    QHash<QString, Active> activeBank() {
        QHash<QString, Active> out;
        read(m_db, [&](QSqlQuery &q) {
            QVERIFY(q.exec(u"SELECT id, category, kind, uses, version, options_json FROM training_questions "
                           u"WHERE status = 'active'"_s));
            while (q.next())
                out.insert(q.value(0).toString(),
                           {q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                            q.value(4).toInt(),
                            int(QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array().size())});
        });
        return out;
    }
    // What a draw may not change when it records nothing.
    QString recordedState() {
        return u"%1/%2/%3/%4"_s.arg(scalar(u"SELECT count(*) FROM training_papers"_s))
            .arg(scalar(u"SELECT count(*) FROM training_paper_questions"_s))
            .arg(scalar(u"SELECT count(*) FROM training_drills"_s))
            .arg(scalar(u"SELECT total(uses) FROM training_questions"_s));
    }

    QString blueprint(const QString &name, const QList<Section> &sections,
                      const QString &policy = u"proportional"_s) {
        QJsonArray secs;
        for (const Section &s : sections)
            secs.append(QJsonObject{{u"category"_s, s.category ? QJsonValue(*s.category) : QJsonValue()},
                                    {u"kind"_s, s.kind ? QJsonValue(*s.kind) : QJsonValue()},
                                    {u"count"_s, s.count},
                                    {u"points"_s, s.points}});
        return rawFile(name, QJsonDocument(QJsonObject{{u"name"_s, name},
                                                       {u"pass_score"_s, 90},
                                                       {u"multiple_policy"_s, policy},
                                                       {u"time_limit_s"_s, 3600},
                                                       {u"sections"_s, secs}})
                                 .toJson());
    }
    QString rawFile(const QString &name, const QByteArray &content) {
        const QString path = m_dir.filePath(name + u".json"_s);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }

    Run paper(const QString &bp, const QString &trainee, std::optional<qint64> seed, const QString &db = {}) {
        QStringList args{u"training"_s,  u"paper"_s, u"--blueprint"_s, bp,
                         u"--trainee"_s, trainee,    u"--json"_s};
        if (seed)
            args << u"--seed"_s << QString::number(*seed);
        return ctl(db.isEmpty() ? m_db : db, args);
    }

    // The independent check of one drawn paper against the bank as it was just before the draw.
    void checkPaper(const Run &r, const QList<Section> &sections, const QHash<QString, Active> &before) {
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.json.value(u"seed"_s).isDouble());
        const QJsonArray qs = r.json.value(u"questions"_s).toArray();
        int expected = 0;
        for (const Section &s : sections)
            expected += s.count;
        QCOMPARE(int(qs.size()), expected);
        QSet<QString> taken;
        qsizetype pos = 0;
        for (const Section &s : sections) {
            QSet<QString> chosen;
            int maxChosenUses = -1;
            for (int i = 0; i < s.count; ++i, ++pos) {
                const QJsonObject q = qs.at(pos).toObject();
                for (const char16_t *k : {u"id", u"category", u"kind", u"points", u"options_order"})
                    QVERIFY2(q.contains(QStringView(k)), qPrintable(QString::fromUtf16(k)));
                const QString id = q.value(u"id"_s).toString();
                QVERIFY2(!taken.contains(id), qPrintable(u"question twice: "_s + id));
                taken.insert(id);
                chosen.insert(id);
                QVERIFY2(before.contains(id), qPrintable(u"not an active question: "_s + id));
                const Active &a = before.value(id);
                QCOMPARE(q.value(u"category"_s).toString(), a.category);
                QCOMPARE(q.value(u"kind"_s).toString(), a.kind);
                if (s.category)
                    QCOMPARE(a.category, *s.category);
                if (s.kind)
                    QCOMPARE(a.kind, *s.kind);
                QCOMPARE(q.value(u"points"_s).toDouble(), s.points);
                QList<int> order;
                for (const auto &v : q.value(u"options_order"_s).toArray())
                    order.append(v.toInt());
                QCOMPARE(int(order.size()), a.options);
                std::sort(order.begin(), order.end());
                for (int k = 0; k < order.size(); ++k)
                    QCOMPARE(order.at(k), k);
                maxChosenUses = std::max(maxChosenUses, a.uses);
            }
            // Least used first: no question the section could have taken was used less than one it took.
            for (auto it = before.cbegin(); it != before.cend(); ++it) {
                if (taken.contains(it.key()) || (s.category && it->category != *s.category) ||
                    (s.kind && it->kind != *s.kind))
                    continue;
                QVERIFY2(
                    it->uses >= maxChosenUses,
                    qPrintable(u"%1 (used %2) left out for one used %3"_s.arg(it.key()).arg(it->uses).arg(
                        maxChosenUses)));
            }
        }
        // Counted as one use each, nothing else changed; stored whole.
        const QHash<QString, Active> after = activeBank();
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()).uses, it->uses + (taken.contains(it.key()) ? 1 : 0));
        const QString paperId = r.json.value(u"paper_id"_s).toString();
        QVERIFY(!paperId.isEmpty());
        QJsonArray stored;
        read(m_db, [&](QSqlQuery &q) {
            q.prepare(u"SELECT question_id, question_version, points, options_order_json FROM "
                      u"training_paper_questions WHERE paper_id = ? ORDER BY position"_s);
            q.addBindValue(paperId);
            QVERIFY(q.exec());
            while (q.next())
                stored.append(QJsonArray{q.value(0).toString(), q.value(1).toInt(), q.value(2).toDouble(),
                                         QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array()});
        });
        QCOMPARE(stored.size(), qs.size());
        for (qsizetype i = 0; i < qs.size(); ++i) {
            const QJsonObject q = qs.at(i).toObject();
            const QString id = q.value(u"id"_s).toString();
            QCOMPARE(stored.at(i).toArray(),
                     (QJsonArray{id, before.value(id).version, q.value(u"points"_s).toDouble(),
                                 q.value(u"options_order"_s).toArray()}));
        }
        QCOMPARE(scalar(u"SELECT seed FROM training_papers WHERE id = '%1'"_s.arg(paperId)),
                 qint64(r.json.value(u"seed"_s).toDouble()));
    }

    QSet<QString> ids(const Run &r) {
        QSet<QString> out;
        for (const auto &v : r.json.value(u"questions"_s).toArray())
            out.insert(v.toObject().value(u"id"_s).toString());
        return out;
    }

    bool copyDatabase(const QString &to) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
            QFile::remove(to + suffix);
            if (QFile::exists(m_db + suffix) && !QFile::copy(m_db + suffix, to + suffix))
                return false;
        }
        return true;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"training.db"_s);
        QCOMPARE(ctl(m_db, {u"catalog"_s, u"count"_s}).exitCode, 0); // loads the demo hall
    }

    void generate() {
        const Run r = ctl(m_db, {u"training"_s, u"generate"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.keys(), (QStringList{u"by_kind"_s, u"new"_s, u"questions"_s, u"retired"_s}));
        const QJsonObject byKind = r.json.value(u"by_kind"_s).toObject();
        QCOMPARE(byKind.keys(), (QStringList{u"multiple"_s, u"single"_s, u"true_false"_s}));
        const int n = r.json.value(u"questions"_s).toInt();
        QVERIFY(n > 300);
        QCOMPARE(byKind.value(u"single"_s).toInt() + byKind.value(u"multiple"_s).toInt() +
                     byKind.value(u"true_false"_s).toInt(),
                 n);
        QCOMPARE(r.json.value(u"new"_s).toInt(), n);
        QCOMPARE(r.json.value(u"retired"_s).toInt(), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM training_questions WHERE status = 'active'"_s), qint64(n));
        for (const QString &c : {u"materials"_s, u"time_limits"_s, u"departments"_s, u"commitment"_s,
                                 u"bundles"_s, u"instant"_s})
            QVERIFY2(scalar(u"SELECT count(*) FROM training_questions WHERE category = '%1'"_s.arg(c)) > 0,
                     qPrintable(c));

        const Run again = ctl(m_db, {u"training"_s, u"generate"_s, u"--json"_s});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json.value(u"new"_s).toInt(), 0);
        QCOMPARE(again.json.value(u"retired"_s).toInt(), 0);
        QCOMPARE(again.json.value(u"questions"_s).toInt(), n);
        QCOMPARE(again.json.value(u"by_kind"_s).toObject(), byKind);
    }

    void aSmallCategoryWrapsRoundLeastUsedFirst() {
        const qint64 n = scalar(u"SELECT count(*) FROM training_questions WHERE status = 'active' AND "
                                u"category = 'commitment' AND kind = 'single'"_s);
        QVERIFY(n >= 4);
        const int take = int(n) - 2;
        const QList<Section> sections{{u"commitment"_s, u"single"_s, take, 1}};
        const QString bp = blueprint(u"告知承诺"_s, sections, u"all_or_nothing"_s);
        auto before = activeBank();
        for (const Active &a : std::as_const(before)) // the first paper drawn on this bank
            QCOMPARE(a.uses, 0);
        const Run x = paper(bp, u"王五"_s, 1);
        checkPaper(x, sections, before);
        before = activeBank();
        const Run y = paper(bp, u"赵六"_s, 1);
        checkPaper(y, sections, before);
        // The two questions the first paper left are in the second one.
        int leftOver = 0;
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (it->category == u"commitment" && it->kind == u"single" && !ids(x).contains(it.key())) {
                QVERIFY(ids(y).contains(it.key()));
                ++leftOver;
            }
        QCOMPARE(leftOver, 2);
    }

    void papersForTwoTraineesLeastUsedFirst() {
        const QList<Section> sections{{u"materials"_s, u"multiple"_s, 5, 2},
                                      {std::nullopt, u"true_false"_s, 20, 1},
                                      {u"instant"_s, std::nullopt, 4, 1.5},
                                      {std::nullopt, std::nullopt, 10, 1}};
        const QString bp = blueprint(u"综合"_s, sections);
        auto before = activeBank();
        const Run a = paper(bp, u"张三"_s, 7);
        checkPaper(a, sections, before);
        QCOMPARE(r_seed(a), qint64(7));

        before = activeBank();
        const Run b = paper(bp, u"李四"_s, 8);
        checkPaper(b, sections, before);
        // Every section has more unused questions than it takes: the second paper shares nothing with the
        // first.
        QVERIFY(!ids(a).intersects(ids(b)));
        QCOMPARE(scalar(u"SELECT count(*) FROM training_papers WHERE trainee_id IN ('张三', '李四')"_s),
                 qint64(2));
    }

    void sameSeedSameBankStateSamePaper() {
        const QList<Section> sections{{std::nullopt, std::nullopt, 30, 1},
                                      {u"time_limits"_s, u"single"_s, 5, 2}};
        const QString bp = blueprint(u"重放"_s, sections);
        const QString copy = m_dir.filePath(u"copy.db"_s);
        QVERIFY(copyDatabase(copy));
        const auto before = activeBank();
        const Run one = paper(bp, u"张三"_s, 424242);
        checkPaper(one, sections, before);
        const Run two = paper(bp, u"张三"_s, 424242, copy);
        QCOMPARE(two.exitCode, 0);
        QCOMPARE(two.out, one.out);
        // The bank state changed (those questions were used once more): the same seed now draws others.
        const Run three = paper(bp, u"张三"_s, 424242);
        QCOMPARE(three.exitCode, 0);
        QVERIFY(!ids(three).intersects(ids(one)));
        // Another seed on the copy's state gives another paper.
        const Run other = paper(bp, u"张三"_s, 424243, copy);
        QCOMPARE(other.exitCode, 0);
        QVERIFY(ids(other) != ids(one));
    }

    void defaultSeedIsRandomAndPrinted() {
        const QList<Section> sections{{std::nullopt, std::nullopt, 3, 1}};
        const QString bp = blueprint(u"随机"_s, sections);
        auto before = activeBank();
        const Run r = paper(bp, u"孙七"_s, std::nullopt);
        checkPaper(r, sections, before);
        const double seed = r.json.value(u"seed"_s).toDouble();
        QVERIFY(seed >= 0 && seed <= 9007199254740991.0 && seed == std::floor(seed));
    }

    void bankTooSmallRecordsNothing() {
        const qint64 available =
            scalar(u"SELECT count(*) FROM training_questions WHERE status = 'active' AND "
                   u"category = 'commitment' AND kind = 'single'"_s);
        const QString bp = blueprint(u"太多"_s, {{u"materials"_s, u"multiple"_s, 2, 1},
                                                 {u"commitment"_s, u"single"_s, int(available) + 1, 1},
                                                 {u"instant"_s, std::nullopt, 1, 1}});
        const QString state = recordedState();
        const Run r = paper(bp, u"张三"_s, 5);
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(
            r.json,
            (QJsonObject{{u"error"_s, u"bank_too_small"_s}, {u"section"_s, 1}, {u"available"_s, available}}));
        QCOMPARE(recordedState(), state);
        // A category nobody wrote questions for.
        const Run none = paper(blueprint(u"无此类"_s, {{u"政策法规"_s, std::nullopt, 1, 1}}), u"张三"_s, 5);
        QCOMPARE(none.exitCode, 3);
        QCOMPARE(none.json,
                 (QJsonObject{{u"error"_s, u"bank_too_small"_s}, {u"section"_s, 0}, {u"available"_s, 0}}));
        QCOMPARE(recordedState(), state);
    }

    void badBlueprintOrOptionsAreUsageErrors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        const QByteArray ok = R"({"name": "x", "pass_score": 60, "multiple_policy": "all_or_nothing",
            "time_limit_s": 600, "sections": [SECTION]})";
        auto with = [&](const char *section) {
            return QByteArray(ok).replace("SECTION", section);
        };
        QTest::addRow("not json") << QByteArray("{\"name\": ") << u"not JSON"_s;
        QTest::addRow("an array") << QByteArray("[]") << u"one JSON object"_s;
        QTest::addRow("no sections") << QByteArray(R"({"name": "x", "pass_score": 60, "multiple_policy":
            "all_or_nothing", "time_limit_s": 600})")
                                     << u"sections"_s;
        QTest::addRow("count 0") << with(R"({"category": null, "kind": null, "count": 0, "points": 1})")
                                 << u"sections[0].count"_s;
        QTest::addRow("count 1.5") << with(R"({"category": null, "kind": null, "count": 1.5, "points": 1})")
                                   << u"sections[0].count"_s;
        QTest::addRow("unknown kind")
            << with(R"({"category": null, "kind": "essay", "count": 1, "points": 1})")
            << u"sections[0].kind"_s;
        QTest::addRow("category a number")
            << with(R"({"category": 5, "kind": null, "count": 1, "points": 1})") << u"sections[0].category"_s;
        QTest::addRow("negative points")
            << with(R"({"category": null, "kind": null, "count": 1, "points": -1})")
            << u"sections[0].points"_s;
        QTest::addRow("policy") << QByteArray(R"({"name": "x", "pass_score": 60, "multiple_policy": "most",
            "time_limit_s": 600, "sections": [{"category": null, "kind": null, "count": 1, "points": 1}]})")
                                << u"multiple_policy"_s;
    }
    void badBlueprintOrOptionsAreUsageErrors() {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        const QString state = recordedState();
        const Run r = paper(rawFile(u"bad"_s, content), u"张三"_s, 1);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(recordedState(), state);
    }

    void badOptions() {
        const QString bp = blueprint(u"选项"_s, {{std::nullopt, std::nullopt, 1, 1}});
        const QString state = recordedState();
        auto run = [&](const QStringList &extra) {
            return ctl(m_db, QStringList{u"training"_s, u"paper"_s} + extra).exitCode;
        };
        QCOMPARE(run({u"--blueprint"_s, m_dir.filePath(u"missing.json"_s), u"--trainee"_s, u"a"_s}), 2);
        QCOMPARE(run({u"--blueprint"_s, bp}), 2);
        QCOMPARE(run({u"--trainee"_s, u"a"_s}), 2);
        QCOMPARE(run({u"--blueprint"_s, bp, u"--trainee"_s, u" "_s}), 2);
        for (const QString &seed : {u"-1"_s, u"abc"_s, u"1.5"_s, u"9007199254740992"_s, u""_s})
            QCOMPARE(run({u"--blueprint"_s, bp, u"--trainee"_s, u"a"_s, u"--seed"_s, seed}), 2);
        QCOMPARE(ctl(m_db, {u"training"_s, u"generate"_s, u"extra"_s}).exitCode, 2);
        QCOMPARE(recordedState(), state);
    }

private:
    static qint64 r_seed(const Run &r) { return qint64(r.json.value(u"seed"_s).toDouble()); }
};

QTEST_GUILESS_MAIN(TestCtlTraining)
#include "tst_ctl_training.moc"
