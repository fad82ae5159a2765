#pragma once
// A value or an error: no exceptions cross module boundaries.
#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace windowdesk {

struct Error {
    QString code;    // machine code, e.g. "calendar_missing", "db_newer_than_code"
    QString message; // human text (Chinese for the clerk where it is shown as is)
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_v(std::move(value)) {}
    Result(Error error)
        : m_v(std::move(error)) {}
    static Result failure(QString code, QString message) {
        return Result(Error{std::move(code), std::move(message)});
    }

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_v); }
    T &value() & { return std::get<T>(m_v); }
    T &&value() && { return std::get<T>(std::move(m_v)); }
    const T &operator*() const & { return std::get<T>(m_v); }
    T &operator*() & { return std::get<T>(m_v); }
    const T *operator->() const { return &std::get<T>(m_v); }
    T *operator->() { return &std::get<T>(m_v); }
    const Error &error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// Result without a value.
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_e(std::move(error)) {}
    static Result failure(QString code, QString message) {
        return Result(Error{std::move(code), std::move(message)});
    }
    bool ok() const { return !m_e.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_e; }

private:
    std::optional<Error> m_e;
};

using Status = Result<void>;

} // namespace windowdesk
