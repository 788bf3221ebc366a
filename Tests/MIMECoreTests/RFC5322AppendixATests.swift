import MIMECore
import Testing

/// The example messages of RFC 5322 appendix A, parsed whole.
@Suite("RFC 5322 appendix A messages")
struct RFC5322AppendixATests {
    private static func parse(_ lines: [String]) -> Message {
        Message.parse(Array(lines.joined(separator: "\r\n").utf8))
    }

    /// A.1.1: a message from one person to another with simple addressing.
    @Test func simpleAddressing() {
        let message = Self.parse([
            "From: John Doe <jdoe@machine.example>",
            "To: Mary Smith <mary@example.net>",
            "Subject: Saying Hello",
            "Date: Fri, 21 Nov 1997 09:55:06 -0600",
            "Message-ID: <1234@local.machine.example>",
            "",
            "This is a message just to say hello.",
            "So, \"Hello\".",
        ])
        #expect(message.from.mailboxes.map(\.displayName) == ["John Doe"])
        #expect(message.to.mailboxes.map(\.addrSpec) == ["mary@example.net"])
        #expect(message.subject == "Saying Hello")
        #expect(message.date?.rfc3339 == "1997-11-21T09:55:06-06:00")
        #expect(message.messageID?.text == "1234@local.machine.example")
        #expect(message.root.text()?.text == "This is a message just to say hello.\r\nSo, \"Hello\".")
        #expect(message.allDiagnostics().isEmpty)
    }

    /// A.1.2: different types of mailboxes.
    @Test func mailboxTypes() {
        let message = Self.parse([
            "From: \"Joe Q. Public\" <john.q.public@example.com>",
            "To: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>",
            "Cc: <boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>",
            "Date: Tue, 1 Jul 2003 10:52:37 +0200",
            "Message-ID: <5678.21-Nov-1997@example.com>",
            "",
            "Hi everyone.",
        ])
        #expect(message.from.mailboxes.map(\.displayName) == ["Joe Q. Public"])
        #expect(message.to.mailboxes.map(\.addrSpec) == ["mary@x.test", "jdoe@example.org", "one@y.test"])
        #expect(message.to.mailboxes.map(\.displayName) == ["Mary Smith", nil, "Who?"])
        #expect(message.cc.mailboxes.map(\.displayName) == [nil, "Giant; \"Big\" Box"])
        #expect(message.allDiagnostics().isEmpty)
    }

    /// A.1.3: group addresses.
    @Test func groupAddresses() {
        let message = Self.parse([
            "From: Pete <pete@silly.example>",
            "To: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;",
            "Cc: Undisclosed recipients:;",
            "Date: Thu, 13 Feb 1969 23:32:54 -0330",
            "Message-ID: <testabcd.1234@silly.example>",
            "",
            "Testing.",
        ])
        guard case .group(let group) = message.to.first else {
            Issue.record("To is not a group")
            return
        }
        #expect(group.name == "A Group")
        #expect(group.members.map(\.addrSpec) == ["c@a.test", "joe@where.test", "jdoe@one.test"])
        guard case .group(let empty) = message.cc.first else {
            Issue.record("Cc is not a group")
            return
        }
        #expect(empty.name == "Undisclosed recipients" && empty.members.isEmpty)
        #expect(message.date?.rfc3339 == "1969-02-13T23:32:54-03:30")
    }

    /// A.2: a reply, and a reply to the reply.
    @Test func replies() {
        let message = Self.parse([
            "From: John Doe <jdoe@machine.example>",
            "To: Mary Smith <mary@example.net>",
            "Subject: Re: Saying Hello",
            "Date: Fri, 21 Nov 1997 11:00:00 -0600",
            "Message-ID: <abcd.1234@local.machine.test>",
            "In-Reply-To: <3456@example.net>",
            "References: <1234@local.machine.example> <3456@example.net>",
            "",
            "This is a reply to your reply.",
        ])
        #expect(message.inReplyTo.map(\.text) == ["3456@example.net"])
        #expect(message.references.map(\.text) == ["1234@local.machine.example", "3456@example.net"])
    }

    /// A.3: resent messages keep their resent fields in order.
    @Test func resentFields() {
        let message = Self.parse([
            "Resent-From: Mary Smith <mary@example.net>",
            "Resent-To: Jane Brown <j-brown@other.example>",
            "Resent-Date: Mon, 24 Nov 1997 14:22:01 -0800",
            "Resent-Message-ID: <78910@example.net>",
            "From: John Doe <jdoe@machine.example>",
            "To: Mary Smith <mary@example.net>",
            "Subject: Saying Hello",
            "Date: Fri, 21 Nov 1997 09:55:06 -0600",
            "Message-ID: <1234@local.machine.example>",
            "",
            "This is a message just to say hello.",
        ])
        #expect(message.headers.prefix(4).map(\.name) == ["Resent-From", "Resent-To", "Resent-Date", "Resent-Message-ID"])
        #expect(message.addresses("Resent-To").mailboxes.map(\.addrSpec) == ["j-brown@other.example"])
        #expect(message.allDiagnostics().isEmpty)
    }

    /// A.4: trace fields.
    @Test func traceFields() {
        let message = Self.parse([
            "Received: from x.y.test",
            "   by example.net",
            "   via TCP",
            "   with ESMTP",
            "   id ABC12345",
            "   for <mary@example.net>;  21 Nov 1997 10:05:43 -0600",
            "Received: from node.example by x.y.test; 21 Nov 1997 10:01:22 -0600",
            "From: John Doe <jdoe@node.example>",
            "To: Mary Smith <mary@example.net>",
            "Subject: Saying Hello",
            "Date: Fri, 21 Nov 1997 09:55:06 -0600",
            "Message-ID: <1234@local.node.example>",
            "",
            "This is a message just to say hello.",
        ])
        let received = message.headers.all(named: "received")
        #expect(received.count == 2)
        #expect(received[0].value == "from x.y.test   by example.net   via TCP   with ESMTP   id ABC12345   for <mary@example.net>;  21 Nov 1997 10:05:43 -0600")
    }

    /// A.5: white space, comments and other oddities.
    @Test func whiteSpaceAndComments() {
        let message = Self.parse([
            "From: Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>",
            "To:A Group(Some people)",
            "     :Chris Jones <c@(Chris's host.)public.example>,",
            "         joe@example.org,",
            "  John <jdoe@one.test> (my dear friend); (the end of the group)",
            "Cc:(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;",
            "Date: Thu,",
            "      13",
            "        Feb",
            "          1969",
            "      23:32",
            "               -0330 (Newfoundland Time)",
            "Message-ID:              <testabcd.1234@silly.test>",
            "",
            "Testing.",
        ])
        #expect(message.from.mailboxes.map(\.addrSpec) == ["pete@silly.test"])
        #expect(message.from.mailboxes.map(\.displayName) == ["Pete"])
        #expect(message.to.mailboxes.map(\.addrSpec) == ["c@public.example", "joe@example.org", "jdoe@one.test"])
        #expect(message.cc.mailboxes.isEmpty)
        #expect(message.date?.rfc3339 == "1969-02-13T23:32:00-03:30")
        #expect(message.messageID?.text == "testabcd.1234@silly.test")
    }

    /// A.6.1-A.6.3: obsolete addressing, dates and white space.
    @Test func obsoleteForms() {
        let message = Self.parse([
            "From: Joe Q. Public <john.q.public@example.com>",
            "To: Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example",
            "Date: 21 Nov 97 09:55:06 GMT",
            "Message-ID: <5678.21-Nov-1997@example.com>",
            "Subject  : Saying Hello",
            "",
            "Hi everyone.",
        ])
        #expect(message.from.mailboxes.map(\.displayName) == ["Joe Q. Public"])
        #expect(message.to.mailboxes.map(\.addrSpec) == ["mary@example.net", "jdoe@test.example"])
        #expect(message.date?.rfc3339 == "1997-11-21T09:55:06Z")
        #expect(message.subject == "Saying Hello")
        // Every obsolete form is accepted and reported.
        #expect(!message.allDiagnostics().isEmpty)
        #expect(message.allDiagnostics().allSatisfy { $0.severity <= .warning })
    }
}
