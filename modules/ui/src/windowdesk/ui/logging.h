#pragma once
#include <QLoggingCategory>

namespace windowdesk::ui {
Q_DECLARE_LOGGING_CATEGORY(lcUi)
}
