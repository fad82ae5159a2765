#pragma once
// EL1 payload verification exactly in the order of elicense-qr.md: the first failing step gives the result.
#include "el1format.h"
#include "keyset.h"

#include <windowdesk/core/result.h>

#include <QByteArrayView>
#include <optional>

namespace windowdesk {
class Clock;
}

namespace windowdesk::license {

class ReplayStore;

struct El1Result {
    El1Reason reason = El1Reason::Malformed;
    QString kid;                     // when the payload named one
    std::optional<El1Claims> claims; // only when the signature held and the claims were well formed
    bool ok() const { return reason == El1Reason::Ok; }
    QString code() const { return reasonCode(reason); }
    QString message() const { return reasonMessage(reason); }
    // The CLI's JSON: {"result": code, "message"?: text, "claims"?: {twelve fields}}.
    QJsonObject toJson() const;
};

class El1Verifier {
public:
    El1Verifier(KeySet keys, ReplayStore &replay, const Clock &clock);

    void setKeys(KeySet keys) { m_keys = std::move(keys); }
    const KeySet &keys() const { return m_keys; }

    // Fails only when the replay store cannot be read or written (then nothing was accepted).
    Result<El1Result> verify(QByteArrayView scanned);

private:
    KeySet m_keys;
    ReplayStore &m_replay;
    const Clock &m_clock;
};

} // namespace windowdesk::license
