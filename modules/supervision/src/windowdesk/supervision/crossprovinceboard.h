#pragma once
// 监督 → 跨省通办 tab (issue 16): every 跨省通办 receipt of the hall (this desk's and, from the platform's
// feed, the other windows'), its state and forward_due, the late ones (still not forwarded after forward_due)
// flagged and counted. Read-only; ids masked. Ctrl+R refreshes.
#include <QWidget>

class QLabel;
class QTableView;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}
namespace windowdesk::cases {
class CrossProvinceModel;
}

namespace windowdesk::supervision {

class CrossProvinceBoard : public QWidget {
    Q_OBJECT
public:
    CrossProvinceBoard(storage::Database &db, const Clock &clock, QWidget *parent = nullptr);
    void refresh();
    cases::CrossProvinceModel *model() const { return m_model; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    cases::CrossProvinceModel *m_model;
    QLabel *m_summary;
    QTableView *m_view;
};

} // namespace windowdesk::supervision
