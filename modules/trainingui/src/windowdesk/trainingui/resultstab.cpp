#include "resultstab.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

ResultsTab::ResultsTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context) {
    setObjectName(u"resultsPage"_s);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr(" each trainee's history and the hall's skill levels, exportable.:Each trainee's scores over time and weak categories, and the hall's skill levels."), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addStretch(1);
}

} // namespace windowdesk::trainingui
