package io.snapkeep.messages;

/** What {@link MessageSigner#verify} found; only {@link #VALID} lets a message be read. */
public enum SignatureCheck {
    VALID("signature valid"),
    UNSIGNED("no " + MessageSigner.KEY_ID_HEADER + " or " + MessageSigner.SIGNATURE_HEADER + " header"),
    UNKNOWN_KEY("signed with a key id this service does not know"),
    MALFORMED("the signature header is not the base64 of an HMAC-SHA256"),
    MISMATCH("the signature does not match the topic, key and payload");

    private final String description;

    SignatureCheck(String description) {
        this.description = description;
    }

    /** A sentence for a log line; it never quotes the message. */
    public String description() {
        return description;
    }
}
