# One image recipe for every service: docker build --build-arg MODULE=dump-worker -t snapkeep/dump-worker .
# Build the jars first: ./mvnw -B -DskipTests install
FROM eclipse-temurin:17-jre
ARG MODULE
# The workers run pg_dump, pg_restore and psql; the client must be at least the servers' major version.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/*
COPY ${MODULE}/target/quarkus-app/ /app/
USER 1001
EXPOSE 8080
# Serial GC with a small young generation: the services keep little live data, and G1 grew their heap towards the
# limit while they moved archives (see bench/).
CMD ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-Xmn16m", "-jar", "/app/quarkus-run.jar"]
