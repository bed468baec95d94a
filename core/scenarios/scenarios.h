#pragma once

// The scenarios' shared vocabulary. Each scenario lives in its own file, which the window shows
// as it runs: keep them short and written for an audience.

#include "network.h"
#include "runtime.h"
#include "scenario.h"
#include "scenariolist.h" // declares each file's scenario_<stem>

#include <QCoroTask>

namespace awaitscope::scenarios {

/// What fetch_user returns: the three answers, as the article's example does.
struct UserPage {
    Response user;
    Response posts;
    Response comments;
};

// fetchuser.cpp: the article's coroutine, used by several scenarios.
QCoro::Task<UserPage> fetch_user(SimNetwork &net, int id);

} // namespace awaitscope::scenarios
