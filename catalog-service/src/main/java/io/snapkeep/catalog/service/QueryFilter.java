package io.snapkeep.catalog.service;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Builds a Panache where-clause from optional filters, and reads one page of its results. */
public final class QueryFilter {
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters params = new Parameters();

    public QueryFilter equal(String field, Object value) {
        return add(field, "=", value);
    }

    public QueryFilter notEqual(String field, Object value) {
        return add(field, "<>", value);
    }

    public QueryFilter atLeast(String field, Object value) {
        return add(field, ">=", value);
    }

    public String where() {
        return where.toString();
    }

    public Parameters params() {
        return params;
    }

    public static <T> Uni<Paged<T>> page(PanacheQuery<T> query, PageRequest request) {
        return query.page(request.page(), request.size()).list()
                .chain(items -> query.count().map(total -> new Paged<>(items, total)));
    }

    private QueryFilter add(String field, String operator, Object value) {
        if (value != null) {
            String name = "p" + params.map().size();
            where.append(" and ").append(field).append(' ').append(operator).append(" :").append(name);
            params.and(name, value);
        }
        return this;
    }
}
