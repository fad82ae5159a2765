#pragma once
// The competitions (竞赛)
#include "trainingpages.h"

#include <QWidget>

namespace windowdesk::trainingui {

class CompetitionTab : public QWidget {
    Q_OBJECT
public:
    explicit CompetitionTab(const TrainingContext &context, QWidget *parent = nullptr);

private:
    TrainingContext m_ctx;
};

} // namespace windowdesk::trainingui
