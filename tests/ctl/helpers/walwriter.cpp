// A GUI-like writer for the shared-database tests: the same file opened twice through storage::Database (the
// window's connection and the sync worker's, as the GUI does), then one committed row after another,
// alternating between the two connections, each committed row's number printed on its own line.
// Usage: walwriter DB [--copy-aside] — runs until killed (the test kills it with SIGKILL, as a crash would).
// --copy-aside: with both connections open, copy the file aside first (as on damage found by the sync
// worker).
#include <windowdesk/storage/database.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>
#include <cstdio>

using namespace Qt::StringLiterals;
using windowdesk::storage::Database;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const bool copyAside = argc == 3 && qstrcmp(argv[2], "--copy-aside") == 0;
    if (argc != 2 && !copyAside) {
        std::fprintf(stderr, "usage: walwriter DB [--copy-aside]\n");
        return 2;
    }
    auto main = Database::open(QString::fromLocal8Bit(argv[1]));
    if (!main.ok()) {
        std::fprintf(stderr, "open: %s\n", qPrintable(main.error().message));
        return 1;
    }
    auto second = main.value()->openAnotherConnection();
    if (!second.ok()) {
        std::fprintf(stderr, "second connection: %s\n", qPrintable(second.error().message));
        return 1;
    }
    Database *connections[2] = {main.value().get(), second.value().get()};
    if (copyAside) {
        const auto copy = Database::copyAside(main.value()->path());
        if (!copy.ok()) {
            std::fprintf(stderr, "copy aside: %s\n", qPrintable(copy.error().message));
            return 1;
        }
    }
    std::printf("ready\n");
    std::fflush(stdout);
    int failures = 0;
    for (qint64 n = 1;;) {
        Database &db = *connections[n % 2];
        const auto st = db.write([&] {
            return db.exec(u"INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?)"_s,
                           {u"walprobe.%1"_s.arg(n, 8, 10, QChar(u'0')), QString::number(n),
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
        });
        if (!st.ok()) {
            // Another process may hold the write lock longer than the busy wait: try the same row again.
            std::fprintf(stderr, "write %lld: %s\n", n, qPrintable(st.error().message));
            if (++failures > 20)
                return 1;
            continue;
        }
        failures = 0;
        std::printf("%lld\n", n);
        std::fflush(stdout);
        ++n;
        QThread::msleep(2);
    }
}
