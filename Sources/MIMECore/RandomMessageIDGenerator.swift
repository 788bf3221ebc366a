/// Makes message identifiers (RFC 5322 section 3.6.4) from a random left-hand side and a domain.
///
/// RFC 5322 section 3.6.4 asks for identifiers that are unique worldwide; 144 random bits on the
/// left make a collision practically impossible without tying the identifier to a clock or a
/// process id, which would leak when and where the message was made. The default source is
/// `SystemRandomNumberGenerator`, a secure source on Linux.
public struct RandomMessageIDGenerator<Source: RandomNumberGenerator & Sendable>: MessageIDGenerator {
    /// The random source.
    public var source: Source
    /// The right-hand side used when ``MessageIDGenerator/nextMessageID(domain:)`` is given none;
    /// also used instead of the suggestion when `overridesDomain` is set.
    public let fallbackDomain: String
    /// Whether to always use ``fallbackDomain``, ignoring the domain the builder suggests.
    public let overridesDomain: Bool

    /// Creates a generator drawing from `source`.
    public init(source: Source, fallbackDomain: String = "localhost", overridesDomain: Bool = false) {
        self.source = source
        self.fallbackDomain = fallbackDomain
        self.overridesDomain = overridesDomain
    }

    /// Returns `<24 random letters and digits@domain>`.
    public mutating func nextMessageID(domain: String?) -> MessageID {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var left: [UInt8] = []
        left.reserveCapacity(24)
        for _ in 0..<24 {
            left.append(alphabet[Int.random(in: 0..<alphabet.count, using: &source)])
        }
        let right = overridesDomain ? fallbackDomain : (domain.flatMap { Self.usableDomain($0) } ?? fallbackDomain)
        return MessageID(left: String(decoding: left, as: UTF8.self), right: right)
    }

    /// The domain when it can stand as `id-right = dot-atom-text` (RFC 5322 section 3.6.4);
    /// domain literals and non-ASCII domains are not used, so the identifier stays plain ASCII.
    private static func usableDomain(_ domain: String) -> String? {
        let bytes = Array(domain.utf8)
        guard !bytes.isEmpty, bytes.first != UInt8(ascii: "."), bytes.last != UInt8(ascii: ".") else { return nil }
        var previousDot = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if previousDot { return nil }
                previousDot = true
                continue
            }
            previousDot = false
            guard byte < 0x80, FieldScanner.isAtext(byte) else { return nil }
        }
        return domain
    }
}

extension RandomMessageIDGenerator where Source == SystemRandomNumberGenerator {
    /// Creates a generator drawing from the system's secure random source.
    public init(fallbackDomain: String = "localhost", overridesDomain: Bool = false) {
        self.init(source: SystemRandomNumberGenerator(), fallbackDomain: fallbackDomain,
                  overridesDomain: overridesDomain)
    }
}
