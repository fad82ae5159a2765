#include "traininglogging.h"
namespace windowdesk::training {
Q_LOGGING_CATEGORY(lcTraining, "windowdesk.training")
}
