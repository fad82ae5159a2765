#include "blueprinttab.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

BlueprintTab::BlueprintTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context) {
    setObjectName(u"blueprintsPage"_s);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr(" sections of category × kind × count × points, a pass line, a time limit.:Set the sections of a paper, its pass line, its time limit and how multiple choice is scored."), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addStretch(1);
}

} // namespace windowdesk::trainingui
