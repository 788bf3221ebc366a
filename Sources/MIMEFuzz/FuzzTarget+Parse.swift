import MIMECore

extension FuzzTarget {
    /// The one-shot parser (`Message.parse`) with the default limits and with tight ones: the
    /// tree's offsets are consistent, diagnostics point into the message, nesting and part counts
    /// respect the limits, and reading every field and body never traps.
    public static let parse = FuzzTarget(name: "parse") { input in
        let defaults = ParserOptions()
        let message = Message.parse(input, options: defaults)
        MessageInvariants.checkStructure(message, options: defaults)
        MessageInvariants.readEverything(message, options: defaults)

        var random = FuzzRandom(seededBy: input)
        let tight = MessageInvariants.tightOptions(using: &random)
        let limited = Message.parse(input, options: tight)
        MessageInvariants.checkStructure(limited, options: tight)
        MessageInvariants.readEverything(limited, options: tight)
        require(limited.serialize() == input, "a limit changed the serialized bytes")
    }
}
