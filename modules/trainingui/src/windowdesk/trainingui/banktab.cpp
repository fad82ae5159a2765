#include "banktab.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

BankTab::BankTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context) {
    setObjectName(u"bankPage"_s);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr(" browse, search, regenerate from the catalog, write and import questions.:Browse, search and write the questions; regenerate them from the catalog; import or export JSON and CSV."), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addStretch(1);
}

} // namespace windowdesk::trainingui
