#pragma once
// The printed notices' page flow (the acceptance notices and the 跨省通办 receipts alike): text and table
// rows laid out top to bottom in millimetres on an A4 page with the notices' margins (25 mm left, 20 mm right
// and bottom, 22 mm top), a new page when the next block would not fit, in the notices' font (Noto Sans CJK
// SC, no OpenType shaping so that the PDF's text layer maps back to characters).
#include <QDate>
#include <QFont>
#include <QList>
#include <QString>
#include <QStringList>

class QPainter;
class QPagedPaintDevice;

namespace windowdesk::intake {

// A date as the notices print it: 2026年3月6日; blanks to fill in by hand when there is none.
QString noticeDate(const QDate &d);

class NoticePageFlow {
public:
    NoticePageFlow(QPainter &p, QPagedPaintDevice &dev);

    double mm(double v) const { return v * m_pxPerMm; }
    double y() const { return m_y; }
    void setY(double y) { m_y = y; }
    double left() const { return m_left; }
    double width() const { return m_width; }
    double right() const { return m_left + m_width; }
    QPainter &painter() { return m_p; }
    QFont font(double pt, bool bold = false) const;

    // A new page when a block of height `h` would not fit on this one.
    void ensure(double h);
    void space(double mmv) { m_y += mm(mmv); }
    // One wrapped paragraph: plain text, never interpreted.
    void text(const QString &s, double pt, Qt::Alignment align = Qt::AlignLeft, bool bold = false,
              double indentMm = 0);
    // A table row (a header row bold on grey), as high as its tallest cell.
    void row(const QList<double> &widthsMm, const QStringList &cells, double pt, bool header);

private:
    QPainter &m_p;
    QPagedPaintDevice &m_dev;
    double m_pxPerMm = 1;
    double m_left = 0, m_width = 0, m_top = 0, m_bottom = 0, m_y = 0;
};

} // namespace windowdesk::intake
