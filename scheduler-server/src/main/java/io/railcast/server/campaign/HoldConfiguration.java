package io.railcast.server.campaign;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the holds' settings ({@link HoldProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HoldProperties.class)
class HoldConfiguration {}
