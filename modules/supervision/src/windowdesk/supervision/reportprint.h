#pragma once
// The period report on paper: A4 landscape, the hall's name and the period at the head of every page, the
// report's table (continued over pages as needed), then its charts two by two — drawn with QPainter so the
// same code fills the print preview's printer and the PDF file.
#include "charts.h"

#include <QList>
#include <QString>
#include <QStringList>

class QPrinter;

namespace windowdesk::supervision {

struct ReportDocument {
    QString hallName;
    QString title;      // 综窗业务报表
    QString periodLine; // the period, the grouping, the target
    QString footer;     // when and by whom it was made
    QStringList headers;
    QList<QStringList> rows; // the last one is the total, printed bold
    QList<ChartData> charts;
};

// Sets the printer to A4 landscape and draws the document. Returns the number of pages.
int printReport(QPrinter &printer, const ReportDocument &doc);
// The document as a PDF file through QPrinter; false if the file cannot be written.
bool writeReportPdf(const QString &path, const ReportDocument &doc);

} // namespace windowdesk::supervision
