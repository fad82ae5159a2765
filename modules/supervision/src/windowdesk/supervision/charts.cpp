#include "charts.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

namespace {
// Colours that stay apart on screen, in print and in grey (blue, orange, grey, green).
const QList<QColor> kSeriesColours = {QColor(0x2f, 0x6d, 0xb5), QColor(0xe0, 0x8a, 0x2c),
                                      QColor(0x9a, 0xa5, 0xb1), QColor(0x4c, 0x9a, 0x5b)};
const QColor kText(0x22, 0x2b, 0x36);
const QColor kGrid(0xdd, 0xe2, 0xe8);

QString number(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

// A round axis maximum and its step (1, 2 or 5 × 10^n, four or five steps).
std::pair<double, double> niceAxis(double max) {
    if (max <= 0)
        return {1, 1};
    const double rough = max / 4;
    const double mag = std::pow(10.0, std::floor(std::log10(rough)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= rough) {
            step = m * mag;
            break;
        }
    if (step < 1)
        step = 1;
    return {std::ceil(max / step) * step, step};
}

QColor heatColour(double share) {
    // White to a deep blue: readable in grey print as light to dark.
    const QColor lo(0xf4, 0xf7, 0xfb), hi(0x1d, 0x4e, 0x89);
    share = std::clamp(share, 0.0, 1.0);
    return QColor::fromRgbF(float(lo.redF() + (hi.redF() - lo.redF()) * share),
                            float(lo.greenF() + (hi.greenF() - lo.greenF()) * share),
                            float(lo.blueF() + (hi.blueF() - lo.blueF()) * share));
}
} // namespace

bool ChartData::isEmpty() const {
    for (const ChartSeries &s : series)
        for (double v : s.values)
            if (v != 0)
                return false;
    return true;
}

double ChartData::maxValue() const {
    double m = 0;
    if (kind == Kind::StackedBar) {
        for (qsizetype i = 0; i < categories.size(); ++i) {
            double sum = 0;
            for (const ChartSeries &s : series)
                sum += s.values.value(i);
            m = std::max(m, sum);
        }
        return m;
    }
    for (const ChartSeries &s : series)
        for (double v : s.values)
            m = std::max(m, v);
    return m;
}

QString describeChart(const ChartData &data) {
    QStringList parts;
    if (data.isEmpty())
        return ChartPanel::tr("%1: no data for this period.").arg(data.title);
    if (data.kind == ChartData::Kind::HeatMap) {
        // The busiest cells first: what the picture makes stand out.
        struct Cell {
            QString where;
            double v;
        };
        QList<Cell> cells;
        for (const ChartSeries &s : data.series)
            for (qsizetype i = 0; i < data.categories.size(); ++i)
                if (s.values.value(i) > 0)
                    cells.append({s.name + u' ' + data.categories.at(i), s.values.value(i)});
        std::stable_sort(cells.begin(), cells.end(), [](const Cell &a, const Cell &b) { return a.v > b.v; });
        for (qsizetype i = 0; i < std::min<qsizetype>(cells.size(), 5); ++i)
            parts << u"%1 %2"_s.arg(cells.at(i).where, number(cells.at(i).v, data.decimals));
        return ChartPanel::tr("%1, busiest first: %2.").arg(data.title, parts.join(u"; "_s));
    }
    for (qsizetype i = 0; i < data.categories.size(); ++i) {
        QStringList values;
        for (const ChartSeries &s : data.series)
            values << (data.series.size() > 1 ? s.name + u' ' : QString()) +
                          number(s.values.value(i), data.decimals);
        parts << data.categories.at(i) + u' ' + values.join(u", "_s);
    }
    return ChartPanel::tr("%1: %2.").arg(data.title, parts.join(u"; "_s));
}

// The plot of a bar or line chart: its rectangle, the width of one category, the value axis' top.
struct PlotArea {
    QRectF plot;
    qreal slot;
    double axisMax;
    qreal yOf(double v) const { return plot.bottom() - plot.height() * v / axisMax; }
    qreal xOf(qsizetype i) const { return plot.left() + slot * (qreal(i) + 0.5); }
};

// The hour × weekday heat map: a row per series, a cell per category, darker for more.
void paintHeatMap(QPainter &p, const QRectF &body, const QFontMetricsF &fm, const ChartData &data) {
    const qsizetype n = data.categories.size();
    qreal labelW = 0;
    for (const ChartSeries &s : data.series)
        labelW = std::max(labelW, fm.horizontalAdvance(s.name));
    const QRectF grid(body.left() + labelW + 6, body.top(), body.width() - labelW - 6,
                      body.height() - fm.height() - 4);
    const qreal cw = grid.width() / qreal(n),
                ch = grid.height() / qreal(std::max<qsizetype>(1, data.series.size()));
    const double max = data.maxValue();
    const int every = int(std::ceil(fm.horizontalAdvance(u"00"_s) * 1.4 / cw));
    for (qsizetype r = 0; r < data.series.size(); ++r) {
        const ChartSeries &s = data.series.at(r);
        p.setPen(kText);
        p.drawText(QRectF(body.left(), grid.top() + r * ch, labelW, ch), Qt::AlignRight | Qt::AlignVCenter,
                   s.name);
        for (qsizetype c = 0; c < n; ++c) {
            const double v = s.values.value(c);
            const QRectF cell(grid.left() + c * cw, grid.top() + r * ch, cw, ch);
            p.fillRect(cell.adjusted(0.5, 0.5, -0.5, -0.5), heatColour(max > 0 ? v / max : 0));
            if (v > 0 && cw >= fm.horizontalAdvance(number(v, data.decimals)) + 2 && ch >= fm.height()) {
                p.setPen(v / max > 0.55 ? Qt::white : kText);
                p.drawText(cell, Qt::AlignCenter, number(v, data.decimals));
            }
        }
    }
    p.setPen(kText);
    qreal lastRight = -1e9;
    for (qsizetype c = 0; c < n; c += std::max(1, every)) {
        const qreal w = fm.horizontalAdvance(data.categories.at(c)) + 4;
        const qreal left = std::clamp(grid.left() + (qreal(c) + 0.5) * cw - w / 2, body.left(),
                                      std::max(body.left(), body.right() - w));
        if (left < lastRight + 2)
            continue; // moved in at the edge, it would run into the label before it
        lastRight = left + w;
        p.drawText(QRectF(left, grid.bottom() + 2, w, fm.height()), Qt::AlignHCenter, data.categories.at(c));
    }
}

void paintLines(QPainter &p, const PlotArea &a, const ChartData &data) {
    const qsizetype n = data.categories.size();
    const QRectF &plot = a.plot;
    const qreal slot = a.slot;
    const auto yOf = [&a](double v) {
        return a.yOf(v);
    };
    for (qsizetype s = 0; s < data.series.size(); ++s) {
        const QColor c = kSeriesColours.at(s % kSeriesColours.size());
        QPainterPath path;
        for (qsizetype i = 0; i < n; ++i) {
            const QPointF pt(plot.left() + slot * (qreal(i) + 0.5), yOf(data.series.at(s).values.value(i)));
            if (i == 0)
                path.moveTo(pt);
            else
                path.lineTo(pt);
        }
        p.setPen(QPen(c, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        if (slot >= 8) {
            p.setBrush(c);
            p.setPen(Qt::NoPen);
            for (qsizetype i = 0; i < n; ++i)
                p.drawEllipse(
                    QPointF(plot.left() + slot * (qreal(i) + 0.5), yOf(data.series.at(s).values.value(i))),
                    2.5, 2.5);
        }
    }
}

// Bars side by side per category, or stacked with the total above.
void paintBars(QPainter &p, const PlotArea &a, const QFontMetricsF &fm, const ChartData &data) {
    const qsizetype n = data.categories.size();
    const QRectF &plot = a.plot;
    const qreal slot = a.slot;
    const auto yOf = [&a](double v) {
        return a.yOf(v);
    };
    const bool stacked = data.kind == ChartData::Kind::StackedBar;
    const qsizetype groups = stacked ? 1 : data.series.size();
    const qreal barW = std::max<qreal>(1, slot * 0.7 / qreal(groups));
    for (qsizetype i = 0; i < n; ++i) {
        qreal x = plot.left() + slot * qreal(i) + slot * 0.15;
        double base = 0;
        for (qsizetype s = 0; s < data.series.size(); ++s) {
            const double v = data.series.at(s).values.value(i);
            const QColor c = kSeriesColours.at(s % kSeriesColours.size());
            const QRectF bar(x, yOf(base + v), barW, yOf(base) - yOf(base + v));
            p.fillRect(bar, c);
            if (stacked)
                base += v;
            else
                x += barW;
        }
        // The value (stacked: the total) above each bar when there is room for it.
        if (stacked || data.series.size() == 1) {
            const double top = stacked ? base : data.series.first().values.value(i);
            const QString label = number(top, data.decimals);
            if (top > 0 && fm.horizontalAdvance(label) <= slot) {
                p.setPen(kText);
                p.drawText(
                    QRectF(plot.left() + slot * qreal(i), yOf(top) - fm.height() - 1, slot, fm.height()),
                    Qt::AlignHCenter | Qt::AlignBottom, label);
            }
        }
    }
}

void paintChart(QPainter &p, const QRectF &area, const ChartData &data) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(area, Qt::white);
    p.setPen(QPen(kGrid, 1));
    p.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5));
    QFont font = p.font();
    const int px = 12;
    font.setPixelSize(px);
    QFont bold = font;
    bold.setBold(true);
    bold.setPixelSize(px + 1);
    const QRectF inner = area.adjusted(8, 6, -8, -6);

    // Title, and the legend beside it when there are several series.
    // The title whole: a smaller size when it is too wide for the chart (down to 10 px), elided only then.
    while (bold.pixelSize() > 10 && QFontMetricsF(bold).horizontalAdvance(data.title) > inner.width())
        bold.setPixelSize(bold.pixelSize() - 1);
    p.setFont(bold);
    p.setPen(kText);
    const QFontMetricsF fmB(bold);
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), fmB.height()),
               Qt::AlignLeft | Qt::AlignVCenter, fmB.elidedText(data.title, Qt::ElideRight, inner.width()));
    p.setFont(font);
    const QFontMetricsF fm(font);
    qreal top = inner.top() + fmB.height() + 4;
    if (data.series.size() > 1 && data.kind != ChartData::Kind::HeatMap) {
        qreal x = inner.left();
        for (qsizetype i = 0; i < data.series.size(); ++i) {
            const QColor c = kSeriesColours.at(i % kSeriesColours.size());
            if (x > inner.left() && x + 14 + fm.horizontalAdvance(data.series.at(i).name) > inner.right()) {
                x = inner.left(); // the legend goes on below rather than past the edge
                top += fm.height() + 2;
            }
            p.fillRect(QRectF(x, top + fm.height() / 2 - 4, 10, 8), c);
            x += 14;
            p.setPen(kText);
            p.drawText(QPointF(x, top + fm.ascent()), data.series.at(i).name);
            x += fm.horizontalAdvance(data.series.at(i).name) + 14;
        }
        top += fm.height() + 4;
    }
    const QRectF body(inner.left(), top, inner.width(), inner.bottom() - top);
    if (data.isEmpty() || data.categories.isEmpty()) {
        p.setPen(QColor(0x6b, 0x75, 0x80));
        p.drawText(body, Qt::AlignCenter, ChartPanel::tr("No data for this period"));
        p.restore();
        return;
    }

    const qsizetype n = data.categories.size();
    if (data.kind == ChartData::Kind::HeatMap) {
        paintHeatMap(p, body, fm, data);
        p.restore();
        return;
    }

    // Axes: the value axis on the left with round steps, categories along the bottom.
    const auto [axisMax, step] = niceAxis(data.maxValue());
    qreal labelW = 0;
    for (double v = 0; v <= axisMax + step / 2; v += step)
        labelW = std::max(labelW, fm.horizontalAdvance(number(v, 0)));
    const QRectF plot(body.left() + labelW + 6, body.top() + fm.height() / 2, body.width() - labelW - 10,
                      body.height() - fm.height() * 1.5 - 6);
    auto yOf = [&](double v) {
        return plot.bottom() - plot.height() * v / axisMax;
    };
    for (double v = 0; v <= axisMax + step / 2; v += step) {
        const qreal y = yOf(v);
        p.setPen(QPen(kGrid, 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(kText);
        p.drawText(QRectF(body.left(), y - fm.height() / 2, labelW, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, number(v, 0));
    }
    const qreal slot = plot.width() / qreal(n);
    // Category labels a little smaller, every one of them when they fit, else every k-th.
    QFont small = font;
    small.setPixelSize(px - 1);
    const QFontMetricsF fmSmall(small);
    qreal widest = 0;
    for (const QString &c : data.categories)
        widest = std::max(widest, fmSmall.horizontalAdvance(c));
    // The rhythm from the usual label (one long name such as "(none)" does not thin out all the others);
    // a label that would still run into its neighbour is left out below.
    QList<qreal> widths;
    for (const QString &c : data.categories)
        widths.append(fmSmall.horizontalAdvance(c));
    std::sort(widths.begin(), widths.end());
    const int every = std::max(1, int(std::ceil((widths.at(widths.size() / 2) + 4) / slot)));
    p.setFont(small);
    p.setPen(kText);
    qreal lastRight = -1e9;
    for (qsizetype i = 0; i < n; i += every) {
        const qreal cx = plot.left() + slot * (qreal(i) + 0.5);
        const qreal textW = fmSmall.horizontalAdvance(data.categories.at(i)) + 4;
        // Centred under its bar or point, moved in at the chart's edges rather than cut off by them; one that
        // would then run into the label before it is left out.
        const qreal left =
            std::clamp(cx - textW / 2, inner.left(), std::max(inner.left(), inner.right() - textW));
        if (left < lastRight + 2)
            continue;
        lastRight = left + textW;
        p.drawText(QRectF(left, plot.bottom() + 3, textW, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   data.categories.at(i));
    }
    p.setFont(font);

    const PlotArea area2{plot, slot, axisMax};
    if (data.kind == ChartData::Kind::Line)
        paintLines(p, area2, data);
    else
        paintBars(p, area2, fm, data);
    p.setPen(QPen(kText, 1));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.restore();
}

// ---- The data table ----------------------------------------------------------------------------------

void ChartTableModel::setChart(const ChartData &data) {
    beginResetModel();
    m_data = data;
    endResetModel();
}

int ChartTableModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return int(transposed() ? m_data.series.size() : m_data.categories.size());
}

int ChartTableModel::columnCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return 1 + int(transposed() ? m_data.categories.size() : m_data.series.size());
}

QVariant ChartTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::TextAlignmentRole))
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == 0 ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    const int r = index.row(), c = index.column();
    if (transposed()) {
        const ChartSeries &s = m_data.series.at(r);
        return c == 0 ? QVariant(s.name) : QVariant(number(s.values.value(c - 1), m_data.decimals));
    }
    if (c == 0)
        return m_data.categories.at(r);
    return number(m_data.series.at(c - 1).values.value(r), m_data.decimals);
}

QVariant ChartTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return m_data.categoryTitle;
    return transposed() ? QVariant(m_data.categories.value(section - 1))
                        : QVariant(m_data.series.value(section - 1).name);
}

// ---- Widgets -----------------------------------------------------------------------------------------

ChartCanvas::ChartCanvas(QWidget *parent)
    : QWidget(parent) {
    setFocusPolicy(Qt::NoFocus);
}

void ChartCanvas::setChart(const ChartData &data) {
    m_data = data;
    setAccessibleName(data.title);
    setAccessibleDescription(describeChart(data));
    update();
}

void ChartCanvas::paintEvent(QPaintEvent *) {
    QPainter p(this);
    paintChart(p, QRectF(rect()), m_data);
}

ChartPanel::ChartPanel(const QString &name, QWidget *parent)
    : QWidget(parent) {
    setObjectName(name);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(name + u"TableToggle"_s);
    m_toggle->setText(tr("Data table"));
    m_toggle->setCheckable(true);
    m_toggle->setFocusPolicy(Qt::TabFocus);
    m_toggle->setAutoRaise(true);
    m_stack = new QStackedWidget(this);
    m_canvas = new ChartCanvas(m_stack);
    m_canvas->setObjectName(name + u"Canvas"_s);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(name + u"Table"_s);
    m_model = new ChartTableModel(this);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stack->addWidget(m_canvas);
    m_stack->addWidget(m_table);
    auto *head = new QHBoxLayout;
    head->addStretch(1);
    head->addWidget(m_toggle);
    layout->addLayout(head);
    layout->addWidget(m_stack, 1);
    connect(m_toggle, &QToolButton::toggled, this, [this](bool on) { m_stack->setCurrentIndex(on ? 1 : 0); });
}

void ChartPanel::setChart(const ChartData &data) {
    m_canvas->setChart(data);
    m_model->setChart(data);
    m_table->setAccessibleName(data.title);
    m_table->setAccessibleDescription(describeChart(data));
    m_toggle->setAccessibleName(tr("Data table: %1").arg(data.title));
    setAccessibleName(data.title);
    setAccessibleDescription(describeChart(data));
}

bool ChartPanel::showingTable() const {
    return m_toggle->isChecked();
}

void ChartPanel::setShowingTable(bool on) {
    m_toggle->setChecked(on);
}

} // namespace windowdesk::supervision
