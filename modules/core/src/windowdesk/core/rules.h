#pragma once
// The domain rules of the window in one include: identity numbers, masking, 证照标识 check, working-day
// calendars, due dates, red/yellow cards and evaluations. Pure functions and value types; time comes in as
// parameters.
#include "calendar.h"
#include "cardcolour.h"
#include "duedate.h"
#include "evaluation.h"
#include "identity.h"
#include "licenseid.h"
#include "masking.h"
