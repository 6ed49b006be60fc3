package io.snapkeep.worker.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

import io.snapkeep.messages.Topics;

/**
 * Waits until a worker's own job-control consumer group has a member assigned {@code snapkeep.job-control}: it reads
 * only what comes after that (offset reset {@code latest}), so a test sends its commands once it listens.
 */
public final class JobControlGroups {
    private JobControlGroups() {
    }

    public static void awaitListening(String bootstrapServers, String groupPrefix) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> listening(admin, groupPrefix));
        }
    }

    private static boolean listening(Admin admin, String groupPrefix) throws ExecutionException, InterruptedException {
        List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(id -> id.startsWith(groupPrefix)).toList();
        if (groups.isEmpty()) {
            return false;
        }
        return admin.describeConsumerGroups(groups).all().get().values().stream()
                .map(ConsumerGroupDescription::members).flatMap(Collection::stream)
                .anyMatch(member -> member.assignment().topicPartitions().stream()
                        .anyMatch(p -> p.topic().equals(Topics.JOB_CONTROL)));
    }
}
