package io.snapkeep.catalog.auth;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    public Uni<UserAccount> findByUsername(String username) {
        return find("username", username).firstResult();
    }

    public Uni<Long> countAdmins() {
        return count("role", Role.ADMIN.id());
    }
}
