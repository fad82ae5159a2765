#include "synclogging.h"

namespace windowdesk::sync {
// Debug lines (one per request) are off unless QT_LOGGING_RULES asks for them.
Q_LOGGING_CATEGORY(lcSync, "windowdesk.sync", QtInfoMsg)
} // namespace windowdesk::sync
