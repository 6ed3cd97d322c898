# kapacitord image: build the fat jar with Maven, run it on a JRE.
#   docker build -t kapacitord .
#   docker run -p 9092:9092 -v kapacitor-data:/var/lib/kapacitor kapacitord
# Cluster mode needs PostgreSQL: see docker-compose.yml and cluster/README.md.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
# Dependencies in their own layer, so a source change does not download them again.
RUN mvn -B -q dependency:go-offline
COPY src ./src
# The tests need a PostgreSQL server; they run in CI, not in the image build.
RUN mvn -B -q clean package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/kapacitor kapacitor \
    && mkdir -p /var/lib/kapacitor /etc/kapacitor \
    && chown kapacitor /var/lib/kapacitor
WORKDIR /opt/kapacitor
COPY --from=build /build/target/kapacitord.jar ./kapacitord.jar
COPY cluster/hazelcast.xml /etc/kapacitor/hazelcast.xml
ENV KAPACITOR_DATA_DIR=/var/lib/kapacitor \
    KAPACITOR_CLUSTER_HAZELCAST_CONFIG=/etc/kapacitor/hazelcast.xml
USER kapacitor
VOLUME /var/lib/kapacitor
# HTTP API; Hazelcast member port (cluster mode only).
EXPOSE 9092 5701
ENTRYPOINT ["java", "-jar", "/opt/kapacitor/kapacitord.jar"]
CMD ["run"]
