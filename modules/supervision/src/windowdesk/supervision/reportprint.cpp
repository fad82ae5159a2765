#include "reportprint.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPrinter>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

namespace {
const QColor kText(0x22, 0x2b, 0x36);
const QColor kRule(0xc8, 0xd0, 0xd9);
const QColor kHeadFill(0xee, 0xf2, 0xf7);

QFont sized(const QFont &base, int px, bool bold = false) {
    QFont f = base;
    f.setPixelSize(px);
    f.setBold(bold);
    return f;
}

class Pages {
public:
    Pages(QPrinter &printer, QPainter &p, const ReportDocument &doc)
        : m_printer(printer)
        , m_p(p)
        , m_doc(doc) {
        // Logical units of 1/96 inch whatever the printer's resolution: fonts are set in pixels of that grid.
        const qreal scale = printer.resolution() / 96.0;
        const QRect page = printer.pageLayout().paintRectPixels(printer.resolution());
        m_p.scale(scale, scale);
        m_area = QRectF(0, 0, page.width() / scale, page.height() / scale);
    }
    // Draws the head of a page (after a new page when it is not the first) and returns the space below it.
    QRectF begin() {
        if (m_count > 0)
            m_printer.newPage();
        ++m_count;
        const QFont base = m_p.font();
        m_p.setPen(kText);
        m_p.setFont(sized(base, 18, true));
        const QFontMetricsF big(m_p.font());
        m_p.drawText(QRectF(m_area.left(), m_area.top(), m_area.width() * 0.75, big.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, m_doc.hallName + u"  "_s + m_doc.title);
        m_p.setFont(sized(base, 11));
        const QFontMetricsF small(m_p.font());
        m_p.drawText(
            QRectF(m_area.left(), m_area.top(), m_area.width(), big.height()),
            Qt::AlignRight | Qt::AlignVCenter,
            QCoreApplication::translate("windowdesk::supervision::ReportPage", "Page %1").arg(m_count));
        m_p.setFont(sized(base, 12));
        const QFontMetricsF mid(m_p.font());
        const qreal y = m_area.top() + big.height() + 4;
        m_p.drawText(QRectF(m_area.left(), y, m_area.width(), mid.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     m_doc.periodLine);
        const qreal ruleY = y + mid.height() + 6;
        m_p.setPen(QPen(kRule, 1));
        m_p.drawLine(QPointF(m_area.left(), ruleY), QPointF(m_area.right(), ruleY));
        // The footer: who made it and when.
        m_p.setFont(sized(base, 10));
        m_p.setPen(kText);
        m_p.drawText(QRectF(m_area.left(), m_area.bottom() - small.height(), m_area.width(), small.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, m_doc.footer);
        m_p.setFont(base);
        return QRectF(m_area.left(), ruleY + 10, m_area.width(),
                      m_area.bottom() - small.height() - 8 - ruleY - 10);
    }
    int count() const { return m_count; }

private:
    QPrinter &m_printer;
    QPainter &m_p;
    const ReportDocument &m_doc;
    QRectF m_area;
    int m_count = 0;
};

void drawTable(QPainter &p, Pages &pages, const ReportDocument &doc) {
    const QFont base = p.font();
    const QFont cell = sized(base, 11), head = sized(base, 11, true), total = sized(base, 11, true);
    const QFontMetricsF fm(head);
    QRectF area = pages.begin();
    const qreal rowH = fm.height() + 8;
    // Column widths from their widest text, the key column taking what is left.
    QList<qreal> widths;
    for (qsizetype c = 0; c < doc.headers.size(); ++c) {
        qreal w = fm.horizontalAdvance(doc.headers.at(c));
        for (const QStringList &r : doc.rows)
            w = std::max(w, QFontMetricsF(cell).horizontalAdvance(r.value(c)));
        widths.append(w + 12);
    }
    qreal sum = 0;
    for (qreal w : widths)
        sum += w;
    if (sum < area.width())
        widths[0] += area.width() - sum;
    const qreal scale = sum > area.width() ? area.width() / sum : 1.0;
    for (qreal &w : widths)
        w *= scale;
    auto drawRow = [&](qreal y, const QStringList &texts, const QFont &f, bool fill) {
        if (fill)
            p.fillRect(QRectF(area.left(), y, area.width(), rowH), kHeadFill);
        p.setFont(f);
        p.setPen(kText);
        qreal x = area.left();
        for (qsizetype c = 0; c < widths.size(); ++c) {
            p.drawText(QRectF(x + 6, y, widths.at(c) - 12, rowH),
                       (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, texts.value(c));
            x += widths.at(c);
        }
        p.setPen(QPen(kRule, 0.7));
        p.drawLine(QPointF(area.left(), y + rowH), QPointF(area.right(), y + rowH));
    };
    qreal y = area.top();
    drawRow(y, doc.headers, head, true);
    y += rowH;
    for (qsizetype r = 0; r < doc.rows.size(); ++r) {
        if (y + rowH > area.bottom()) {
            area = pages.begin();
            y = area.top();
            drawRow(y, doc.headers, head, true);
            y += rowH;
        }
        const bool isTotal = r == doc.rows.size() - 1;
        drawRow(y, doc.rows.at(r), isTotal ? total : cell, isTotal);
        y += rowH;
    }
    p.setFont(base);
}
} // namespace

int printReport(QPrinter &printer, const ReportDocument &doc) {
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(12, 10, 12, 10), QPageLayout::Millimeter);
    printer.setDocName(doc.title);
    QPainter p;
    if (!p.begin(&printer))
        return 0;
    Pages pages(printer, p, doc);
    drawTable(p, pages, doc);
    // The charts, four to a page.
    for (qsizetype i = 0; i < doc.charts.size(); i += 4) {
        const QRectF area = pages.begin();
        const qreal w = (area.width() - 12) / 2, h = (area.height() - 12) / 2;
        for (qsizetype k = 0; k < 4 && i + k < doc.charts.size(); ++k) {
            const QRectF r(area.left() + (k % 2) * (w + 12), area.top() + (k / 2) * (h + 12), w, h);
            paintChart(p, r, doc.charts.at(i + k));
        }
    }
    p.end();
    return pages.count();
}

bool writeReportPdf(const QString &path, const ReportDocument &doc) {
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setCreator(u"WindowDesk"_s);
    const int pages = printReport(printer, doc);
    return pages > 0 && QFileInfo(path).size() > 0;
}

} // namespace windowdesk::supervision
