#pragma once
// From a scanned text to a verification result: what the license panel listens to. Scanner filter,
// serial scanner and manual paste all end here, so every path verifies the same way.
#include "el1verifier.h"

#include <QObject>

namespace windowdesk::license {

class LicenseScanService : public QObject {
    Q_OBJECT
public:
    explicit LicenseScanService(El1Verifier &verifier, QObject *parent = nullptr)
        : QObject(parent)
        , m_verifier(verifier) {}

public Q_SLOTS:
    // UTF-8 bytes of the text as scanned (a wedge scanner only produces ASCII; anything else is malformed).
    void verifyScanned(const QString &payload);

Q_SIGNALS:
    // The text about to be verified (before verified()/failed()): the panel keeps it for the online resolve.
    void received(const QString &payload);
    void verified(const windowdesk::license::El1Result &result);
    void failed(const windowdesk::Error &error); // the replay store could not be used

private:
    El1Verifier &m_verifier;
};

} // namespace windowdesk::license
