#pragma once
// The results (成绩)
#include "trainingpages.h"

#include <QWidget>

namespace windowdesk::trainingui {

class ResultsTab : public QWidget {
    Q_OBJECT
public:
    explicit ResultsTab(const TrainingContext &context, QWidget *parent = nullptr);

private:
    TrainingContext m_ctx;
};

} // namespace windowdesk::trainingui
