#include "blueprinttab.h"

#include <windowdesk/ui/placeholderpage.h>

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

BlueprintTab::BlueprintTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context) {
    setObjectName(u"blueprintsPage"_s);
    auto *layout = new QVBoxLayout(this);
    // Not built yet: the tab says so plainly (issue 15).
    auto *notice = new QLabel(ui::PlaceholderPage::comingText(), this);
    notice->setObjectName(u"placeholderNotice"_s);
    notice->setWordWrap(true);
    layout->addWidget(notice);
    auto *label = new QLabel(
        tr("Set the sections of a paper, its pass line, its time limit and how multiple choice is scored."),
        this);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addStretch(1);
}

} // namespace windowdesk::trainingui
