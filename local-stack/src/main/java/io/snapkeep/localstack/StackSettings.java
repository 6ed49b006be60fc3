package io.snapkeep.localstack;

import java.nio.file.Path;

/**
 * Where the Kafka and S3 servers of a {@link LocalStack} keep their data and listen.
 *
 * @param dataDir             a directory per server is created under it ({@code kafka}, {@code s3})
 * @param kafkaPort           the broker's client port
 * @param kafkaControllerPort the KRaft controller port; recorded in the formatted storage, so keep it stable
 * @param s3Port              the S3 endpoint's port
 * @param s3AccessKey         the S3 access key id clients sign with
 * @param s3SecretKey         the S3 secret access key
 */
public record StackSettings(Path dataDir, int kafkaPort, int kafkaControllerPort, int s3Port,
                            String s3AccessKey, String s3SecretKey) {
}
