#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the standard output is connected to.
enum Terminal {
    /// Colours only on a terminal, and not when NO_COLOR is set (https://no-color.org) or the
    /// terminal says it cannot show them.
    static var standardOutputHasColors: Bool {
        guard isatty(1) != 0, getenv("NO_COLOR") == nil else { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }
}
