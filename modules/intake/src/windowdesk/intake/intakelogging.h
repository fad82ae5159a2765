#pragma once
#include <QLoggingCategory>
namespace windowdesk::intake {
Q_DECLARE_LOGGING_CATEGORY(lcIntake)
}
