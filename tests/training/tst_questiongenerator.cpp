// Questions generated from the catalog (issue 15): over the demo hall every generated question is checked
// against the catalog by an independent reading of it (the test's own SQL and its own rules: exactly the
// right options are marked right, no distractor is right by accident); a second run adds nothing; a changed
// item retires its questions (kept) and adds new versions; hand-made traps (an item name in two departments,
// a distractor the item lists as optional, the same limit twice, names that differ only in white space or
// full-width forms) never give two right answers.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/questiongenerator.h>

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;

namespace {

// The test's own view of the catalog.
struct Item {
    QString code;
    int version = 0;
    QString name;
    QString department;
    int promised = 0;
    int legal = 0;
    bool commitment = false;
    QStringList required;
    QStringList optional;
};
struct BundleFacts {
    QString name;
    QSet<QString> codes;
};
struct Facts {
    QHash<QString, Item> items;
    QList<BundleFacts> bundles;
};

// Same text for a person reading the options: white space and full-width forms do not make a difference.
QString same(const QString &s) {
    QString n = s.normalized(QString::NormalizationForm_KC);
    n.removeIf([](QChar c) { return c.isSpace(); });
    return n;
}

QString limitText(int d) {
    return d == 0 ? u"即办（当场办结）"_s : u"%1个工作日"_s.arg(d);
}

// What is wrong with a generated question, judged from the catalog alone; empty when it is sound.
QString problem(const Question &q, const Facts &f) {
    const QString where = q.genKey + u": "_s;
    if (!f.items.contains(q.sourceItemCode))
        return where + u"no such current item"_s;
    const Item &it = f.items.value(q.sourceItemCode);
    if (q.sourceItemVersion != it.version)
        return where + u"source version %1, catalog %2"_s.arg(q.sourceItemVersion).arg(it.version);
    QSet<QString> seen;
    for (const QString &o : q.options) {
        if (seen.contains(same(o)))
            return where + u"option twice: "_s + o;
        seen.insert(same(o));
    }
    QSet<int> marked(q.correct.begin(), q.correct.end());
    if (marked.isEmpty())
        return where + u"nothing marked right"_s;
    if ((q.kind == QuestionKind::Single || q.kind == QuestionKind::TrueFalse) && marked.size() != 1)
        return where + u"single answer marks %1"_s.arg(marked.size());
    if (q.kind == QuestionKind::Multiple && marked.size() < 2)
        return where + u"multiple choice with one right option"_s;

    // For choice questions: which options are right by the catalog, and which are ambiguous (may be right).
    auto judgeOptions = [&](const std::function<int(const QString &)> &truth) -> QString {
        // truth: 1 right, 0 wrong, -1 ambiguous (a reader could take it for right)
        for (qsizetype i = 0; i < q.options.size(); ++i) {
            const int t = truth(q.options.at(i));
            if (t < 0)
                return where + u"ambiguous option: "_s + q.options.at(i);
            if ((t == 1) != marked.contains(int(i)))
                return where + u"option '%1' is %2 but marked %3"_s.arg(
                                   q.options.at(i), t ? u"right"_s : u"wrong"_s,
                                   marked.contains(int(i)) ? u"right"_s : u"wrong"_s);
        }
        return {};
    };
    auto trueFalse = [&](bool truth) -> QString {
        if (q.options != QStringList{u"正确"_s, u"错误"_s})
            return where + u"true/false options"_s;
        if (marked != QSet<int>{truth ? 0 : 1})
            return where + u"statement is %1 but marked otherwise: "_s.arg(truth ? u"true"_s : u"false"_s) +
                   q.stem;
        return {};
    };
    auto namesMatching = [&](const QString &name, const std::function<bool(const Item &)> &pred,
                             bool &anyOther) {
        bool any = false;
        anyOther = false;
        for (const Item &o : f.items) {
            if (same(o.name) != same(name))
                continue;
            (pred(o) ? any : anyOther) = true;
        }
        return any;
    };

    if (q.genKey.startsWith(u"materials/choice/")) {
        if (q.category != u"materials")
            return where + u"category"_s;
        return judgeOptions([&](const QString &o) {
            for (const QString &r : it.required)
                if (same(r) == same(o))
                    return 1;
            for (const QString &r : it.optional)
                if (same(r) == same(o))
                    return -1;
            return 0;
        });
    }
    if (q.genKey.startsWith(u"materials/true_false/")) {
        const auto m = QRegularExpression(u"“(.+)”"_s).match(q.stem);
        if (!m.hasMatch())
            return where + u"no material named in "_s + q.stem;
        const QString name = m.captured(1);
        bool req = false, opt = false;
        for (const QString &r : it.required)
            req = req || same(r) == same(name);
        for (const QString &r : it.optional)
            opt = opt || same(r) == same(name);
        if (opt && !req)
            return where + u"statement about an optional material"_s;
        return trueFalse(req);
    }
    if (q.genKey.startsWith(u"time_limits/")) {
        const bool promised = q.genKey.startsWith(u"time_limits/promised/");
        const QString right = limitText(promised ? it.promised : it.legal);
        return judgeOptions([&](const QString &o) { return same(o) == same(right) ? 1 : 0; });
    }
    if (q.genKey.startsWith(u"departments/")) {
        return judgeOptions([&](const QString &o) {
            if (same(o) == same(it.department))
                return 1;
            for (const Item &other : f.items) // another item of this name handled there
                if (same(other.name) == same(it.name) && same(other.department) == same(o))
                    return -1;
            return 0;
        });
    }
    if (q.genKey.startsWith(u"commitment/true_false/"))
        return trueFalse(it.commitment);
    if (q.genKey.startsWith(u"instant/true_false/"))
        return trueFalse(it.promised == 0);
    if (q.genKey.startsWith(u"commitment/single/") || q.genKey.startsWith(u"instant/single/")) {
        const bool commitment = q.genKey.startsWith(u"commitment/");
        auto pred = [&](const Item &o) {
            return commitment ? o.commitment : o.promised == 0;
        };
        return judgeOptions([&](const QString &o) {
            bool other = false;
            const bool yes = namesMatching(o, pred, other);
            if (yes && !other)
                return 1;
            if (yes && other)
                return same(o) == same(it.name) ? 1 : -1;
            return 0;
        });
    }
    if (q.genKey.startsWith(u"bundles/choice/")) {
        return judgeOptions([&](const QString &o) {
            bool found = false;
            int truth = 0;
            for (const BundleFacts &b : f.bundles) {
                if (same(b.name) != same(o))
                    continue;
                found = true;
                if (b.codes.contains(it.code))
                    truth = 1;
                else
                    for (const QString &c : b.codes) // an item of the same name in that bundle
                        if (truth == 0 && f.items.contains(c) && same(f.items.value(c).name) == same(it.name))
                            truth = -1;
            }
            return found ? truth : -1;
        });
    }
    return where + u"unknown template"_s;
}

Facts readFacts(storage::Database &db) {
    Facts f;
    QSqlQuery q(db.sql());
    q.exec(uR"(SELECT code, version, name, department, promised_time_limit_days, legal_time_limit_days,
               commitment_allowed FROM service_items WHERE is_current = 1 AND deleted = 0)"_s);
    while (q.next())
        f.items.insert(q.value(0).toString(), {q.value(0).toString(),
                                               q.value(1).toInt(),
                                               q.value(2).toString(),
                                               q.value(3).toString(),
                                               q.value(4).toInt(),
                                               q.value(5).toInt(),
                                               q.value(6).toBool(),
                                               {},
                                               {}});
    q.exec(uR"(SELECT m.item_code, m.name, m.required FROM item_materials m JOIN service_items s
               ON s.code = m.item_code AND s.version = m.item_version WHERE s.is_current = 1 AND s.deleted = 0)"_s);
    while (q.next()) {
        Item &it = f.items[q.value(0).toString()];
        (q.value(2).toBool() ? it.required : it.optional).append(q.value(1).toString());
    }
    q.exec(uR"(SELECT b.name, bi.item_code FROM bundles b JOIN bundle_items bi ON bi.bundle_code = b.code
               AND bi.bundle_version = b.version WHERE b.is_current = 1 AND b.deleted = 0 ORDER BY b.code)"_s);
    QHash<QString, qsizetype> at;
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (!at.contains(name)) {
            at.insert(name, f.bundles.size());
            f.bundles.append({name, {}});
        }
        f.bundles[at.value(name)].codes.insert(q.value(1).toString());
    }
    return f;
}

struct Row {
    QString id;
    int version;
    QString genKey;
    QString status;
    QString item;
    int itemVersion;
};

QList<Row> rows(storage::Database &db, const QString &where = u"1"_s) {
    QList<Row> out;
    QSqlQuery q(db.sql());
    q.exec(
        u"SELECT id, version, gen_key, status, source_item_code, source_item_version FROM training_questions "
        u"WHERE "_s +
        where + u" ORDER BY id, version"_s);
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toInt()});
    return out;
}

const QString kChanged = u"430104-000201001000-XK-001"_s; // 个体工商户设立登记 in the demo hall

} // namespace

class TestQuestionGenerator : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC)};

    void checkAll(storage::Database &db, QuestionBank &bank) {
        const Facts facts = readFacts(db);
        int checked = 0;
        QSet<QString> categories;
        for (const Row &r : rows(db, u"status = 'active'"_s)) {
            const auto q = bank.question(r.id, r.version);
            QVERIFY2(q.ok(), qPrintable(r.id));
            const QString p = problem(q.value(), facts);
            QVERIFY2(p.isEmpty(), qPrintable(p));
            categories.insert(q->category);
            ++checked;
        }
        QVERIFY(checked > 300);
        QCOMPARE(categories, (QSet<QString>{u"materials"_s, u"time_limits"_s, u"departments"_s,
                                            u"commitment"_s, u"bundles"_s, u"instant"_s}));
    }

private slots:
    void demoHallGeneratesSoundQuestions_thenNothingNew_thenAChangedItemRegenerates() {
        auto opened = storage::Database::open(m_dir.filePath(u"bank.db"_s));
        QVERIFY(opened.ok());
        storage::Database &db = *opened.value();
        QVERIFY(storage::DemoHall::load(db, m_clock).ok());
        QuestionBank bank(db, m_clock);

        const auto first = bank.generateFromCatalog();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->retired, 0);
        QCOMPARE(first->added, first->questions);
        QCOMPARE(first->single + first->multiple + first->trueFalse, first->questions);
        QVERIFY(first->single > 0 && first->multiple > 0 && first->trueFalse > 0);
        QCOMPARE(int(rows(db, u"status = 'active'"_s).size()), first->questions);
        checkAll(db, bank);

        // Unchanged catalog: nothing new, nothing retired, the same rows.
        const QList<Row> before = rows(db);
        const auto second = bank.generateFromCatalog();
        QVERIFY(second.ok());
        QCOMPARE(second->added, 0);
        QCOMPARE(second->retired, 0);
        QCOMPARE(second->questions, first->questions);
        QCOMPARE(rows(db).size(), before.size());

        // A new version of one item: promised limit 0 → 5 days, 告知承诺 withdrawn, one material renamed.
        QFile demo(QStringLiteral(WINDOWDESK_SOURCE_DIR) + u"/db/demo/catalog_items.json"_s);
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QJsonObject changed;
        for (const auto &v : QJsonDocument::fromJson(demo.readAll()).object().value(u"items"_s).toArray())
            if (v.toObject().value(u"code"_s).toString() == kChanged)
                changed = v.toObject();
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.value(u"promised_time_limit_days"_s).toInt(), 0);
        changed[u"version"_s] = changed.value(u"version"_s).toInt() + 1;
        changed[u"promised_time_limit_days"_s] = 5;
        changed[u"commitment_allowed"_s] = false;
        QJsonArray mats = changed.value(u"materials"_s).toArray();
        QJsonObject m0 = mats.at(0).toObject();
        m0[u"name"_s] = u"经营者有效身份证件"_s;
        mats[0] = m0;
        changed[u"materials"_s] = mats;
        const QString file = m_dir.filePath(u"changed.json"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(QJsonObject{{u"items"_s, QJsonArray{changed}},
                                            {u"deleted"_s, QJsonArray{}},
                                            {u"next_cursor"_s, u"x"_s},
                                            {u"has_more"_s, false}})
                      .toJson());
        out.close();
        const auto imported = storage::CatalogImporter(db, m_clock).importFile(file);
        QVERIFY2(imported.ok() && imported->upserted == 1, "the changed item imports");

        const QList<Row> oldOfItem =
            rows(db, u"status = 'active' AND source_item_code = '%1'"_s.arg(kChanged));
        QVERIFY(oldOfItem.size() >= 6);
        const auto third = bank.generateFromCatalog();
        QVERIFY(third.ok());
        QVERIFY(third->added >=
                oldOfItem.size() - 1); // 即办 single question goes: the item is no longer 即办
        QVERIFY(third->retired >= oldOfItem.size());
        // Every old version of the item is retired and kept; its questions continue under the same ids.
        for (const Row &r : oldOfItem) {
            const auto kept = rows(db, u"id = '%1' AND version = %2"_s.arg(r.id).arg(r.version));
            QCOMPARE(kept.size(), 1);
            QCOMPARE(kept.first().status, u"retired"_s);
        }
        const QList<Row> newOfItem =
            rows(db, u"status = 'active' AND source_item_code = '%1'"_s.arg(kChanged));
        QVERIFY(!newOfItem.isEmpty());
        QSet<QString> oldIds;
        for (const Row &r : oldOfItem)
            oldIds.insert(r.id);
        for (const Row &r : newOfItem) {
            QCOMPARE(r.itemVersion, changed.value(u"version"_s).toInt());
            if (oldIds.contains(r.id))
                QCOMPARE(r.version, 2);
        }
        // The rest of the bank stays: only questions that named the item among their options may change.
        const int others = third->added - int(newOfItem.size());
        QVERIFY2(others >= 0 && others < first->questions / 20, qPrintable(QString::number(others)));
        QCOMPARE(int(rows(db, u"status = 'active'"_s).size()), third->questions);
        checkAll(db, bank);

        const auto fourth = bank.generateFromCatalog();
        QVERIFY(fourth.ok());
        QCOMPARE(fourth->added, 0);
        QCOMPARE(fourth->retired, 0);
    }

    void trapsNeverGiveTwoRightAnswers() {
        // Two items named 办理X in different departments; materials that differ only in white space or
        // full-width forms; the item's optional material among the department's; limits equal across items.
        CatalogSnapshot snap;
        Facts facts;
        auto add = [&](const QString &code, const QString &name, const QString &dept, int promised, int legal,
                       bool commitment, const QStringList &required, const QStringList &optional) {
            CatalogItemFacts it{code, 1, name, u"行政许可"_s, dept, promised, legal, commitment, {}};
            for (const QString &m : required)
                it.materials.append({m, true});
            for (const QString &m : optional)
                it.materials.append({m, false});
            snap.items.append(it);
            facts.items.insert(code, {code, 1, name, dept, promised, legal, commitment, required, optional});
        };
        add(u"A1"_s, u"办理X"_s, u"甲局"_s, 5, 20, true, {u"身份证"_s, u"申请表"_s}, {u"委托书"_s});
        add(u"A2"_s, u"办理 X"_s, u"乙局"_s, 0, 20, false, {u"营业执照"_s}, {});
        add(u"A3"_s, u"办理Y"_s, u"甲局"_s, 5, 20, false,
            {u"身 份 证"_s, u"委托书"_s, u"申请表"_s, u"户口簿"_s}, {});
        add(u"A4"_s, u"办理Z"_s, u"甲局"_s, 0, 5, false, {u"ＡＢＣ证明"_s, u"结婚证"_s}, {});
        add(u"A5"_s, u"办理X"_s, u"丙局"_s, 10, 30, false, {u"ABC证明"_s, u"房产证"_s}, {});
        add(u"A6"_s, u"办理W"_s, u"丁局"_s, 5, 20, true, {u"结婚证"_s, u"户口簿"_s}, {});
        snap.bundles.append({u"B1"_s, 1, u"主题一"_s, {u"A1"_s, u"A4"_s}});
        snap.bundles.append({u"B2"_s, 1, u"主题二"_s, {u"A5"_s}});
        snap.bundles.append({u"B3"_s, 1, u"主题三"_s, {u"A3"_s}});
        snap.bundles.append({u"B4"_s, 1, u"主题四"_s, {u"A6"_s}});
        snap.bundles.append({u"B5"_s, 1, u"主题五"_s, {u"A3"_s, u"A6"_s}});
        for (const auto &b : std::as_const(snap.bundles)) {
            BundleFacts bf{b.name, {}};
            for (const QString &c : b.itemCodes)
                bf.codes.insert(c);
            facts.bundles.append(bf);
        }

        const QList<Question> qs = QuestionGenerator::generate(snap);
        QVERIFY(qs.size() > 20);
        QSet<QString> keys;
        for (const Question &q : qs) {
            QVERIFY2(!keys.contains(q.genKey), qPrintable(q.genKey));
            keys.insert(q.genKey);
            const QString p = problem(q, facts);
            QVERIFY2(p.isEmpty(), qPrintable(p));
            QVERIFY(validateQuestion(q).ok());
            // A name shared by several items is told apart by the code in the stem.
            if (q.sourceItemCode == u"A1" && q.stem.contains(u"办理X"))
                QVERIFY2(q.stem.contains(u"A1"), qPrintable(q.stem));
        }
        for (const QString &k : {u"materials/choice/A1"_s, u"departments/single/A1"_s,
                                 u"time_limits/promised/A1"_s, u"commitment/single/A1"_s,
                                 u"instant/single/A4"_s, u"bundles/choice/A1"_s, u"bundles/choice/A3"_s})
            QVERIFY2(keys.contains(k), qPrintable(k));
        // Deterministic: the same catalog in another order gives the same questions.
        CatalogSnapshot reversed = snap;
        std::reverse(reversed.items.begin(), reversed.items.end());
        std::reverse(reversed.bundles.begin(), reversed.bundles.end());
        const QList<Question> again = QuestionGenerator::generate(reversed);
        QCOMPARE(again.size(), qs.size());
        for (qsizetype i = 0; i < qs.size(); ++i)
            QCOMPARE(again.at(i).contentSha256(), qs.at(i).contentSha256());
    }
};

QTEST_GUILESS_MAIN(TestQuestionGenerator)
#include "tst_questiongenerator.moc"
