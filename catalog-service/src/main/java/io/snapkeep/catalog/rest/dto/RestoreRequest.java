package io.snapkeep.catalog.rest.dto;

import java.util.UUID;

/**
 * Body of {@code POST /snapshots/{id}/restore}. {@code confirm} must be exactly {@code RESTORE}. {@code mode} is
 * {@code in-place} (default: restore beside the target, then swap) or {@code clean} (pg_restore --clean straight
 * into the target). {@code targetInstanceId} defaults to the snapshot's own instance. {@code allowSuperuser}
 * (default false) lets an uploaded snapshot, whose SQL is untrusted, be restored by a superuser target role.
 */
public record RestoreRequest(UUID targetInstanceId, String confirm, String mode, Boolean keepOwners,
        Integer parallelJobs, Boolean allowSuperuser) {
}
