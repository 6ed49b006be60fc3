package io.snapkeep.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageSignerTest {
    private static final String KEY = base64Key(7);
    private static final String OLD_KEY = base64Key(9);
    private static final String PAYLOAD = "{\"v\":1,\"jobId\":\"j1\"}";
    private final MessageSigner signer = MessageSigner.of("k2", KEY, Map.of("k1", OLD_KEY), "signing-key");

    @Test
    void aSignedMessageVerifiesAsSent() {
        Map<String, byte[]> headers = signer.headers(Topics.DUMP_JOBS, "instance-1", PAYLOAD);
        assertEquals("k2", new String(headers.get(MessageSigner.KEY_ID_HEADER), StandardCharsets.UTF_8));
        assertEquals(SignatureCheck.VALID, signer.verify(Topics.DUMP_JOBS, "instance-1", PAYLOAD, headers::get));
    }

    @Test
    void anAlteredPayloadAnotherTopicOrAnotherKeyIsRefused() {
        Map<String, byte[]> headers = signer.headers(Topics.DUMP_JOBS, "instance-1", PAYLOAD);
        assertEquals(SignatureCheck.MISMATCH,
                signer.verify(Topics.DUMP_JOBS, "instance-1", PAYLOAD.replace("j1", "j2"), headers::get));
        assertEquals(SignatureCheck.MISMATCH,
                signer.verify(Topics.RESTORE_JOBS, "instance-1", PAYLOAD, headers::get));
        assertEquals(SignatureCheck.MISMATCH, signer.verify(Topics.DUMP_JOBS, "instance-2", PAYLOAD, headers::get));
        assertEquals(SignatureCheck.MISMATCH, signer.verify(Topics.DUMP_JOBS, null, PAYLOAD, headers::get));
    }

    @Test
    void fieldsCannotBeShiftedFromKeyToPayload() {
        Map<String, byte[]> headers = signer.headers(Topics.DUMP_JOBS, "a\n1:b", "c");
        assertEquals(SignatureCheck.MISMATCH, signer.verify(Topics.DUMP_JOBS, "a", "b\nc", headers::get));
    }

    @Test
    void aMissingHeaderAnUnknownKeyIdOrAGarbledSignatureIsRefused() {
        Map<String, byte[]> headers = new HashMap<>(signer.headers(Topics.DUMP_JOBS, "i", PAYLOAD));
        assertEquals(SignatureCheck.UNSIGNED, signer.verify(Topics.DUMP_JOBS, "i", PAYLOAD, name -> null));
        Map<String, byte[]> noSignature = new HashMap<>(headers);
        noSignature.remove(MessageSigner.SIGNATURE_HEADER);
        assertEquals(SignatureCheck.UNSIGNED, signer.verify(Topics.DUMP_JOBS, "i", PAYLOAD, noSignature::get));
        Map<String, byte[]> unknown = new HashMap<>(headers);
        unknown.put(MessageSigner.KEY_ID_HEADER, "k9".getBytes(StandardCharsets.UTF_8));
        assertEquals(SignatureCheck.UNKNOWN_KEY, signer.verify(Topics.DUMP_JOBS, "i", PAYLOAD, unknown::get));
        Map<String, byte[]> garbled = new HashMap<>(headers);
        garbled.put(MessageSigner.SIGNATURE_HEADER, "not base64!".getBytes(StandardCharsets.UTF_8));
        assertEquals(SignatureCheck.MALFORMED, signer.verify(Topics.DUMP_JOBS, "i", PAYLOAD, garbled::get));
    }

    @Test
    void aMessageSignedWithAnOlderKeyStillVerifiesAndAStrangersDoesNot() {
        MessageSigner before = MessageSigner.of("k1", OLD_KEY, Map.of(), "signing-key");
        Map<String, byte[]> old = before.headers(Topics.JOB_EVENTS, "job", PAYLOAD);
        assertEquals(SignatureCheck.VALID, signer.verify(Topics.JOB_EVENTS, "job", PAYLOAD, old::get));
        MessageSigner stranger = MessageSigner.of("k2", base64Key(1), Map.of(), "signing-key");
        Map<String, byte[]> forged = stranger.headers(Topics.JOB_EVENTS, "job", PAYLOAD);
        assertEquals(SignatureCheck.MISMATCH, signer.verify(Topics.JOB_EVENTS, "job", PAYLOAD, forged::get));
        assertEquals(SignatureCheck.UNKNOWN_KEY, before.verify(Topics.JOB_EVENTS, "job", PAYLOAD,
                signer.headers(Topics.JOB_EVENTS, "job", PAYLOAD)::get));
    }

    @Test
    void aBadKeyIsRefusedWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> MessageSigner.of("k1", shortKey, Map.of(), "snapkeep.messages.signing-key"));
        assertEquals("snapkeep.messages.signing-key must be at least 32 bytes (base64 of 32 random bytes: openssl rand"
                + " -base64 32), got 16", tooShort.getMessage());
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> MessageSigner.of("k1", "s3cret-not-base64!", Map.of(), "snapkeep.messages.signing-key"));
        assertFalse(notBase64.getMessage().contains("s3cret"));
        IllegalArgumentException badVerifyKey = assertThrows(IllegalArgumentException.class,
                () -> MessageSigner.of("k2", KEY, Map.of("k1", shortKey), "snapkeep.messages.signing-key"));
        assertFalse(badVerifyKey.getMessage().contains(shortKey));
        assertThrows(IllegalArgumentException.class, () -> MessageSigner.of("k1", null, Map.of(), "key"));
        assertThrows(IllegalArgumentException.class, () -> MessageSigner.of(" ", KEY, Map.of(), "key"));
    }

    private static String base64Key(int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        return Base64.getEncoder().encodeToString(key);
    }
}
