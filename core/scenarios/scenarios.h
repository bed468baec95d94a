#pragma once

// The scenarios' shared vocabulary. Each scenario lives in its own file, which the window shows
// as it runs: keep them short and written for an audience.

#include "network.h"
#include "runtime.h"

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

QCoro::Task<> fetchUserMain(Runtime &rt, SimNetwork &net, int jobs);
QCoro::Task<> callbacksMain(Runtime &rt, SimNetwork &net, int jobs);
QCoro::Task<> blockingMain(Runtime &rt, SimNetwork &net, int jobs);
QCoro::Task<> fanOutMain(Runtime &rt, SimNetwork &net, int jobs);
QCoro::Task<> slowIoMain(Runtime &rt, SimNetwork &net, int jobs);
QCoro::Task<> infectiousMain(Runtime &rt, SimNetwork &net, int jobs);
QCoro::Task<> errorsMain(Runtime &rt, SimNetwork &net, int jobs);
QCoro::Task<> stressMain(Runtime &rt, SimNetwork &net, int jobs);

} // namespace awaitscope::scenarios
