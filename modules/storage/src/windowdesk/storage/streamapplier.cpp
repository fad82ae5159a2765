#include "streamapplier.h"

#include <QMutex>
#include <QMutexLocker>

namespace windowdesk::storage {

namespace {
struct Registry {
    QMutex mutex; // registered in the main thread, read by the sync worker's
    QList<std::pair<QString, StreamApplierFactory>> factories;
};
Registry &registry() {
    static Registry r;
    return r;
}
} // namespace

void registerStreamApplier(const QString &stream, StreamApplierFactory factory) {
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    for (auto &[name, f] : r.factories) {
        if (name == stream) {
            f = std::move(factory);
            return;
        }
    }
    r.factories.append({stream, std::move(factory)});
}

QList<StreamApplierFactory> streamApplierFactories() {
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    QList<StreamApplierFactory> out;
    for (const auto &[name, f] : r.factories)
        out.append(f);
    return out;
}

} // namespace windowdesk::storage
