#include "overdueboard.h"

#include <windowdesk/core/clock.h>

#include <QSet>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {

void add(BoardCounts &c, const BoardCaseCard &k) {
    if (k.calendarMissing) {
        ++c.open;
        ++c.calendarMissing;
        return;
    }
    if (!k.card || k.card->colour == core::CardColour::None)
        return;
    ++c.open;
    switch (k.card->colour) {
    case core::CardColour::Warning:
        ++c.warning;
        break;
    case core::CardColour::Yellow:
        ++c.yellow;
        break;
    case core::CardColour::Red:
        ++c.red;
        if (k.followupMissing)
            ++c.followupMissing;
        break;
    default:
        break;
    }
}

// Cases of many halls share their facts (same day, same limits, no suspension): colour each shape once.
struct FactsKey {
    QDate accepted;
    int promised, legal;
    bool finished;
    QList<core::Suspension> suspensions;
    bool operator==(const FactsKey &o) const {
        if (accepted != o.accepted || promised != o.promised || legal != o.legal || finished != o.finished ||
            suspensions.size() != o.suspensions.size())
            return false;
        for (qsizetype i = 0; i < suspensions.size(); ++i)
            if (suspensions[i].from != o.suspensions[i].from || suspensions[i].to != o.suspensions[i].to)
                return false;
        return true;
    }
};
size_t qHash(const FactsKey &k, size_t seed = 0) {
    size_t h = qHashMulti(seed, k.accepted.toJulianDay(), k.promised, k.legal, k.finished);
    for (const core::Suspension &s : k.suspensions)
        h = qHashMulti(h, s.from.toJulianDay(), s.to.isValid() ? s.to.toJulianDay() : -1);
    return h;
}

} // namespace

QString BoardCaseCard::key(BoardGrouping by) const {
    return by == BoardGrouping::Window ? data.windowNo : data.department.value_or(QString());
}

bool BoardCaseCard::hasKey(BoardGrouping by) const {
    return by == BoardGrouping::Window || data.department.has_value();
}

BoardCounts OverdueBoard::count(const QList<BoardCaseCard> &cases) {
    BoardCounts c;
    for (const BoardCaseCard &k : cases)
        add(c, k);
    return c;
}

QList<BoardRow> OverdueBoard::rows(const QList<BoardCaseCard> &cases, BoardGrouping by) {
    QHash<QString, BoardCounts> keyed;
    BoardCounts none;
    for (const BoardCaseCard &k : cases) {
        if (k.hasKey(by))
            add(keyed[k.key(by)], k);
        else
            add(none, k);
    }
    QStringList keys = keyed.keys();
    // By code point (QString's operator< compares UTF-16 units, which differs beyond the BMP).
    std::sort(keys.begin(), keys.end(),
              [](const QString &a, const QString &b) { return a.toUcs4() < b.toUcs4(); });
    QList<BoardRow> out;
    for (const QString &key : keys)
        if (keyed.value(key).open > 0)
            out.append({key, keyed.value(key)});
    if (none.open > 0)
        out.append({std::nullopt, none});
    return out;
}

Result<Board> OverdueBoard::computeFor(const QStringList &roles, const CaseRepository &repo,
                                       const QDateTime &at, BoardGrouping by,
                                       const core::WorkingCalendar &calendar,
                                       const core::CardSettings &settings) {
    if (!roles.contains(u"supervisor"_s))
        return Error{u"forbidden"_s, u"只有大厅负责人可以查看全厅办件"_s};
    return compute(repo, at, by, calendar, settings);
}

bool OverdueBoard::inTile(const BoardCaseCard &c, BoardTile tile) {
    const core::CardColour colour = c.card ? c.card->colour : core::CardColour::None;
    switch (tile) {
    case BoardTile::Open:
        return c.calendarMissing || colour != core::CardColour::None;
    case BoardTile::Warning:
        return colour == core::CardColour::Warning;
    case BoardTile::Yellow:
        return colour == core::CardColour::Yellow;
    case BoardTile::Red:
        return colour == core::CardColour::Red;
    case BoardTile::FollowupMissing:
        return c.followupMissing;
    }
    return false;
}

namespace {

using CardMemo = QHash<FactsKey, Result<core::Card>>;

BoardCaseCard colour(BoardCase &&c, const QDateTime &at, const core::WorkingCalendar &calendar,
                     const core::CardSettings &settings, CardMemo &memo) {
    BoardCaseCard k{std::move(c), std::nullopt, false, false};
    const CaseCardFacts &f = k.data.facts;
    const FactsKey fk{f.acceptedDate, f.promisedDays, f.legalDays + f.extensionDays,
                      core::isFinishedStatus(f.status), f.suspensions};
    auto it = memo.constFind(fk);
    if (it == memo.cend())
        it = memo.insert(fk, evaluateCaseCard(f, at, calendar, settings));
    if (it->ok())
        k.card = it->value();
    else
        k.calendarMissing = it->error().code == u"calendar_missing"_s;
    k.followupMissing = k.card && k.card->colour == core::CardColour::Red && !k.data.redFollowupByAt;
    return k;
}

} // namespace

Result<Board> OverdueBoard::compute(const CaseRepository &repo, const QDateTime &at, BoardGrouping by,
                                    const core::WorkingCalendar &calendar, const core::CardSettings &settings,
                                    const std::optional<QString> &windowNo) {
    Board board;
    board.at = at;
    board.by = by;
    CardMemo memo;
    // Each case coloured as it is read: one list of the hall's open cases, never two.
    if (Status s = repo.forEachOpenCase(
            at, windowNo,
            [&](BoardCase &&c) { board.cases.append(colour(std::move(c), at, calendar, settings, memo)); });
        !s.ok())
        return s.error();
    board.total = count(board.cases);
    board.rows = rows(board.cases, by);
    return board;
}

Status OverdueBoard::refresh(Board &board, const CaseRepository &repo, const QDateTime &at,
                             const QStringList &changed, const core::WorkingCalendar &calendar,
                             const core::CardSettings &settings, const std::optional<QString> &windowNo) {
    const QTimeZone cst = Clock::chinaStandardTime();
    if (at.toTimeZone(cst).date() != board.at.toTimeZone(cst).date()) {
        // A colour is a function of the CST date: on a new day every case may have moved.
        auto whole = compute(repo, at, board.by, calendar, settings, windowNo);
        if (!whole.ok())
            return whole.error();
        board = std::move(whole.value());
        return {};
    }
    // Same day, same colours for every unchanged case; a case decided in between is among the changed.
    board.at = at;
    if (changed.isEmpty())
        return {};
    QList<BoardCase> fresh;
    if (Status s = repo.forEachOpenCaseAmong(at, changed,
                                             [&](BoardCase &&c) {
                                                 if (!windowNo || c.windowNo == *windowNo)
                                                     fresh.append(std::move(c));
                                             });
        !s.ok())
        return s;
    const QSet<QString> ids(changed.cbegin(), changed.cend());
    // The changed cases leave their places; those still open come back at the end, re-coloured.
    board.cases.removeIf([&](const BoardCaseCard &k) { return ids.contains(k.data.localId); });
    CardMemo memo;
    for (BoardCase &c : fresh)
        board.cases.append(colour(std::move(c), at, calendar, settings, memo));
    board.total = count(board.cases);
    board.rows = rows(board.cases, board.by);
    return {};
}

} // namespace windowdesk::cases
