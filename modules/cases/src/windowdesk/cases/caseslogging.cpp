#include "caseslogging.h"

namespace windowdesk::cases {
Q_LOGGING_CATEGORY(lcCases, "windowdesk.cases")
}
