public import MIMECore

extension GroupID {
    /// The group a message belongs to, from its header fields (COI client spec, "Sending a Chat
    /// Message to a Group" and "Replying to a Group Message"), first found of:
    /// 1. the `Message-ID` (`chat$group.GROUPID.…` or Delta Chat's `Gr.GROUPID.…`);
    /// 2. Delta Chat's `Chat-Group-ID` field;
    /// 3. the first `References` id, which is how a reply from an ordinary mail client, whose
    ///    own Message-ID carries no group, is placed in its group.
    public init?(fields: HeaderFields) {
        if let group = COIDetection.messageID(in: fields)?.groupID {
            self = group
        } else if let field = fields.first(named: "Chat-Group-ID"), let group = GroupID(field.unfoldedValue) {
            self = group
        } else if let group = COIDetection.firstReference(in: fields)?.groupID {
            self = group
        } else {
            return nil
        }
    }
}
