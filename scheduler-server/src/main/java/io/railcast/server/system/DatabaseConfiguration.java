package io.railcast.server.system;

import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.util.StringUtils;

/**
 * One PostgreSQL, two ways in: the application speaks R2DBC (the ConnectionFactory is Boot's), Flyway and Quartz's
 * job store need JDBC. Boot 4 creates no DataSource once an R2DBC ConnectionFactory exists, so it is declared here;
 * it points at the embedded server when {@link EmbeddedDatabaseConfiguration} is active, else at
 * {@code spring.datasource.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSourceProperties.class)
class DatabaseConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, ObjectProvider<JdbcConnectionDetails> embedded) {
        JdbcConnectionDetails details = embedded.getIfAvailable();
        DataSourceBuilder<HikariDataSource> builder;
        if (details != null) {
            builder = DataSourceBuilder.create(getClass().getClassLoader())
                    .type(HikariDataSource.class)
                    .driverClassName(details.getDriverClassName())
                    .url(details.getJdbcUrl())
                    .username(details.getUsername())
                    .password(details.getPassword());
        } else if (StringUtils.hasText(properties.getUrl())) {
            builder = properties.initializeDataSourceBuilder().type(HikariDataSource.class);
        } else {
            throw new IllegalStateException("spring.r2dbc.url is set, so RailCast uses an external PostgreSQL:"
                    + " set spring.datasource.url (with username and password) too, for Flyway and Quartz");
        }
        HikariDataSource dataSource = builder.build();
        dataSource.setPoolName(StringUtils.hasText(properties.getName()) ? properties.getName() : "railcast-jdbc");
        return dataSource;
    }

    /**
     * Declared so that reactive transactions find exactly one manager: with a DataSource around, Boot would
     * otherwise add a JDBC one and {@code @Transactional} on a reactive method becomes ambiguous. The JDBC users
     * (Flyway, Quartz) manage their own transactions.
     */
    @Bean
    R2dbcTransactionManager transactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }
}
