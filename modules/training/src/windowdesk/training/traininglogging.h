#pragma once
#include <QLoggingCategory>
namespace windowdesk::training {
Q_DECLARE_LOGGING_CATEGORY(lcTraining)
}
