import MIMEFuzz

// libFuzzer's entry point (see FuzzTarget.fields for what it checks). Built without the fuzzer
// sanitizer this is an empty program.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.fields.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
