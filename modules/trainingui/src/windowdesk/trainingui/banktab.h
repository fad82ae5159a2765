#pragma once
// The question bank (题库)
#include "trainingpages.h"

#include <QWidget>

namespace windowdesk::trainingui {

class BankTab : public QWidget {
    Q_OBJECT
public:
    explicit BankTab(const TrainingContext &context, QWidget *parent = nullptr);

private:
    TrainingContext m_ctx;
};

} // namespace windowdesk::trainingui
