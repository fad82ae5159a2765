#include "catalogpage.h"
#include "catalogsearchhint.h"

#include <windowdesk/core/hallduties.h>
#include <windowdesk/core/pinyin.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {
namespace {

constexpr int kRoleCode = Qt::UserRole;
constexpr int kRoleBundle = Qt::UserRole + 1;

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString row(const QString &label, const QString &value) {
    return u"<tr><th align=\"left\" valign=\"top\" style=\"padding-right:12px\">%1</th><td>%2</td></tr>"_s
        .arg(esc(label), value);
}

} // namespace

CatalogPage::CatalogPage(storage::Database &db, QString windowNo, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_windowNo(std::move(windowNo))
    , m_search(std::make_unique<storage::CatalogSearch>(db)) {
    m_box = new QLineEdit(this);
    m_box->setObjectName(u"catalogSearch"_s);
    m_box->setMaxLength(storage::CatalogSearch::kMaxQueryLength);
    m_box->setPlaceholderText(tr("Search matters: Chinese, pinyin initials, item code or department"));
    m_box->setClearButtonEnabled(true);
    m_results = new QListWidget(this);
    m_results->setObjectName(u"catalogResults"_s);
    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(u"catalogDetail"_s);
    m_start = new QPushButton(tr("Start intake"), this);
    m_start->setObjectName(u"catalogStart"_s);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_box);
    leftLayout->addWidget(m_results, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detail, 1);
    rightLayout->addWidget(m_start, 0, Qt::AlignRight);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(split);

    connect(m_box, &QLineEdit::textChanged, this, &CatalogPage::refresh);
    connect(m_box, &QLineEdit::returnPressed, this, &CatalogPage::start);
    connect(m_results, &QListWidget::currentRowChanged, this, &CatalogPage::showCurrent);
    connect(m_results, &QListWidget::itemActivated, this, &CatalogPage::start);
    connect(m_start, &QPushButton::clicked, this, &CatalogPage::start);
    refresh();
}

CatalogPage::~CatalogPage() = default;

void CatalogPage::setQuery(const QString &text) {
    m_box->setText(text);
}

QString CatalogPage::currentCode() const {
    const auto *it = m_results->currentItem();
    return it ? it->data(kRoleCode).toString() : QString();
}

bool CatalogPage::currentIsBundle() const {
    const auto *it = m_results->currentItem();
    return it && it->data(kRoleBundle).toBool();
}

void CatalogPage::refresh() {
    m_results->clear();
    const QString q = storage::CatalogSearch::prepareQuery(m_box->text());
    // Bundles first when their name or theme matches: there are only a few dozen.
    if (!q.isEmpty()) {
        if (auto bundles = storage::CatalogRepository(m_db).currentBundles(); bundles) {
            for (const auto &b : bundles.value()) {
                const bool match = core::normalizeSearchText(b.name).contains(q) ||
                                   core::normalizeSearchText(b.theme).contains(q) ||
                                   core::pinyinInitialsCombinations(b.name).first().contains(q) ||
                                   core::normalizeSearchText(b.code).startsWith(q);
                if (!match)
                    continue;
                auto *it = new QListWidgetItem(tr("[Bundle] %1").arg(b.name), m_results);
                it->setData(kRoleCode, b.code);
                it->setData(kRoleBundle, true);
            }
        }
    }
    auto hits = m_search->search(m_box->text(), m_windowNo);
    if (hits) {
        for (const auto &h : hits.value()) {
            auto *it = new QListWidgetItem(u"%1 — %2"_s.arg(h.name, h.department), m_results);
            it->setData(kRoleCode, h.code);
            it->setData(kRoleBundle, false);
            it->setToolTip(h.code);
        }
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0); // Enter takes the first result
    else
        showCurrent();
}

void CatalogPage::showCurrent() {
    const QString code = currentCode();
    m_start->setEnabled(!code.isEmpty());
    if (code.isEmpty()) {
        const QString hint = CatalogSearchHint::noResults(*m_search, m_box->text(), m_windowNo);
        m_detail->setHtml(u"<p>%1</p>"_s.arg(esc(hint.isEmpty() ? tr("No matter found.") : hint)));
        return;
    }
    m_detail->setHtml(currentIsBundle() ? bundleHtml(code) : itemHtml(code));
}

void CatalogPage::start() {
    const QString code = currentCode();
    if (code.isEmpty())
        return;
    // Use counts are recorded by the intake page when it loads the matter, not here (counted once).
    emit startIntake(code, currentIsBundle());
}

QString CatalogPage::itemHtml(const QString &code) const {
    auto r = storage::CatalogRepository(m_db).currentItem(code);
    if (!r)
        return u"<p>%1</p>"_s.arg(esc(tr("This matter cannot be loaded from the catalog.")));
    const core::ServiceItem &it = r.value();
    const QString objectText = it.serviceObject == u"natural_person" ? tr("Natural person")
                               : it.serviceObject == u"legal_person" ? tr("Legal person")
                                                                     : tr("Natural or legal person");
    const auto yesNo = [](bool b) {
        return b ? tr("Yes") : tr("No");
    };
    QString html = u"<h2>%1</h2><p><code>%2</code> · %3</p><table>"_s.arg(esc(it.name), esc(it.code),
                                                                          esc(core::itemTypeLabel(it.type)));
    if (!it.aliases.isEmpty())
        html += row(tr("Also known as"), esc(it.aliases.join(u"、"_s)));
    html += row(tr("Department"), esc(it.department));
    html += row(tr("Legal basis"), esc(it.basis));
    html += row(tr("Conditions"), esc(it.conditions));
    html += row(tr("Service object"), esc(objectText));
    html += row(tr("Process"), esc(it.process.join(u" → "_s)));
    // A limit of 0 working days is an 即办件: done on the spot, not "0 days".
    const auto limitText = [](int days) {
        return days == 0 ? tr("immediate (done on the spot)") : tr("%n working day(s)", nullptr, days);
    };
    html += row(tr("Legal time limit"), esc(limitText(it.legalTimeLimitDays)));
    html += row(tr("Promised time limit"), esc(limitText(it.promisedTimeLimitDays)));
    html += row(tr("Result"), esc(it.result));
    html += row(tr("Fee"), esc(it.fee));
    html += row(tr("Online"), esc(yesNo(it.online)));
    html += row(tr("Cross-province"), esc(yesNo(it.crossProvince)));
    html += row(tr("Commitment (告知承诺) allowed"), esc(yesNo(it.commitmentAllowed)));
    html += u"</table><h3>%1</h3><ul style=\"list-style:none\">"_s.arg(esc(tr("Materials")));
    for (const auto &m : it.materials) {
        QStringList tags;
        tags << (m.required ? tr("required") : tr("optional"));
        if (m.copies > 1)
            tags << tr("%n copies", nullptr, m.copies);
        if (!m.licenseType.isEmpty())
            tags << tr("e-license can stand in");
        if (m.commitmentAllowed)
            tags << tr("commitment accepted");
        html += u"<li>☐ %1 <small>(%2)</small>%3</li>"_s.arg(
            esc(m.name), esc(tags.join(u", "_s)),
            m.notes.isEmpty() ? QString() : u"<br/><small>"_s + esc(m.notes) + u"</small>"_s);
    }
    html += u"</ul><h3>%1</h3><ul>"_s.arg(esc(tr("Form fields")));
    for (const auto &f : it.form)
        html += u"<li>%1%2</li>"_s.arg(esc(f.label), f.required ? u" *"_s : QString());
    html += u"</ul>"_s;
    return html;
}

QString CatalogPage::bundleHtml(const QString &code) const {
    storage::CatalogRepository repo(m_db);
    auto b = repo.currentBundle(code);
    auto merged = repo.mergedBundle(code);
    if (!b || !merged)
        return u"<p>%1</p>"_s.arg(esc(tr("This bundle cannot be loaded from the catalog.")));
    QString html = u"<h2>%1</h2><p><code>%2</code> · %3 · %4</p>"_s.arg(
        esc(b->name), esc(b->code), esc(b->theme),
        esc(tr("promised %n working day(s)", nullptr, b->promisedTimeLimitDays)));
    html += u"<h3>%1</h3><ol>"_s.arg(esc(tr("Items")));
    for (const QString &c : merged->itemCodes) {
        auto it = repo.currentItem(c);
        html += u"<li>%1 <small><code>%2</code></small></li>"_s.arg(esc(it ? it->name : c), esc(c));
    }
    for (const QString &c : merged->missingItems)
        html += u"<li><s>%1</s> <small>%2</small></li>"_s.arg(esc(c), esc(tr("no longer in the catalog")));
    html += u"</ol><h3>%1</h3><ul style=\"list-style:none\">"_s.arg(
        esc(tr("Materials (shared ones listed once)")));
    for (const auto &m : merged->materials) {
        QStringList tags;
        tags << (m.material.required ? tr("required") : tr("optional"));
        if (!m.material.licenseType.isEmpty())
            tags << tr("e-license can stand in");
        if (m.material.commitmentAllowed)
            tags << tr("commitment accepted");
        if (m.refs.size() > 1)
            tags << tr("for %n items", nullptr, int(m.itemCodes().size()));
        html += u"<li>☐ %1 <small>(%2)</small></li>"_s.arg(esc(m.material.name), esc(tags.join(u", "_s)));
    }
    html += u"</ul><h3>%1</h3><ul>"_s.arg(esc(tr("Form fields (asked once)")));
    for (const auto &f : merged->fields)
        html += u"<li>%1%2</li>"_s.arg(esc(f.field.label), f.field.required ? u" *"_s : QString());
    html += u"</ul>"_s;
    return html;
}

} // namespace windowdesk::intake
