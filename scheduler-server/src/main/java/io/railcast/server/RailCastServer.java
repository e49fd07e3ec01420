package io.railcast.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The RailCast scheduling server: the network of stations and screens behind a reactive HTTP API, on PostgreSQL
 * (an embedded one unless {@code spring.r2dbc.url} names another).
 */
@SpringBootApplication
public class RailCastServer {

    public static void main(String[] args) {
        SpringApplication.run(RailCastServer.class, args);
    }
}
