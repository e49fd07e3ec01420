package io.railcast.server.system;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.util.StringUtils;

/**
 * Zero-setup database: without {@code spring.r2dbc.url}, start a PostgreSQL of our own and hand its address to
 * Boot as connection details, so that the R2DBC ConnectionFactory (auto-configured) and the JDBC DataSource
 * ({@link DatabaseConfiguration}) both point at it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    static final String SERVER_BEAN = "embeddedPostgresServer";

    @Bean(name = SERVER_BEAN, destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties, Environment environment) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException("spring.datasource.url is set but spring.r2dbc.url is not: set both to use"
                    + " an external PostgreSQL, or neither to use the embedded one");
        }
        return new EmbeddedPostgresServer(properties);
    }

    @Bean
    JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgresServer server) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return EmbeddedPostgresServer.USER;
            }

            @Override
            public @Nullable String getPassword() {
                return null; // zonky's initdb trusts local connections; the server listens on localhost only
            }

            @Override
            public String getJdbcUrl() {
                return server.jdbcUrl();
            }
        };
    }

    @Bean
    R2dbcConnectionDetails embeddedR2dbcConnectionDetails(EmbeddedPostgresServer server) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, "localhost")
                .option(ConnectionFactoryOptions.PORT, server.port())
                .option(ConnectionFactoryOptions.USER, EmbeddedPostgresServer.USER)
                .option(ConnectionFactoryOptions.DATABASE, server.databaseName())
                .build();
        return () -> options;
    }

    /**
     * The pools and Quartz reach the server through connection details looked up lazily, which records no
     * dependency: declare it, so that the server starts before them and stops only after they have closed.
     */
    @Bean
    static BeanFactoryPostProcessor embeddedPostgresUsers() {
        return beanFactory -> {
            for (Class<?> user :
                    new Class<?>[] {ConnectionFactory.class, DataSource.class, SchedulerFactoryBean.class}) {
                for (String name : beanFactory.getBeanNamesForType(user, true, false)) {
                    dependOnServer(beanFactory, name);
                }
            }
        };
    }

    private static void dependOnServer(ConfigurableListableBeanFactory beanFactory, String name) {
        String beanName = name.startsWith("&") ? name.substring(1) : name;
        BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
        String[] dependsOn = definition.getDependsOn();
        definition.setDependsOn(StringUtils.addStringToArray(dependsOn, SERVER_BEAN));
    }

    /** Matches when no external database is configured. */
    static final class NoExternalDatabase extends NoneNestedConditions {

        NoExternalDatabase() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnProperty("spring.r2dbc.url")
        static final class ExternalR2dbcUrl {}
    }
}
