package io.snapkeep.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.Ports;
import io.snapkeep.localstack.Secrets;
import io.snapkeep.localstack.ServiceEnvironment;
import io.snapkeep.localstack.ServiceProcess;
import io.snapkeep.localstack.ServiceSpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole system as an operator runs it, started once for all end-to-end tests of this JVM: the real servers
 * of the {@link LocalStack}, the catalog-service and two dump-workers, each its own JVM from its built jar.
 */
final class RunningSystem {
    private static RunningSystem instance;

    final LocalStack stack;
    final ServiceProcess catalog;
    final List<ServiceProcess> dumpWorkers = new ArrayList<>();
    final S3Client s3;
    final Path logDir;

    private RunningSystem() {
        stack = LocalStack.startForTests();
        Path repoRoot = Path.of(System.getProperty("snapkeep.repo.root", ".."));
        logDir = Path.of("target", "e2e-logs").toAbsolutePath();
        ServiceEnvironment env = new ServiceEnvironment(stack, Secrets.base64Key(32));
        catalog = ServiceProcess.start(repoRoot, env.catalogService(Ports.freePort()), logDir, "256m");
        for (int i = 1; i <= 2; i++) {
            String workerId = "dump-worker-" + i;
            dumpWorkers.add(ServiceProcess.start(repoRoot, withWorkerId(env.dumpWorker(Ports.freePort()), workerId),
                    logDir.resolve(workerId), "256m"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopServices, "e2e-services-shutdown"));
        s3 = S3Client.builder().endpointOverride(URI.create(stack.s3().endpoint())).region(Region.of(stack.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(stack.s3AccessKey(), stack.s3SecretKey())))
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = catalog.port();
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    private static ServiceSpec withWorkerId(ServiceSpec spec, String workerId) {
        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.put("SNAPKEEP_WORKER_ID", workerId);
        return new ServiceSpec(spec.module(), spec.port(), environment);
    }

    private void stopServices() {
        dumpWorkers.forEach(ServiceProcess::stop);
        catalog.stop();
    }
}
