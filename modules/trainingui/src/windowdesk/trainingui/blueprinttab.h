#pragma once
// The blueprints (组卷)
#include "trainingpages.h"

#include <QWidget>

namespace windowdesk::trainingui {

class BlueprintTab : public QWidget {
    Q_OBJECT
public:
    explicit BlueprintTab(const TrainingContext &context, QWidget *parent = nullptr);

private:
    TrainingContext m_ctx;
};

} // namespace windowdesk::trainingui
