package io.snapkeep.localstack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Asks a broker for cluster metadata over the Kafka wire protocol (Metadata v4, plain JDK sockets). A broker that
 * lists at least one broker has joined the cluster and serves clients.
 */
final class KafkaProbe {

    private static final short METADATA_API_KEY = 3;
    private static final short METADATA_VERSION = 4;
    private static final int CORRELATION_ID = 1;
    private static final byte[] CLIENT_ID = "snapkeep-local-stack".getBytes(StandardCharsets.UTF_8);
    private static final int TIMEOUT_MILLIS = 2000;

    private KafkaProbe() {
    }

    static boolean brokerReady(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(metadataRequest());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readInt();
            int correlationId = in.readInt();
            in.readInt();
            int brokers = in.readInt();
            return correlationId == CORRELATION_ID && brokers > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] metadataRequest() {
        int size = 2 + 2 + 4 + 2 + CLIENT_ID.length + 4 + 1;
        ByteBuffer buffer = ByteBuffer.allocate(4 + size);
        buffer.putInt(size);
        buffer.putShort(METADATA_API_KEY);
        buffer.putShort(METADATA_VERSION);
        buffer.putInt(CORRELATION_ID);
        buffer.putShort((short) CLIENT_ID.length);
        buffer.put(CLIENT_ID);
        buffer.putInt(-1);
        buffer.put((byte) 0);
        return buffer.array();
    }
}
