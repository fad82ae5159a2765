#include "logging.h"

namespace windowdesk::ui {
Q_LOGGING_CATEGORY(lcUi, "windowdesk.ui")
}
