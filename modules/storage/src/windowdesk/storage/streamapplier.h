#pragma once
// The platform's records that belong to a module above sync (cases, evaluations): sync pulls their streams
// and pushes their writes, but what an answer or a pulled change does to the local rows is the owning
// module's rule, behind this interface (dependencies point one way: sync never links cases). The module
// registers a factory once per program (the GUI's and windowdeskctl's main); the sync engine makes its
// appliers over its own connection, in its own thread.
#include "outboxrepository.h"

#include <windowdesk/core/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class Database;

struct RejectedRecord {
    QString key; // the record's platform id, or "#<index in the page>"
    QString message;
};

struct AppliedPage {
    int applied = 0;                // records of ours that were written
    QList<RejectedRecord> rejected; // malformed records: written nowhere, recorded and reported by the puller
};

class StreamApplier {
public:
    virtual ~StreamApplier() = default;

    // The pull stream ("case_changes") and its path below {base}/api/v1 ("/cases/changes").
    virtual QString stream() const = 0;
    virtual QString path() const = 0;
    // The list key of its pages: "changes" for record feeds, "events" for the append-only queue feed
    // (platform-api.md 1.1 `GET /queue/events`).
    virtual QString listKey() const { return QStringLiteral("changes"); }
    // The outbox kinds whose answers this applier takes ("case", "case_event").
    virtual QStringList outboxKinds() const = 0;
    // The placeholder a child's path names its parent by ("{case_no}"), resolved by platformId(); empty when
    // the stream takes no writes (the queue feed).
    virtual QString pathPlaceholder() const = 0;

    // Applies the records of one pulled page inside the caller's open write transaction (the puller stores
    // the page's cursor in the same one). Records of other windows are skipped; a malformed record is
    // returned in `rejected`, never half-written. An error rolls the whole page back.
    virtual Result<AppliedPage> applyPage(const QJsonArray &records) = 0;
    // The answer to one of our writes carries what the record needs (its platform id); otherwise the write is
    // retried under the same key (the platform answers it again).
    virtual bool answerComplete(const OutboxEntry &entry, const QJsonObject &answer) const = 0;
    // The platform id of an acknowledged record (empty: not acknowledged yet, a child must wait).
    virtual Result<QString> platformId(const QString &localId) const = 0;
    // The platform's record for one of our writes (a 2xx answer, the record of a 409 duplicate_local_id or
    // state_conflict), inside the caller's transaction. Error bad_answer: unusable, nothing written.
    virtual Status applyAnswer(const OutboxEntry &entry, const QJsonObject &record) = 0;
    // 400/422: the platform's messages, kept with the record for the clerk (inside the caller's transaction).
    virtual Status noteRejected(const OutboxEntry &entry, const QJsonObject &message) = 0;
    // Calendar years the local records still need beyond this year and the next (open cases' due dates).
    virtual QList<int> calendarYearsNeeded() const { return {}; }
    // platform-api.md 1.1: a stream only a supervisor's session pulls, and only from a 1.1 platform (the
    // hall-wide cases feed). path() may carry a query ("/cases/changes?scope=hall").
    virtual bool supervisorStream() const { return false; }
    // A stream of the 1.1 additions (GET /cross-province/changes): not asked of a 1.0 platform, which would
    // answer 404.
    virtual bool api11Stream() const { return false; }
    // Outbox kinds of the 1.1 additions: never sent to a 1.0 platform, kept as `unsupported` instead.
    virtual bool requiresApi11(const QString &kind) const {
        Q_UNUSED(kind);
        return false;
    }
};

using StreamApplierFactory = std::function<std::unique_ptr<StreamApplier>(Database &, const Clock &)>;

// Once per program, before the first sync; streams are pulled in registration order. Registering the same
// stream again replaces its factory.
void registerStreamApplier(const QString &stream, StreamApplierFactory factory);
QList<StreamApplierFactory> streamApplierFactories();

} // namespace windowdesk::storage
