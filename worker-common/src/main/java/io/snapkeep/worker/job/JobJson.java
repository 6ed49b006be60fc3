package io.snapkeep.worker.job;

import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.worker.JobFailure;

/**
 * Reads a job message from its JSON. Its errors name what is wrong but never quote the message, which holds a sealed
 * password; each worker's parser then checks what its jobs need.
 */
public final class JobJson {

    private JobJson() {
    }

    /**
     * @param failure makes the worker's own failure from a sentence saying what is wrong
     * @return the job, never null
     */
    public static <T> T read(ObjectMapper mapper, String json, Class<T> type,
            Function<String, ? extends JobFailure> failure) {
        if (json == null || json.isBlank()) {
            throw failure.apply("empty message");
        }
        T job;
        try {
            job = mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw failure.apply("not a " + type.getSimpleName() + " JSON document (" + e.getClass().getSimpleName()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr())
                    + ")");
        }
        if (job == null) {
            throw failure.apply("null message");
        }
        return job;
    }
}
