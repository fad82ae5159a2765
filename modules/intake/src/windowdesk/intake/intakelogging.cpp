#include "intakelogging.h"

namespace windowdesk::intake {
Q_LOGGING_CATEGORY(lcIntake, "windowdesk.intake")
}
