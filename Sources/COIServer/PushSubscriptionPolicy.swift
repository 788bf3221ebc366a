/// The server's rules for how many subscriptions a user may hold and how long an unvalidated
/// one lives (IMAP WebPush extension, "Subscribe" and "Validate New Subscriptions").
public struct PushSubscriptionPolicy: Sendable, Hashable {
    /// The most subscriptions one user may hold; the spec recommends a limit without naming one.
    public var maximumPerUser: Int
    /// How long, in seconds, a client has to return the validation text, and how long an
    /// unvalidated subscription is kept: 5 minutes as the spec recommends.
    public var validationWindow: Int64

    /// Whether only validated subscriptions receive message pushes. The spec makes validation
    /// a MAY; requiring it (the default) keeps unconfirmed endpoints from receiving mail data.
    public var requiresValidation: Bool

    /// Creates a policy.
    public init(maximumPerUser: Int = 10, validationWindow: Int64 = 300, requiresValidation: Bool = true) {
        self.maximumPerUser = maximumPerUser
        self.validationWindow = validationWindow
        self.requiresValidation = requiresValidation
    }

    /// Whether a delivered message with or without `$Chat` is pushed to `subscription`: its
    /// `msgtype` matches and, when ``requiresValidation``, it is validated.
    public func shouldPush(to subscription: PushSubscription, isChat: Bool) -> Bool {
        (subscription.validated || !requiresValidation) && subscription.messageType.matches(isChat: isChat)
    }

    /// Checks that storing subscription `id` keeps the user within ``maximumPerUser``; replacing
    /// an existing subscription always fits. Refuses with `NO [METADATA TOOMANY]` (RFC 5464
    /// section 4.3), which is the spec's `NO` with the response code METADATA defines for it.
    public func admit(_ id: PushRegistrationID, existing: some Collection<PushRegistrationID>) throws(MetadataRefusal) {
        guard !existing.contains(id), existing.count >= maximumPerUser else { return }
        throw MetadataRefusal(code: .tooManySubscriptions, responseCode: "METADATA TOOMANY",
                              text: "at most \(maximumPerUser) push subscriptions; remove one first")
    }

    /// Whether `subscription` was never validated and its window has passed at `now` (seconds
    /// since 1970): the server SHOULD discard it.
    public func isExpired(_ subscription: PushSubscription, now: Int64) -> Bool {
        requiresValidation && !subscription.validated && now - subscription.created > validationWindow
    }

    /// The IDs of the subscriptions to discard at `now`.
    public func expired(_ subscriptions: some Sequence<PushSubscription>, now: Int64) -> [PushRegistrationID] {
        subscriptions.filter { isExpired($0, now: now) }.map(\.id)
    }
}
