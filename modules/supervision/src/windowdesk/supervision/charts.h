#pragma once
// Small charts drawn with QPainter over pre-aggregated numbers (architecture.md: no Qt Charts, which is
// GPL-only): bar, stacked bar, line and a heat map. One ChartData feeds the picture, its "数据表" table and
// its accessible description, so the three always say the same; paintChart() draws on any QPainter (the
// screen, the PDF of the report).
#include <QAbstractTableModel>
#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QPainter;
class QRectF;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace windowdesk::supervision {

struct ChartSeries {
    QString name;
    QList<double> values; // one per category
};

struct ChartData {
    enum class Kind { Bar, StackedBar, Line, HeatMap };
    Kind kind = Kind::Bar;
    QString title;
    QString categoryTitle;     // what the categories are ("Window", "Day"); the table's first header
    QStringList categories;    // x axis (heat map: columns)
    QList<ChartSeries> series; // heat map: one series per row
    int decimals = 0;
    bool isEmpty() const;
    double maxValue() const; // stacked: the largest stack
};

// The description a screen reader gives: the title, then every category with its values.
QString describeChart(const ChartData &data);
// Draws the chart into `area` (title, axes, legend) with the palette's text colour on a light ground.
void paintChart(QPainter &p, const QRectF &area, const ChartData &data);

// The numbers of a chart as a table: one row per category (heat map: per series), one column per series.
class ChartTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ChartTableModel(QObject *parent = nullptr)
        : QAbstractTableModel(parent) {}
    void setChart(const ChartData &data);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    bool transposed() const { return m_data.kind == ChartData::Kind::HeatMap; }
    ChartData m_data;
};

class ChartCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ChartCanvas(QWidget *parent = nullptr);
    void setChart(const ChartData &data);
    const ChartData &chart() const { return m_data; }
    QSize sizeHint() const override { return {360, 240}; }
    QSize minimumSizeHint() const override { return {200, 150}; }

protected:
    void paintEvent(QPaintEvent *) override;

private:
    ChartData m_data;
};

// A chart with its "数据表" toggle: the picture or the same numbers in a table.
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(const QString &name, QWidget *parent = nullptr);
    void setChart(const ChartData &data);
    const ChartData &chart() const { return m_canvas->chart(); }
    bool showingTable() const;
    void setShowingTable(bool on);
    QTableView *table() const { return m_table; }
    ChartCanvas *canvas() const { return m_canvas; }

private:
    ChartCanvas *m_canvas;
    QTableView *m_table;
    ChartTableModel *m_model;
    QStackedWidget *m_stack;
    QToolButton *m_toggle;
};

} // namespace windowdesk::supervision
