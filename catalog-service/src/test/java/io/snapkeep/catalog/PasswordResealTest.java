package io.snapkeep.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.service.Awaits;
import io.snapkeep.catalog.service.PasswordResealer;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.PasswordSealer;

/** An instance sealed the old way (context: the instance id alone) is re-sealed for its whole connection. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class PasswordResealTest {

    @Inject
    InstanceRepository instances;

    @Inject
    PasswordResealer resealer;

    @ConfigProperty(name = "snapkeep.crypto.key")
    String cryptoKey;

    @Test
    void anInstanceSealedWithTheOldContextIsResealedWithTheConnection() {
        PasswordSealer sealer = PasswordSealer.fromBase64Key(cryptoKey);
        UUID id = UUID.fromString(Fixtures.registerInstance());
        Awaits.await(() -> Panache.withTransaction(() -> instances.findById(id).invoke(instance -> {
            instance.sealedPassword = sealer.seal(Fixtures.PASSWORD, id.toString());
            instance.passwordSealVersion = 1;
        })));

        Awaits.await(resealer::resealAll);

        Instance resealed = Awaits.await(() -> Panache.withSession(() -> instances.findById(id)));
        assertEquals(Instance.SEAL_VERSION, resealed.passwordSealVersion);
        assertEquals(Fixtures.PASSWORD, sealer.open(resealed.sealedPassword,
                PasswordSealer.context(id.toString(), "127.0.0.1", 5432, "app", "app")));
    }
}
