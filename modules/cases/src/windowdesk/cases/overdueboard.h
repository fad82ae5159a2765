#pragma once
// The hall's overdue board (红黄牌, cli.md `board`): every unfinished case decided by the board's moment,
// coloured by the one card rule (casecard.h), counted in total and per window or per department. The
// supervision page and `windowdeskctl board` both read it from here.
#include "caserepository.h"

#include <windowdesk/core/calendar.h>

#include <optional>

namespace windowdesk::cases {

enum class BoardGrouping { Window, Department };

// The board's tiles: which cases each one stands for.
enum class BoardTile { Open, Warning, Yellow, Red, FollowupMissing };

struct BoardCounts {
    int open = 0; // normal + warning + yellow + red + calendar_missing
    int warning = 0;
    int yellow = 0;
    int red = 0;
    int followupMissing = 0; // red without a red follow-up by the board's moment
    int calendarMissing = 0; // the colour needs a calendar year that is missing
};

struct BoardCaseCard {
    BoardCase data;
    std::optional<core::Card> card; // none when a calendar year is missing (or the facts are invalid)
    bool calendarMissing = false;
    bool followupMissing = false;
    QString key(BoardGrouping by) const; // window, or department ("" when none)
    bool hasKey(BoardGrouping by) const;
};

struct BoardRow {
    std::optional<QString> key; // none: the cases without a department
    BoardCounts counts;
};

struct Board {
    QDateTime at;
    BoardGrouping by = BoardGrouping::Window;
    BoardCounts total;
    QList<BoardRow> rows;       // every key with open > 0, sorted by code point, the missing key last
    QList<BoardCaseCard> cases; // in the repository's order
};

class OverdueBoard {
public:
    // Colours every open case at `at` with `settings` (K). `windowNo`: one window's cases only.
    static Result<Board> compute(const CaseRepository &repo, const QDateTime &at, BoardGrouping by,
                                 const core::WorkingCalendar &calendar, const core::CardSettings &settings,
                                 const std::optional<QString> &windowNo = std::nullopt);
    // Brings a computed board up to date at `at` after some cases changed (a pulled page, a local write, a
    // follow-up): gives the same board as compute() at `at`. On the board's own CST date only the changed
    // cases are read again and re-coloured (a colour depends on the date alone; they move to the end of
    // `cases`); on another date the board is computed whole.
    static Status refresh(Board &board, const CaseRepository &repo, const QDateTime &at,
                          const QStringList &changed, const core::WorkingCalendar &calendar,
                          const core::CardSettings &settings,
                          const std::optional<QString> &windowNo = std::nullopt);
    // compute() for a user of the GUI: the hall's cases are for supervisors only (error "forbidden").
    static Result<Board> computeFor(const QStringList &roles, const CaseRepository &repo, const QDateTime &at,
                                    BoardGrouping by, const core::WorkingCalendar &calendar,
                                    const core::CardSettings &settings);
    // Counts a list of coloured cases (the rows of compute(), or a drill-down's subset).
    static BoardCounts count(const QList<BoardCaseCard> &cases);
    // The rows of a list of coloured cases: every key with open > 0, by code point, the missing key last.
    static QList<BoardRow> rows(const QList<BoardCaseCard> &cases, BoardGrouping by);
    // Whether a case counts under a tile (Open: every unfinished case, calendar_missing ones included).
    static bool inTile(const BoardCaseCard &c, BoardTile tile);
};

} // namespace windowdesk::cases
