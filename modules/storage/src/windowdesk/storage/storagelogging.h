#pragma once
#include <QLoggingCategory>

namespace windowdesk::storage {
// windowdesk.storage: opening, migrations, damage, the demo hall and catalog imports — file names, counts
// and codes only, never personal data. Debug lines are off unless QT_LOGGING_RULES asks for them.
// (windowdesk.storage.audit and windowdesk.storage.keychain are their own.)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
} // namespace windowdesk::storage
