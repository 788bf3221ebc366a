import Foundation
import COIFuzz
import MIMEFuzz
import Testing

/// One file of a fuzz corpus: a seed or a past crash of one target.
struct CorpusFile: CustomTestStringConvertible, Sendable {
    var target: String
    var path: String
    var testDescription: String { target + "/" + (path.split(separator: "/").last.map(String.init) ?? path) }
}

enum FuzzCorpus {
    /// `Fixtures/fuzz`, found from this file's path so that no bundle resources are needed.
    static let directory: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Fixtures/fuzz"
    }()

    /// Every file of every target's corpus folder.
    static let files: [CorpusFile] = {
        let manager = FileManager.default
        var result: [CorpusFile] = []
        for target in (FuzzTarget.all + FuzzTarget.coiLayer).map(\.name) {
            let folder = directory + "/" + target
            let names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            result += names.sorted().filter { !$0.hasPrefix(".") }.map { CorpusFile(target: target, path: folder + "/" + $0) }
        }
        return result
    }()
}

@Suite("Fuzz corpus replay")
struct FuzzCorpusTests {
    /// Every target has a seed corpus, so that CI's fuzzing starts from real messages.
    @Test(arguments: (FuzzTarget.all + FuzzTarget.coiLayer).map(\.name))
    func everyTargetHasACorpus(target: String) {
        #expect(FuzzCorpus.files.filter { $0.target == target }.count >= 5, "Fixtures/fuzz/\(target) is (nearly) empty")
    }

    /// Each seed and past crash runs through its target's body without trapping: the body's own
    /// property checks are the assertions, a violation stops the test process.
    @Test(arguments: FuzzCorpus.files)
    func replays(file: CorpusFile) throws {
        let target = try #require((FuzzTarget.all + FuzzTarget.coiLayer).first { $0.name == file.target })
        let bytes = try #require(FileManager.default.contents(atPath: file.path))
        target.run([UInt8](bytes))
    }
}
