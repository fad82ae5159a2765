#include "paperdraw.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {
// The tie-break key of a question under a seed: a shuffle of the bank that depends only on the seed and the
// question (id and version), not on the order the bank was read in.
quint64 tieKey(quint64 seed, const BankEntry &e) {
    return mix64(seed ^ stableHash64(QString(e.id + u'#' + QString::number(e.version))));
}
} // namespace

std::variant<DrawnPaper, BankTooSmall> PaperDraw::draw(const QList<BankEntry> &bank,
                                                       const Blueprint &blueprint, quint64 seed) {
    struct Candidate {
        int uses;
        quint64 tie;
        const BankEntry *entry;
    };
    QList<Candidate> all;
    all.reserve(bank.size());
    for (const BankEntry &e : bank)
        all.append({e.uses, tieKey(seed, e), &e});
    // Least used first, then the seeded shuffle; the id settles the (astronomically rare) equal keys.
    std::sort(all.begin(), all.end(), [](const Candidate &a, const Candidate &b) {
        if (a.uses != b.uses)
            return a.uses < b.uses;
        if (a.tie != b.tie)
            return a.tie < b.tie;
        return a.entry->id < b.entry->id;
    });

    DrawnPaper paper;
    paper.seed = seed;
    QSet<const BankEntry *> taken;
    for (qsizetype s = 0; s < blueprint.sections.size(); ++s) {
        const BlueprintSection &sec = blueprint.sections.at(s);
        QList<const BankEntry *> picked;
        int available = 0;
        for (const Candidate &c : std::as_const(all)) {
            const BankEntry *e = c.entry;
            if (taken.contains(e) || (sec.kind && e->kind != *sec.kind) ||
                (sec.category && e->category != *sec.category))
                continue;
            ++available;
            if (picked.size() < sec.count)
                picked.append(e);
            else
                break; // full: `available` only matters when the section cannot be filled
        }
        if (picked.size() < sec.count)
            return BankTooSmall{int(s), available};
        for (const BankEntry *e : std::as_const(picked)) {
            taken.insert(e);
            PaperQuestion q;
            q.id = e->id;
            q.version = e->version;
            q.section = int(s);
            q.category = e->category;
            q.kind = e->kind;
            q.points = sec.points;
            for (int i = 0; i < e->optionCount; ++i)
                q.optionsOrder.append(i);
            if (e->kind != QuestionKind::TrueFalse) {
                // Fisher–Yates from a generator of this seed and question.
                SplitMix64 rng(
                    seed ^ stableHash64(QString(u"options:"_s + e->id + u'#' + QString::number(e->version))));
                for (qsizetype i = q.optionsOrder.size() - 1; i > 0; --i)
                    q.optionsOrder.swapItemsAt(i, qsizetype(rng.below(quint64(i) + 1)));
            }
            paper.questions.append(q);
        }
    }
    return paper;
}

} // namespace windowdesk::training
