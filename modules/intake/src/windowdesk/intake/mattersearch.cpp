#include "mattersearch.h"
#include "catalogsearchhint.h"

#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
constexpr int kRoleKind = Qt::UserRole;
constexpr int kRoleCode = Qt::UserRole + 1;
} // namespace

MatterSearch::MatterSearch(cases::IntakeVisit &visit, storage::Database &db, storage::CatalogSearch &search,
                           const QString &windowNo, QWidget *parent)
    : QGroupBox(tr("Matter (Ctrl+F)"), parent)
    , m_visit(visit)
    , m_db(db)
    , m_catalog(search)
    , m_windowNo(windowNo) {
    setObjectName(u"matterSection"_s);
    auto *ml = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"matterSearch"_s);
    m_search->setPlaceholderText(
        tr("Search items and bundles: name, pinyin initials or code; Enter takes the first"));
    m_search->setMaxLength(storage::CatalogSearch::kMaxQueryLength);
    m_search->installEventFilter(this);
    ml->addWidget(m_search);
    m_results = new QListWidget(this);
    m_results->setObjectName(u"matterResults"_s);
    m_results->setFocusPolicy(Qt::NoFocus);
    m_results->setMaximumHeight(80);
    ml->addWidget(m_results);
    m_noResults = new QLabel(this);
    m_noResults->setObjectName(u"matterNoResults"_s);
    m_noResults->setTextFormat(Qt::PlainText);
    m_noResults->setWordWrap(true);
    m_noResults->hide();
    ml->addWidget(m_noResults);
    m_matterLabel = new QLabel(this);
    m_matterLabel->setObjectName(u"matterName"_s);
    m_matterLabel->setTextFormat(Qt::PlainText);
    m_matterLabel->setWordWrap(true);
    ml->addWidget(m_matterLabel);
    connect(m_search, &QLineEdit::textChanged, this, &MatterSearch::onTextChanged);
    connect(m_search, &QLineEdit::returnPressed, this,
            [this] { choose(std::max(0, m_results->currentRow())); });
    connect(m_results, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *it) { choose(m_results->row(it)); });
    connect(&m_visit, &cases::IntakeVisit::matterChanged, this, &MatterSearch::showMatter);
}

void MatterSearch::focusSearch() {
    m_search->setFocus();
    m_search->selectAll();
}

void MatterSearch::clear() {
    m_search->clear();
}

void MatterSearch::showMatter() {
    const cases::Matter &m = m_visit.matter();
    if (!m.isValid())
        m_matterLabel->clear();
    else if (m.isBundle())
        m_matterLabel->setText(tr("Bundle: %1 — items: %2").arg(m.name, m.itemNames().join(u"、"_s)));
    else
        m_matterLabel->setText(tr("Item: %1 (%2)").arg(m.name, m.items.first().department));
}

void MatterSearch::onTextChanged(const QString &text) {
    m_results->clear();
    // Bundles first when their name matches: a 一件事 is what the citizen came for.
    const QString q = text.trimmed();
    if (!q.isEmpty()) {
        auto bundles = storage::CatalogRepository(m_db).currentBundles();
        if (bundles.ok())
            for (const auto &b : bundles.value())
                if (b.name.contains(q, Qt::CaseInsensitive) || b.code.startsWith(q, Qt::CaseInsensitive)) {
                    auto *it = new QListWidgetItem(tr("[Bundle] %1").arg(b.name), m_results);
                    it->setData(kRoleKind, u"bundle"_s);
                    it->setData(kRoleCode, b.code);
                }
    }
    auto hits = m_catalog.search(text, m_windowNo, 12);
    if (hits.ok())
        for (const auto &h : hits.value()) {
            auto *it = new QListWidgetItem(u"%1 · %2"_s.arg(h.name, h.department), m_results);
            it->setData(kRoleKind, u"item"_s);
            it->setData(kRoleCode, h.code);
        }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
    // 无结果 is said, with what to try; the matter chosen before stays as it is.
    const QString hint =
        m_results->count() == 0 ? CatalogSearchHint::noResults(m_catalog, text, m_windowNo) : QString();
    m_noResults->setText(hint);
    m_noResults->setVisible(!hint.isEmpty());
}

bool MatterSearch::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *ke = static_cast<QKeyEvent *>(event);
        if (ke->key() == Qt::Key_Down || ke->key() == Qt::Key_Up) {
            const int n = m_results->count();
            if (n > 0) {
                const int step = ke->key() == Qt::Key_Down ? 1 : -1;
                m_results->setCurrentRow(std::clamp(m_results->currentRow() + step, 0, n - 1));
            }
            return true;
        }
    }
    return QGroupBox::eventFilter(watched, event);
}

void MatterSearch::choose(int row) {
    if (QListWidgetItem *it = m_results->item(row); it && !it->data(kRoleCode).toString().isEmpty())
        Q_EMIT chosen(it->data(kRoleCode).toString(), it->data(kRoleKind).toString() == u"bundle"_s);
}

} // namespace windowdesk::intake
