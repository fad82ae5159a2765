#pragma once
// 好差评 at the window: stored against the case and ticket and queued for POST /evaluations.
#include <windowdesk/core/result.h>

#include <QString>
#include <QStringList>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::cases {

struct EvaluationInput {
    int level = 0; // 1..5
    QStringList reasons;
    QString comment;
    QString caseLocalId;
    QString caseNo;
    QString ticketNo;
    QString windowNo;
    QString clerkId;
};

class EvaluationService {
public:
    EvaluationService(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    // The reasons a citizen can pick for 不满意 / 非常不满意 (data sent to the platform).
    static QStringList negativeReasons();
    // Errors: level_invalid, reasons_required (core rules), or the storage error. Returns the local id.
    Result<QString> submit(const EvaluationInput &input);

private:
    storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::cases
