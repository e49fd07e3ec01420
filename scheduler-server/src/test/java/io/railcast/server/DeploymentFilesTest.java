package io.railcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container image and the compose layout of {@code deploy/} (docs/operations.md), checked where no container
 * runtime exists: the compose file parses as YAML and describes two instances on one database behind HAProxy, each
 * with its health check; the Dockerfile has only known instructions, starts with FROM and runs as a user, not root.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Set<String> INSTRUCTIONS = Set.of(
            "FROM",
            "RUN",
            "CMD",
            "LABEL",
            "EXPOSE",
            "ENV",
            "ADD",
            "COPY",
            "ENTRYPOINT",
            "VOLUME",
            "USER",
            "WORKDIR",
            "ARG",
            "ONBUILD",
            "STOPSIGNAL",
            "HEALTHCHECK",
            "SHELL");
    private static final String READINESS = "http://localhost:8080/actuator/health/readiness";

    @Test
    void composeRunsTwoInstancesOfOneClusterOnOneDatabaseBehindTheLoadBalancer() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        assertThat(services).containsOnlyKeys("postgres", "railcast-1", "railcast-2", "haproxy");

        for (String name : List.of("railcast-1", "railcast-2")) {
            Map<String, Object> instance = map(services.get(name));
            Map<String, Object> build = map(instance.get("build"));
            assertThat(build).containsEntry("context", "..").containsEntry("dockerfile", "deploy/Dockerfile");
            assertThat(Files.exists(DEPLOY.resolve("..").resolve((String) build.get("dockerfile"))))
                    .isTrue();
            Map<String, Object> environment = map(instance.get("environment"));
            assertThat(environment)
                    .as(name + " points at the database")
                    .containsEntry("SPRING_R2DBC_URL", "r2dbc:postgresql://postgres:5432/railcast")
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/railcast")
                    .containsEntry("SPRING_QUARTZ_SCHEDULER_NAME", "railcast")
                    .containsKeys("SPRING_R2DBC_PASSWORD", "SPRING_DATASOURCE_PASSWORD");
            assertThat(map(instance.get("depends_on"))).containsKey("postgres");
            assertThat(list(map(instance.get("healthcheck")).get("test"))).contains(READINESS);
            assertThat(instance)
                    .as(name + " is reached through the load balancer only")
                    .doesNotContainKey("ports");
        }

        Map<String, Object> postgres = map(services.get("postgres"));
        assertThat((String) postgres.get("image")).startsWith("postgres:");
        assertThat(list(postgres.get("command"))).contains("archive_mode=on", "wal_level=replica");
        assertThat(map(postgres.get("healthcheck"))).containsKey("test");

        Map<String, Object> haproxy = map(services.get("haproxy"));
        assertThat((String) haproxy.get("image")).startsWith("haproxy:");
        assertThat(list(haproxy.get("ports"))).containsExactly("8080:8080");
        assertThat(map(haproxy.get("depends_on"))).containsKeys("railcast-1", "railcast-2");
        assertThat(map(haproxy.get("healthcheck"))).containsKey("test");
        assertThat(list(haproxy.get("volumes")))
                .anySatisfy(volume -> assertThat(String.valueOf(volume)).startsWith("./haproxy.cfg:"));
    }

    @Test
    void theLoadBalancerProbesReadinessOnEveryInstance() throws IOException {
        String config = Files.readString(DEPLOY.resolve("haproxy.cfg"));
        assertThat(config).contains("option httpchk GET /actuator/health/readiness");
        assertThat(config).containsPattern("(?m)^\\s+server railcast-1 railcast-1:8080 check\\b");
        assertThat(config).containsPattern("(?m)^\\s+server railcast-2 railcast-2:8080 check\\b");
        assertThat(config).contains("timeout tunnel"); // agents' event streams outlive a request timeout
    }

    @Test
    void theDockerfileBuildsInStagesAndRunsTheBootJarAsAUserWithAReadinessCheck() throws IOException {
        List<String> instructions = instructions(Files.readAllLines(DEPLOY.resolve("Dockerfile")));
        assertThat(instructions).isNotEmpty();
        assertThat(instructions).allSatisfy(line -> assertThat(INSTRUCTIONS).contains(keyword(line)));
        assertThat(keyword(instructions.get(0))).isEqualTo("FROM");
        assertThat(instructions.stream().filter(line -> keyword(line).equals("FROM")))
                .as("multi-stage")
                .hasSizeGreaterThanOrEqualTo(2);
        List<String> users = instructions.stream()
                .filter(line -> keyword(line).equals("USER"))
                .toList();
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER".length()).trim();
        assertThat(user).isNotIn("root", "0", "0:0", "root:root");
        assertThat(instructions)
                .anySatisfy(line -> assertThat(line).startsWith("HEALTHCHECK").contains(READINESS));
        assertThat(instructions)
                .anySatisfy(line -> assertThat(line).startsWith("ENTRYPOINT").contains("-jar"));
    }

    private static Map<String, Object> compose() throws IOException {
        return map(new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml"))));
    }

    /** The Dockerfile's instructions, continuation lines joined, comments and blank lines left out. */
    private static List<String> instructions(List<String> lines) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line)
                    .append(' ');
            if (!continues) {
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        assertThat(current).as("a continued last line").isEmpty();
        return instructions;
    }

    private static String keyword(String instruction) {
        return instruction.split("\\s+", 2)[0];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
