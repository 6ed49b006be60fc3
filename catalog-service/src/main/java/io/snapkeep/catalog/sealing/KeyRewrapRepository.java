package io.snapkeep.catalog.sealing;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Snapshot;

@ApplicationScoped
public class KeyRewrapRepository implements PanacheRepositoryBase<KeyRewrap, UUID> {

    /** Snapshots whose data key is wrapped by another key than {@code activeKey}, after {@code after} by id. */
    public Uni<List<Snapshot>> wrappedByOthers(String activeKey, UUID after, int limit) {
        return getSession().chain(session -> session.createSelectionQuery(
                "from Snapshot where wrappedKey is not null and keyId <> :active and id > :after order by id",
                Snapshot.class).setParameter("active", activeKey).setParameter("after", after)
                .setMaxResults(limit).getResultList());
    }

    public Uni<Long> countWrappedByOthers(String activeKey) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select count(*) from Snapshot where wrappedKey is not null and keyId <> :active", Long.class)
                .setParameter("active", activeKey).getSingleResult());
    }

    /** How many snapshots each archive key id wraps the data keys of. */
    public Uni<List<Object[]>> usage() {
        return getSession().chain(session -> session.createSelectionQuery(
                "select keyId, count(*) from Snapshot where wrappedKey is not null group by keyId order by keyId",
                Object[].class).getResultList());
    }

    /** Runs left RUNNING by a catalog that stopped: FAILED, to be asked again. */
    public Uni<Integer> failInterrupted() {
        return update("status = ?1, error = ?2, finishedAt = current_timestamp where status = ?3", KeyRewrap.FAILED,
                "interrupted: the catalog stopped during the run; ask for a re-wrap again (it goes on where this"
                        + " one stopped)", KeyRewrap.RUNNING);
    }
}
