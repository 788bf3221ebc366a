import TestSupport
/// The shared deterministic generator (see Sources/TestSupport).
typealias SeededGenerator = TestSupport.SeededGenerator
