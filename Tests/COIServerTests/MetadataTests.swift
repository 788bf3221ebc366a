import COIServer
import Testing

@Suite struct MetadataPathTests {
    @Test(arguments: [
        ("/private/vendor/vendor.dovecot/coi/config", MetadataPath.coiConfig),
        ("/private/vendor/vendor.dovecot/coi/config/enabled", .coiSetting(.enabled)),
        ("/private/vendor/vendor.dovecot/coi/config/mailbox-root", .coiSetting(.mailboxRoot)),
        ("/private/vendor/vendor.dovecot/coi/config/message-filter", .coiSetting(.messageFilter)),
        ("/PRIVATE/Vendor/vendor.dovecot/COI/config/Enabled", .coiSetting(.enabled)),
        ("/private/vendor/vendor.dovecot/webpush/vapid", .vapidKey),
        ("/private/vendor/vendor.dovecot/webpush/subscriptions", .subscriptions),
        ("/private/vendor/vendor.dovecot/webpush/subscriptions/31754ee7-d3ee-4226-b112-6895ed26fcf8",
         .subscription(try! PushRegistrationID(validating: "31754ee7-d3ee-4226-b112-6895ed26fcf8"))),
        ("/private/vendor/vendor.dovecot/webpush/subscriptions/123-123-123-123-123123/validate",
         .subscriptionValidation(try! PushRegistrationID(validating: "123-123-123-123-123123"))),
    ])
    func definedPathsParse(name: String, expected: MetadataPath) throws {
        let path = try MetadataPath(parsing: name)
        #expect(path == expected)
        #expect(path.description.lowercased() == name.lowercased())
    }

    @Test(arguments: [
        ("private/vendor/vendor.dovecot/coi/config", MetadataPath.Error.Code.malformed),
        ("/private/vendor/vendor.dovecot/coi/config/", .malformed),
        ("/private/vendor//vendor.dovecot/coi/config", .malformed),
        ("/private/vendor/vendor.dovecot/coi/config/*", .malformed),
        ("/private/vendor/vendor.dovecot/coi/config/enabled\u{0}", .malformed),
        ("/shared/comment", .unknownNamespace),
        ("/private/vendor/vendor.dovecot/coi/configx", .unknownNamespace),
        ("/private/vendor/vendor.dovecot/coi/config/enable", .unknownSetting),
        ("/private/vendor/vendor.dovecot/coi/config/enabled/more", .unknownSetting),
        ("/private/vendor/vendor.dovecot/webpush/other", .unknownEntry),
        ("/private/vendor/vendor.dovecot/webpush/subscriptions/short", .invalidRegistrationID),
        ("/private/vendor/vendor.dovecot/webpush/subscriptions/1234567890123456789012345678901234567", .invalidRegistrationID),
        ("/private/vendor/vendor.dovecot/webpush/subscriptions/abcdefghij.k", .invalidRegistrationID),
        ("/private/vendor/vendor.dovecot/webpush/subscriptions/abcdefghijk/validate/again", .unknownEntry),
        ("/private/vendor/vendor.dovecot/webpush/subscriptions/abcdefghijk/check", .unknownEntry),
        ("/" + String(repeating: "a", count: 300), .tooLong),
    ])
    func undefinedPathsAreRefused(name: String, code: MetadataPath.Error.Code) {
        #expect(throws: MetadataPath.Error.self) { try MetadataPath(parsing: name) }
        do {
            _ = try MetadataPath(parsing: name)
        } catch {
            #expect(error.code == code)
        }
    }

    @Test func writability() throws {
        let vapid = try MetadataPath(parsing: "/private/vendor/vendor.dovecot/webpush/vapid")
        #expect(vapid.isWritable == false)
        do {
            try vapid.checkWritable()
            Issue.record("writable")
        } catch {
            #expect(error.responseText == "[CANNOT] /private/vendor/vendor.dovecot/webpush/vapid is read-only")
        }
        try MetadataPath(parsing: "/private/vendor/vendor.dovecot/coi/config/enabled").checkWritable()
        do {
            _ = try MetadataPath(parsing: "/shared/comment")
        } catch {
            #expect(error.refusal.responseText.hasPrefix("[CANNOT] entry /shared/comment is not"))
        }
    }

    @Test(arguments: ["abcdefghij", "ABC_def-123-xyz", String(repeating: "z", count: 36)])
    func registrationIDsAccepted(text: String) throws {
        #expect(try PushRegistrationID(validating: text).rawValue == text)
    }

    @Test(arguments: ["abcdefghi", String(repeating: "z", count: 37), "abcdefghij!", "abcdéfghijk", "abc defghij"])
    func registrationIDsRefused(text: String) {
        #expect(throws: PushRegistrationID.Error.self) { try PushRegistrationID(validating: text) }
    }
}

@Suite struct COIConfigurationTests {
    @Test func enablingCreatesTheFoldersAndStoresYes() throws {
        var configuration = COIConfiguration()
        let actions = try configuration.set(.enabled, to: "yes")
        #expect(configuration.isEnabled)
        #expect(actions == [
            .createMailboxIfMissing("COI/Contacts", subscribe: false),
            .createMailboxIfMissing("COI/Chats", subscribe: true),
            .store(.enabled, "yes"),
        ])
        #expect(try configuration.set(.enabled, to: nil) == [.store(.enabled, nil), .stopFiltering])
        #expect(!configuration.isEnabled)
    }

    /// The spec's example: `SETMETADATA … enabled true` is answered
    /// `NO [CANNOT] invalid value for /private/vendor/vendor.dovecot/coi/config/enabled: "true"`.
    @Test(arguments: ["true", "Yes", "YES", "no", "", "yes "])
    func enabledValuesOtherThanYesAreRefused(value: String) {
        var configuration = COIConfiguration()
        do {
            _ = try configuration.set(.enabled, to: value)
            Issue.record("accepted \(value)")
        } catch {
            #expect(error.code == .invalidValue)
            #expect(error.responseText == "[CANNOT] invalid value for /private/vendor/vendor.dovecot/coi/config/enabled: \"\(value)\"")
        }
        #expect(!configuration.isEnabled)
    }

    /// The spec's example: `message-filter inactive` is answered
    /// `NO [CANNOT] invalid value for /private/vendor/vendor.dovecot/coi/config/message-filter: inactive`.
    @Test func filterValuesAreCaseSensitiveAndRefusedAsTheSpecShows() throws {
        var configuration = COIConfiguration(isEnabled: true)
        for value in ["inactive", "Active", "SEEN"] {
            #expect(throws: MetadataRefusal.self) { try configuration.set(.messageFilter, to: value) }
        }
        do {
            _ = try configuration.set(.messageFilter, to: "inactive")
        } catch {
            #expect(error.responseText == "[CANNOT] invalid value for /private/vendor/vendor.dovecot/coi/config/message-filter: inactive")
        }
        #expect(try configuration.set(.messageFilter, to: "active") == [
            .createMailboxIfMissing("COI/Chats", subscribe: true), .store(.messageFilter, "active"), .startFiltering(.active),
        ])
        #expect(try configuration.set(.messageFilter, to: "none") == [.store(.messageFilter, "none"), .startFiltering(.none)])
        #expect(try configuration.set(.messageFilter, to: nil) == [.store(.messageFilter, nil), .startFiltering(.none)])
        #expect(configuration.messageFilter == .none)
    }

    /// The spec's example: `NO [CANNOT] unable to set /private/vendor/vendor.dovecot/coi/config/mailbox-root`.
    @Test func mailboxRootIsFixedUnlessTheServerAllowsIt() throws {
        var fixed = COIConfiguration()
        do {
            _ = try fixed.set(.mailboxRoot, to: "myroot")
            Issue.record("accepted")
        } catch {
            #expect(error.responseText == "[CANNOT] unable to set /private/vendor/vendor.dovecot/coi/config/mailbox-root")
        }
        var open = COIConfiguration(isEnabled: true, allowsUserMailboxRoot: true)
        #expect(try open.set(.mailboxRoot, to: "Chat") == [
            .createMailboxIfMissing("Chat/Contacts", subscribe: false), .createMailboxIfMissing("Chat/Chats", subscribe: true),
            .store(.mailboxRoot, "Chat"),
        ])
        #expect(open.folders.chats == "Chat/Chats")
        #expect(throws: MetadataRefusal.self) { try open.set(.mailboxRoot, to: "a//b") }
        #expect(throws: MetadataRefusal.self) { try open.set(.mailboxRoot, to: "a*") }
    }

    /// The spec's GETMETADATA example lists enabled, mailbox-root and message-filter.
    @Test func storedValuesReadAsTheSpecSays() {
        let configuration = COIConfiguration(stored: [.enabled: "yes", .mailboxRoot: "COI", .messageFilter: "active"])
        #expect(configuration.isEnabled)
        #expect(configuration.messageFilter == .active)
        #expect(configuration.metadataEntries.map(\.path) == [COISetting.enabled.path, COISetting.mailboxRoot.path, COISetting.messageFilter.path])
        #expect(configuration.metadataEntries.map(\.value) == ["yes", "COI", "active"])
        #expect(!COIConfiguration(stored: [.enabled: "Yes"]).isEnabled)
        #expect(COIConfiguration(stored: [.messageFilter: "bogus"]).messageFilter == MessageFilter.none)
        #expect(COIConfiguration(stored: [:]).metadataEntries.map(\.value) == ["COI"])
    }
}

@Suite struct COIFoldersTests {
    let folders = COIFolders()
    let trash: Set<String> = ["Trash", "Deleted Items"]

    @Test func creatingOrDeletingChatsTogglesCOI() {
        #expect(folders.create("COI/Chats") == .allowAndEnableCOI)
        #expect(folders.create("COI/Chats").enabledSetting == .some("yes"))
        #expect(folders.create("COI/Other") == .allow)
        #expect(folders.delete("COI/Chats") == .allowAndDisableCOI)
        #expect(folders.delete("COI/Chats").enabledSetting == .some(nil))
        #expect(folders.delete("COI") == .allow)
        #expect(folders.delete("COI/Contacts") == .allow)
    }

    @Test func renamingChatsOnlyIntoTheTrash() {
        #expect(folders.rename(from: "COI/Chats", to: "Trash/Chats", trash: trash) == .allowAndDisableCOI)
        #expect(folders.rename(from: "COI/Chats", to: "Deleted Items/Old chats", trash: trash) == .allowAndDisableCOI)
        #expect(folders.rename(from: "COI", to: "Trash/COI", trash: trash) == .allowAndDisableCOI)
        if case .refuse = folders.rename(from: "COI/Chats", to: "Archive/Chats", trash: trash) {} else { Issue.record("allowed") }
        if case .refuse = folders.rename(from: "COI", to: "COI2", trash: trash) {} else { Issue.record("allowed") }
        if case .refuse = folders.rename(from: "COI/Chats", to: "Trashcan", trash: trash) {} else { Issue.record("allowed") }
        #expect(folders.rename(from: "Old", to: "COI/Chats", trash: trash) == .allowAndEnableCOI)
        #expect(folders.rename(from: "COI/Contacts", to: "Contacts", trash: trash) == .allow)
        #expect(folders.rename(from: "COI/Chatsworth", to: "X", trash: trash) == .allow)
    }

    @Test func otherDelimiterAndRoot() {
        let dotted = COIFolders(mailboxRoot: "INBOX.COI", delimiter: ".")
        #expect(dotted.chats == "INBOX.COI.Chats")
        #expect(dotted.contacts == "INBOX.COI.Contacts")
        #expect(dotted.rename(from: "INBOX.COI", to: "Trash.COI", trash: ["Trash"]) == .allowAndDisableCOI)
    }
}
