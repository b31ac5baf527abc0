# The Koppel server on its embedded database, as `./koppel serve` runs it (docs/server.md).
#
#   mvn -B -DskipTests -pl bom,server -am install      # builds server/target/koppel-server.jar
#   docker build -t koppel-server .
#   docker run -p 8080:8080 -v koppel-data:/koppel/data koppel-server
#
# On PostgreSQL instead of the embedded database:
#   docker run -p 8080:8080 -e KOPPEL_DB_USER=koppel -e KOPPEL_DB_PASSWORD=... koppel-server \
#     --postgres jdbc:postgresql://db:5432/koppel
#
# The image runs the same jar that scripts/server-jar-check.sh starts and tests in CI.
FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /koppel --create-home koppel && mkdir /koppel/data && chown koppel /koppel/data
COPY server/target/koppel-server.jar /koppel/koppel-server.jar
USER koppel
WORKDIR /koppel
VOLUME /koppel/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/koppel/koppel-server.jar", "--host", "0.0.0.0", "--database", "/koppel/data/koppel"]
