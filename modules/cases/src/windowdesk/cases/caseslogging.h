#pragma once
#include <QLoggingCategory>
namespace windowdesk::cases {
Q_DECLARE_LOGGING_CATEGORY(lcCases)
}
