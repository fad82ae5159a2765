#pragma once
#include <QLoggingCategory>

namespace windowdesk::sync {
// windowdesk.sync: routes, statuses, op ids and counts only — never bodies, tokens or personal data.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
} // namespace windowdesk::sync
