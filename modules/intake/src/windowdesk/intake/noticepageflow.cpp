#include "noticepageflow.h"

#include <QPagedPaintDevice>
#include <QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

QString noticeDate(const QDate &d) {
    return d.isValid() ? u"%1年%2月%3日"_s.arg(d.year()).arg(d.month()).arg(d.day()) : u"____年__月__日"_s;
}

NoticePageFlow::NoticePageFlow(QPainter &p, QPagedPaintDevice &dev)
    : m_p(p)
    , m_dev(dev)
    , m_pxPerMm(dev.logicalDpiX() / 25.4) {
    m_left = mm(25);
    m_width = dev.width() - mm(25) - mm(20);
    m_top = mm(22);
    m_bottom = dev.height() - mm(20);
    m_y = m_top;
}

QFont NoticePageFlow::font(double pt, bool bold) const {
    QFont f(u"Noto Sans CJK SC"_s);
    // No OpenType shaping where the script does not need it: shaped Latin runs got glyph variants
    // (proportional digits, ligatures) that the PDF's text layer cannot map back to characters.
    f.setStyleStrategy(QFont::PreferNoShaping);
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

void NoticePageFlow::ensure(double h) {
    if (m_y + h > m_bottom) {
        m_dev.newPage();
        m_y = m_top;
    }
}

void NoticePageFlow::text(const QString &s, double pt, Qt::Alignment align, bool bold, double indentMm) {
    m_p.setFont(font(pt, bold));
    const QRectF area(m_left + mm(indentMm), 0, m_width - mm(indentMm), 1e6);
    const QRectF need = m_p.boundingRect(area, int(align | Qt::TextWordWrap), s);
    ensure(need.height());
    m_p.drawText(QRectF(area.left(), m_y, area.width(), need.height()), int(align | Qt::TextWordWrap), s);
    m_y += need.height();
}

void NoticePageFlow::row(const QList<double> &widthsMm, const QStringList &cells, double pt, bool header) {
    m_p.setFont(font(pt, header));
    const double pad = mm(1.5);
    double h = 0;
    for (qsizetype i = 0; i < cells.size(); ++i)
        h = std::max(h, m_p.boundingRect(QRectF(0, 0, mm(widthsMm[i]) - 2 * pad, 1e6),
                                         int(Qt::AlignLeft | Qt::TextWordWrap), cells[i])
                            .height());
    h += 2 * pad;
    ensure(h);
    double x = m_left;
    m_p.setPen(QPen(Qt::black, mm(0.2)));
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QRectF cell(x, m_y, mm(widthsMm[i]), h);
        if (header)
            m_p.fillRect(cell, QColor(0xee, 0xee, 0xee));
        m_p.drawRect(cell);
        m_p.drawText(cell.adjusted(pad, pad, -pad, -pad),
                     int(Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap), cells[i]);
        x += mm(widthsMm[i]);
    }
    m_y += h;
}

} // namespace windowdesk::intake
