#include "helpdialog.h"

#include "shortcuts.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

QString HelpDialog::shortcutsHtml() {
    QString html;
    QString area;
    for (const ShortcutEntry &e : shortcutTable()) {
        if (e.area != area) {
            if (!area.isEmpty())
                html += u"</table>"_s;
            area = e.area;
            html += u"<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"3\">"_s.arg(
                shortcutAreaTitle(area).toHtmlEscaped());
        }
        QStringList keys;
        for (const QKeySequence &k : e.keys)
            keys << k.toString(QKeySequence::NativeText).toHtmlEscaped();
        html += u"<tr><td width=\"160\"><b>%1</b></td><td>%2</td></tr>"_s.arg(
            keys.join(u" / "_s), shortcutDescription(e.id.toLatin1().constData()).toHtmlEscaped());
    }
    if (!area.isEmpty())
        html += u"</table>"_s;
    return html;
}

QString HelpDialog::manualHtml() {
    QFile f(u":/help/manual_zh_CN.html"_s);
    QString html = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll())
                                               : u"<h1>WindowDesk</h1><!--SHORTCUTS-->"_s;
    return html.replace(u"<!--SHORTCUTS-->"_s, shortcutsHtml());
}

HelpDialog::HelpDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QTextBrowser(this)) {
    setObjectName(u"helpDialog"_s);
    setWindowTitle(tr("WindowDesk manual"));
    m_text->setObjectName(u"helpText"_s);
    m_text->setOpenLinks(false);
    m_text->setHtml(manualHtml());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *l = new QVBoxLayout(this);
    l->addWidget(m_text, 1);
    l->addWidget(buttons);
    resize(720, 620);
    m_text->setFocus();
}

} // namespace windowdesk::ui
