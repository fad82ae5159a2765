#include "storagelogging.h"

namespace windowdesk::storage {
Q_LOGGING_CATEGORY(lcStorage, "windowdesk.storage", QtInfoMsg)
} // namespace windowdesk::storage
