package io.railcast.server.takeover;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The takeover feature's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TakeoverProperties.class)
class TakeoverConfiguration {}
