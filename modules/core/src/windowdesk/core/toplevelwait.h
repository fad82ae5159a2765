#pragma once
// Waiting for asynchronous work in a program that has no event loop of its own yet (the CLI, a test
// function): the application's top-level event loop runs until finish() is called. It never nests: inside a
// running event loop, or outside the application's main thread, canWait() is false and exec() returns at
// once, so product code that may run inside the GUI's loop must go asynchronous instead (architecture.md: no
// nested event loop).
#include <functional>

namespace windowdesk {

class TopLevelWait {
public:
    // True in the application's main thread while no event loop runs there.
    static bool canWait();
    // Runs the application's event loop until finish(); false when it may not wait (see canWait()) or the
    // loop ended for another reason (QCoreApplication::quit()) before finish().
    bool exec();
    void finish();
    bool finished() const { return m_finished; }

private:
    bool m_finished = false;
    bool m_running = false;
};

} // namespace windowdesk
