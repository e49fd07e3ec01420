package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;

/** Half an external configuration is refused at start, before anything connects anywhere. */
class DatabaseConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class))
            .withUserConfiguration(EmbeddedDatabaseConfiguration.class, DatabaseConfiguration.class);

    @Test
    void refusesAnR2dbcUrlWithoutAJdbcUrl() {
        contexts.withPropertyValues("spring.r2dbc.url=r2dbc:postgresql://localhost:5432/railcast")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("set spring.datasource.url"));
    }

    @Test
    void refusesAJdbcUrlWithoutAnR2dbcUrl() {
        contexts.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:5432/railcast")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("spring.datasource.url is set but spring.r2dbc.url is not"));
    }

    @Test
    void startsNoEmbeddedServerWhenBothUrlsAreSet() {
        // nothing connects while the context starts, so no server needs to listen there
        contexts.withPropertyValues(
                        "spring.r2dbc.url=r2dbc:postgresql://localhost:5432/railcast",
                        "spring.r2dbc.username=railcast",
                        "spring.datasource.url=jdbc:postgresql://localhost:5432/railcast")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(EmbeddedPostgresServer.class)
                        .hasSingleBean(R2dbcTransactionManager.class));
    }
}
