#include "pages.h"

namespace windowdesk::app {

QList<ui::PageSpec> modulePages(const ui::ShellContext &context) {
    Q_UNUSED(context)
    // e.g. specs << intake::IntakePage::spec(context);  (none of the modules has a page yet)
    return {};
}

} // namespace windowdesk::app
