#include "questiongenerator.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {

// A distractor candidate: its text, folded form (for comparisons) and the hash of the folded form.
struct Cand {
    QString text;
    QString fold;
    quint64 hash = 0;
};
using Cands = QList<Cand>;
using Tier = const Cands *;

// Distinct (by folded form) candidates, sorted by text: the same list whatever order the catalog came in.
Cands candidates(const QStringList &texts) {
    QHash<QString, QString> byFold;
    for (const QString &t : texts) {
        const QString f = foldText(t);
        if (f.isEmpty())
            continue;
        auto at = byFold.find(f);
        if (at == byFold.end() || t < at.value())
            byFold.insert(f, t);
    }
    Cands out;
    out.reserve(byFold.size());
    for (auto it = byFold.cbegin(); it != byFold.cend(); ++it)
        out.append({it.value(), it.key(), stableHash64(it.key())});
    std::sort(out.begin(), out.end(), [](const Cand &a, const Cand &b) { return a.text < b.text; });
    return out;
}

class Generator {
public:
    explicit Generator(const CatalogSnapshot &c) {
        m_items.reserve(c.items.size());
        for (const auto &it : c.items)
            m_items.append(&it);
        std::sort(m_items.begin(), m_items.end(),
                  [](const CatalogItemFacts *a, const CatalogItemFacts *b) { return a->code < b->code; });
        QHash<QString, QStringList> deptMaterials, typeMaterials, deptNames, typeNames, typeDepartments,
            deptPromised, deptLegal;
        QStringList allMaterials, allNames, allDepartments;
        for (const CatalogItemFacts *it : std::as_const(m_items)) {
            const QString f = foldText(it->name);
            m_fold.insert(it, f);
            m_nameCount[f] += 1;
            m_departmentsOfName[f].insert(foldText(it->department));
            m_itemByCode.insert(it->code, it);
            if (it->commitmentAllowed)
                m_commitmentNames.insert(f);
            if (it->promisedDays == 0)
                m_instantNames.insert(f);
            for (const auto &m : it->materials) {
                deptMaterials[it->department].append(m.name);
                typeMaterials[it->type].append(m.name);
                allMaterials.append(m.name);
            }
            deptNames[it->department].append(it->name);
            typeNames[it->type].append(it->name);
            allNames.append(it->name);
            typeDepartments[it->type].append(it->department);
            allDepartments.append(it->department);
            deptPromised[it->department].append(QuestionGenerator::limitText(it->promisedDays));
            deptLegal[it->department].append(QuestionGenerator::limitText(it->legalDays));
        }
        auto build = [](const QHash<QString, QStringList> &in, QHash<QString, Cands> &out) {
            for (auto it = in.cbegin(); it != in.cend(); ++it)
                out.insert(it.key(), candidates(it.value()));
        };
        build(deptMaterials, m_deptMaterials);
        build(typeMaterials, m_typeMaterials);
        build(deptNames, m_deptNames);
        build(typeNames, m_typeNames);
        build(typeDepartments, m_typeDepartments);
        build(deptPromised, m_deptPromised);
        build(deptLegal, m_deptLegal);
        m_allMaterials = candidates(allMaterials);
        m_allNames = candidates(allNames);
        m_allDepartments = candidates(allDepartments);
        QStringList promised, legal;
        for (int d : {0, 1, 3, 5, 7, 10, 15, 20, 30})
            promised.append(QuestionGenerator::limitText(d));
        for (int d : {1, 3, 5, 10, 15, 20, 30, 60})
            legal.append(QuestionGenerator::limitText(d));
        m_standardPromised = candidates(promised);
        m_standardLegal = candidates(legal);
        QStringList bundleNames;
        for (const auto &b : c.bundles) {
            bundleNames.append(b.name);
            for (const QString &code : b.itemCodes) {
                m_bundlesOfItem[code].append(&b);
                if (const CatalogItemFacts *it = m_itemByCode.value(code))
                    m_bundlesOfName[m_fold.value(it)].insert(foldText(b.name));
            }
        }
        m_bundleNames = candidates(bundleNames);
    }

    QList<Question> run() {
        for (const CatalogItemFacts *it : std::as_const(m_items)) {
            materials(*it);
            timeLimits(*it);
            departments(*it);
            commitment(*it);
            bundles(*it);
            instant(*it);
        }
        return m_out;
    }

private:
    // The item as a stem names it; the code is added when another current item has the same name, so that the
    // stem means one item only.
    QString subject(const CatalogItemFacts &it) const {
        if (m_nameCount.value(m_fold.value(&it)) > 1)
            return u"「%1」（事项编码 %2）"_s.arg(it.name, it.code);
        return u"「%1」"_s.arg(it.name);
    }

    // Picks up to k candidates not in `exclude`, tier by tier: within a tier the order is a hash of the
    // question's key and the candidate (rendezvous hashing: a new candidate elsewhere rarely displaces a
    // chosen one). The last tier may be large (the whole catalog): it is walked from a hashed starting point
    // instead.
    static QStringList pick(const QString &key, const QList<Tier> &tiers, Tier wide, QSet<QString> exclude,
                            int k) {
        QStringList out;
        const quint64 keyHash = stableHash64(key);
        for (Tier t : tiers) {
            if (!t || out.size() >= k)
                continue;
            struct Ranked {
                quint64 rank;
                const Cand *cand;
            };
            QList<Ranked> ranked;
            ranked.reserve(t->size());
            for (const Cand &c : *t)
                if (!exclude.contains(c.fold))
                    ranked.append({mix64(keyHash ^ c.hash), &c});
            const qsizetype take = std::min<qsizetype>(ranked.size(), k - out.size());
            std::partial_sort(ranked.begin(), ranked.begin() + take, ranked.end(),
                              [](const Ranked &a, const Ranked &b) {
                                  return a.rank != b.rank ? a.rank < b.rank : a.cand->text < b.cand->text;
                              });
            for (qsizetype i = 0; i < take; ++i) {
                out.append(ranked.at(i).cand->text);
                exclude.insert(ranked.at(i).cand->fold);
            }
        }
        if (wide && out.size() < k && !wide->isEmpty()) {
            const qsizetype n = wide->size();
            const qsizetype start = qsizetype(keyHash % quint64(n));
            for (qsizetype i = 0; i < n && out.size() < k; ++i) {
                const Cand &c = wide->at((start + i) % n);
                if (exclude.contains(c.fold))
                    continue;
                out.append(c.text);
                exclude.insert(c.fold);
            }
        }
        return out;
    }

    // Builds the question: options in a stable mixed order (so the right ones are not always first even
    // before a paper shuffles them), correct indexes from `right`.
    void addQuestion(const CatalogItemFacts &it, const QString &cat, const QString &genKey, QuestionKind kind,
                     int difficulty, const QString &stem, const QStringList &right, const QStringList &wrong,
                     const QString &explanation) {
        Question q;
        q.kind = kind;
        q.category = cat;
        q.genKey = genKey;
        q.generated = true;
        q.sourceItemCode = it.code;
        q.sourceItemVersion = it.version;
        q.tags = QStringList{it.department, it.type};
        q.difficulty = difficulty;
        q.stem = stem;
        q.explanation = explanation;
        q.createdBy = u"catalog"_s;
        if (kind == QuestionKind::TrueFalse) {
            q.options = trueFalseOptions();
            q.correct = {right.isEmpty() ? 1 : 0}; // right = {"正确"} for a true statement
        } else {
            struct Opt {
                quint64 rank;
                QString text;
                bool right;
            };
            QList<Opt> opts;
            for (const QString &r : right)
                opts.append({stableHash64(QString(genKey + u'\x1e' + foldText(r))), r, true});
            for (const QString &w : wrong)
                opts.append({stableHash64(QString(genKey + u'\x1e' + foldText(w))), w, false});
            std::sort(opts.begin(), opts.end(), [](const Opt &a, const Opt &b) {
                return a.rank != b.rank ? a.rank < b.rank : a.text < b.text;
            });
            for (qsizetype i = 0; i < opts.size(); ++i) {
                q.options.append(opts.at(i).text);
                if (opts.at(i).right)
                    q.correct.append(int(i));
            }
        }
        if (validateQuestion(q))
            m_out.append(q);
    }

    void addTrueFalse(const CatalogItemFacts &it, const QString &cat, const QString &genKey, int difficulty,
                      const QString &stem, bool isTrue, const QString &explanation) {
        addQuestion(it, cat, genKey, QuestionKind::TrueFalse, difficulty, stem,
                    isTrue ? QStringList{u"正确"_s} : QStringList{}, {}, explanation);
    }

    void materials(const CatalogItemFacts &it) {
        const QString cat = QString::fromUtf16(category::Materials);
        QStringList required, optional;
        QSet<QString> own; // every material the item lists, required or not: never a distractor
        for (const auto &m : it.materials) {
            const QString f = foldText(m.name);
            if (f.isEmpty() || own.contains(f))
                continue;
            own.insert(f);
            (m.required ? required : optional).append(m.name);
        }
        if (required.isEmpty())
            return;
        const QString key = u"materials/"_s + it.code;
        const QStringList wrong =
            pick(key, {find(m_deptMaterials, it.department), find(m_typeMaterials, it.type)}, &m_allMaterials,
                 own, 3);
        QString explanation = u"办理%1须提交：%2。"_s.arg(subject(it), required.join(u"；"_s));
        if (!optional.isEmpty())
            explanation += u"视情形提交：%1。"_s.arg(optional.join(u"；"_s));

        if (required.size() >= 2 && wrong.size() >= 1) {
            addQuestion(it, cat, u"materials/choice/"_s + it.code, QuestionKind::Multiple, 3,
                        u"办理%1时，下列哪些材料是必须提交的？"_s.arg(subject(it)), required.mid(0, 3),
                        wrong.mid(0, 2), explanation);
        } else if (required.size() == 1 && wrong.size() >= 1) {
            addQuestion(it, cat, u"materials/choice/"_s + it.code, QuestionKind::Single, 2,
                        u"办理%1时，下列哪项材料是必须提交的？"_s.arg(subject(it)), required, wrong,
                        explanation);
        }
        // A statement about one material: true for a required one, false for one the item does not list.
        const QString tfKey = u"materials/true_false/"_s + it.code;
        const quint64 h = stableHash64(tfKey);
        if ((h & 1) == 0 || wrong.isEmpty()) {
            const QString m = required.at(qsizetype((h >> 1) % quint64(required.size())));
            addTrueFalse(it, cat, tfKey, 1, u"办理%1时，“%2”是必须提交的材料。"_s.arg(subject(it), m), true,
                         explanation);
        } else {
            addTrueFalse(it, cat, tfKey, 2,
                         u"办理%1时，“%2”是必须提交的材料。"_s.arg(subject(it), wrong.first()), false,
                         explanation);
        }
    }

    void timeLimits(const CatalogItemFacts &it) {
        const QString cat = QString::fromUtf16(category::TimeLimits);
        const QString explanation = u"%1的法定办结时限为%2，承诺办结时限为%3。"_s.arg(
            subject(it), QuestionGenerator::limitText(it.legalDays),
            QuestionGenerator::limitText(it.promisedDays));
        for (const bool promised : {true, false}) {
            const int right = promised ? it.promisedDays : it.legalDays;
            const QString rightText = QuestionGenerator::limitText(right);
            const QString key = (promised ? u"time_limits/promised/"_s : u"time_limits/legal/"_s) + it.code;
            const QStringList wrong = pick(key,
                                           {find(promised ? m_deptPromised : m_deptLegal, it.department),
                                            promised ? &m_standardPromised : &m_standardLegal},
                                           nullptr, {foldText(rightText)}, 3);
            addQuestion(it, cat, key, QuestionKind::Single, promised ? 2 : 3,
                        promised ? u"%1的承诺办结时限是？"_s.arg(subject(it))
                                 : u"%1的法定办结时限是？"_s.arg(subject(it)),
                        {rightText}, wrong, explanation);
        }
    }

    void departments(const CatalogItemFacts &it) {
        // No item of this name may be handled by a distractor department.
        const QSet<QString> exclude = m_departmentsOfName.value(m_fold.value(&it));
        const QString key = u"departments/single/"_s + it.code;
        const QStringList wrong =
            pick(key, {find(m_typeDepartments, it.type)}, &m_allDepartments, exclude, 3);
        addQuestion(it, QString::fromUtf16(category::Departments), key, QuestionKind::Single, 1,
                    u"%1由哪个部门办理？"_s.arg(subject(it)), {it.department}, wrong,
                    u"%1的实施主体是%2。"_s.arg(subject(it), it.department));
    }

    void commitment(const CatalogItemFacts &it) {
        const QString cat = QString::fromUtf16(category::Commitment);
        const QString explanation = it.commitmentAllowed ? u"%1可以实行告知承诺制办理。"_s.arg(subject(it))
                                                         : u"%1不实行告知承诺制。"_s.arg(subject(it));
        addTrueFalse(it, cat, u"commitment/true_false/"_s + it.code, 2,
                     u"%1可以实行告知承诺制办理。"_s.arg(subject(it)), it.commitmentAllowed, explanation);
        if (!it.commitmentAllowed)
            return;
        // Distractors: items that do not allow it, under no name of an item that does.
        const QString key = u"commitment/single/"_s + it.code;
        const QStringList wrong = pick(key, {find(m_deptNames, it.department), find(m_typeNames, it.type)},
                                       &m_allNames, m_commitmentNames, 3);
        if (wrong.size() >= 2)
            addQuestion(it, cat, key, QuestionKind::Single, 2,
                        u"下列事项中，哪一项可以实行告知承诺制办理？"_s, {it.name}, wrong, explanation);
    }

    void instant(const CatalogItemFacts &it) {
        const QString cat = QString::fromUtf16(category::Instant);
        const bool isInstant = it.promisedDays == 0;
        const QString explanation = isInstant
                                        ? u"%1是即办件，材料齐全、符合法定形式的当场办结。"_s.arg(subject(it))
                                        : u"%1不是即办件，承诺办结时限为%2。"_s.arg(
                                              subject(it), QuestionGenerator::limitText(it.promisedDays));
        addTrueFalse(it, cat, u"instant/true_false/"_s + it.code, 1,
                     u"%1是即办件（当场办结）。"_s.arg(subject(it)), isInstant, explanation);
        if (!isInstant)
            return;
        const QString key = u"instant/single/"_s + it.code;
        const QStringList wrong = pick(key, {find(m_deptNames, it.department), find(m_typeNames, it.type)},
                                       &m_allNames, m_instantNames, 3);
        if (wrong.size() >= 2)
            addQuestion(it, cat, key, QuestionKind::Single, 2, u"下列事项中，哪一项是即办件？"_s, {it.name},
                        wrong, explanation);
    }

    void bundles(const CatalogItemFacts &it) {
        const auto containing = m_bundlesOfItem.value(it.code);
        if (containing.isEmpty())
            return;
        QStringList right;
        QSet<QString> rightFolded;
        for (const CatalogBundleFacts *b : containing) {
            const QString f = foldText(b->name);
            if (!rightFolded.contains(f)) {
                rightFolded.insert(f);
                right.append(b->name);
            }
        }
        std::sort(right.begin(), right.end());
        // Not a distractor: a bundle holding this item, or an item of the same name.
        QSet<QString> exclude = rightFolded;
        exclude.unite(m_bundlesOfName.value(m_fold.value(&it)));
        const QString key = u"bundles/choice/"_s + it.code;
        const QStringList wrong = pick(key, {&m_bundleNames}, nullptr, exclude, right.size() >= 2 ? 2 : 3);
        if (wrong.isEmpty())
            return;
        const QString explanation = u"%1属于“一件事一次办”主题：%2。"_s.arg(subject(it), right.join(u"；"_s));
        if (right.size() == 1)
            addQuestion(it, QString::fromUtf16(category::Bundles), key, QuestionKind::Single, 2,
                        u"%1属于下列哪个“一件事一次办”主题？"_s.arg(subject(it)), right, wrong, explanation);
        else
            addQuestion(it, QString::fromUtf16(category::Bundles), key, QuestionKind::Multiple, 3,
                        u"%1属于下列哪些“一件事一次办”主题？"_s.arg(subject(it)), right.mid(0, 3), wrong,
                        explanation);
    }

    static Tier find(const QHash<QString, Cands> &h, const QString &key) {
        const auto at = h.constFind(key);
        return at == h.cend() ? nullptr : &at.value();
    }

    QList<const CatalogItemFacts *> m_items;
    QHash<const CatalogItemFacts *, QString> m_fold; // folded item names
    QHash<QString, int> m_nameCount;
    QHash<QString, QSet<QString>> m_departmentsOfName; // folded item name → folded departments
    QHash<QString, Cands> m_deptMaterials, m_typeMaterials, m_deptNames, m_typeNames, m_typeDepartments,
        m_deptPromised, m_deptLegal;
    QHash<QString, const CatalogItemFacts *> m_itemByCode;
    QHash<QString, QList<const CatalogBundleFacts *>> m_bundlesOfItem;
    QHash<QString, QSet<QString>> m_bundlesOfName; // folded item name → folded names of bundles holding one
    QSet<QString> m_commitmentNames;               // folded names of items that allow 告知承诺
    QSet<QString> m_instantNames;                  // folded names of 即办件
    Cands m_allMaterials, m_allNames, m_allDepartments, m_bundleNames, m_standardPromised, m_standardLegal;
    QList<Question> m_out;
};

} // namespace

QString QuestionGenerator::limitText(int days) {
    if (days == 0)
        return u"即办（当场办结）"_s;
    return u"%1个工作日"_s.arg(days);
}

QList<Question> QuestionGenerator::generate(const CatalogSnapshot &catalog) {
    return Generator(catalog).run();
}

} // namespace windowdesk::training
