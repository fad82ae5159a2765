#include "synclogging.h"

namespace windowdesk::sync {
Q_LOGGING_CATEGORY(lcSync, "windowdesk.sync")
} // namespace windowdesk::sync
