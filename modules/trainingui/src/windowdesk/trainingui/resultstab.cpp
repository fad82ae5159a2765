#include "resultstab.h"

#include <windowdesk/ui/placeholderpage.h>

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

ResultsTab::ResultsTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context) {
    setObjectName(u"resultsPage"_s);
    auto *layout = new QVBoxLayout(this);
    // Not built yet: the tab says so plainly (issue 15).
    auto *notice = new QLabel(ui::PlaceholderPage::comingText(), this);
    notice->setObjectName(u"placeholderNotice"_s);
    notice->setWordWrap(true);
    layout->addWidget(notice);
    auto *label = new QLabel(
        tr("Each trainee's scores over time and weak categories, and the hall's skill levels."), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addStretch(1);
}

} // namespace windowdesk::trainingui
