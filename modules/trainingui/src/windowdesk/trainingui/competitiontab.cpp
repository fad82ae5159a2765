#include "competitiontab.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

CompetitionTab::CompetitionTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context) {
    setObjectName(u"competitionsPage"_s);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr(" trainees, a blueprint, a start time and the live leaderboard.:Run a competition for several trainees and follow the live leaderboard."), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addStretch(1);
}

} // namespace windowdesk::trainingui
